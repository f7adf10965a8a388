//! The prose view of an HTML document.
//!
//! Text content only: tags, comments, `script`, `style`, `template`, `svg`,
//! `math`, `noscript`, `iframe`, `object`, `canvas`, `pre` and `title` are
//! skipped. Entities are decoded and whitespace runs collapse to one space,
//! as a browser renders them. `alt` and `title` attributes are checked as
//! blocks of their own; inline code (`code`, `kbd`, `samp`, `var`) stands in
//! the sentence as a placeholder.
//!
//! Site chrome is skipped, so that a site's own menus and buttons never
//! raise an alarm, while text the translation produced is checked:
//!
//! - When a page has an article area (`<article>`, `<main>`, or an element
//!   with `role="main"` or `itemprop="articleBody"`), only the text inside it
//!   is prose; the site's header, menus, sidebars and footer around it are
//!   not. A page without one is checked whole, except its top-level
//!   `header`, `footer` and `aside`.
//! - Widgets are skipped wherever they are: `nav`, `form`, `button`,
//!   `select`, `textarea`, `dialog`, `menu`; elements with a widget `role`
//!   (navigation, toolbar, menu, menubar, search, dialog, button, banner,
//!   contentinfo); `hidden` or `aria-hidden="true"` elements; and elements
//!   whose `class` or `id` names a widget (share, social, toolbar,
//!   newsletter, related, breadcrumb, cookie, consent, comments, subscribe,
//!   paywall).
//!
//! Everything else in the article area (headline, byline, body, captions,
//! the author box) is checked. Button and link texts of the German page that
//! the translation carried into the article body as text ("Copy the current
//! link" as a paragraph, a link or a list item) are therefore still flagged.

use std::ops::Range;

use html5gum::emitters::callback::{CallbackEmitter, CallbackEvent};
use html5gum::Tokenizer;

use super::map::ViewBuilder;
use super::runs::{self, Flavor, PLACEHOLDER};
use crate::span::Span;

/// Elements whose content is never prose.
const SKIPPED: &[&str] = &[
    "script", "style", "template", "svg", "math", "noscript", "iframe", "object", "canvas", "pre",
    "title", "audio", "video", "head", "nav", "form", "button", "select", "textarea", "dialog",
    "menu",
];

/// `role` values of widgets.
const WIDGET_ROLES: &[&str] = &[
    "navigation",
    "toolbar",
    "menu",
    "menubar",
    "search",
    "dialog",
    "button",
    "banner",
    "contentinfo",
];

/// Words in a `class` or `id` that name a widget.
const WIDGET_CLASSES: &[&str] = &[
    "share",
    "sharing",
    "social",
    "toolbar",
    "newsletter",
    "related",
    "breadcrumb",
    "breadcrumbs",
    "cookie",
    "cookies",
    "consent",
    "comments",
    "subscribe",
    "paywall",
];

/// Elements that start and end a block of their own.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "button",
    "caption",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "html",
    "legend",
    "li",
    "main",
    "menu",
    "ol",
    "option",
    "p",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
    "label",
    "nav",
    "pre",
];

/// Elements without content or end tag.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// What may stand in the page head; anything else starts the body.
const HEAD_CONTENT: &[&str] = &[
    "head", "title", "meta", "link", "script", "style", "base", "noscript", "template",
];

/// Inline elements whose text is code, not prose.
const CODE: &[&str] = &["code", "kbd", "samp", "var"];

/// Site chrome when a page has no article area (only at the top level).
const CHROME: &[&str] = &["header", "footer", "aside"];

/// Sectioning elements: chrome inside them belongs to a section, not the site.
const SECTIONS: &[&str] = &["article", "section", "main"];

/// One token of the page, in source offsets.
#[derive(Debug)]
enum Token {
    Start {
        name: String,
        span: Range<usize>,
        attrs: Vec<Attr>,
    },
    End {
        name: String,
        span: Range<usize>,
    },
    Text(Range<usize>),
    Comment(Range<usize>),
}

/// An attribute with its decoded value and where the raw value is.
#[derive(Debug, Default)]
struct Attr {
    name: String,
    value: String,
    span: Range<usize>,
}

/// The tokens of `text`, with spans shifted by `base`.
fn tokenize(text: &str, base: usize) -> Vec<Token> {
    let mut name = String::new();
    let mut start = 0usize;
    let mut attrs: Vec<Attr> = Vec::new();
    let mut emitter = CallbackEmitter::new(
        move |event: CallbackEvent<'_>, span: html5gum::Span<usize>| -> Option<Token> {
            let range = base + span.start..base + span.end.max(span.start);
            let lossy = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
            match event {
                CallbackEvent::OpenStartTag { name: n } => {
                    name = lossy(n);
                    start = range.start;
                    attrs.clear();
                    None
                }
                CallbackEvent::AttributeName { name: n } => {
                    attrs.push(Attr {
                        name: lossy(n),
                        ..Attr::default()
                    });
                    None
                }
                CallbackEvent::AttributeValue { value } => {
                    if let Some(a) = attrs.last_mut() {
                        a.value.push_str(&String::from_utf8_lossy(value));
                        if a.span.is_empty() {
                            a.span = range;
                        } else {
                            a.span.end = range.end;
                        }
                    }
                    None
                }
                CallbackEvent::CloseStartTag { .. } => Some(Token::Start {
                    name: std::mem::take(&mut name),
                    span: start..range.end,
                    attrs: std::mem::take(&mut attrs),
                }),
                CallbackEvent::EndTag { name: n } => {
                    attrs.clear();
                    Some(Token::End {
                        name: lossy(n),
                        span: range,
                    })
                }
                CallbackEvent::String { .. } => Some(Token::Text(range)),
                CallbackEvent::Comment { .. } => Some(Token::Comment(range)),
                CallbackEvent::Doctype { .. } | CallbackEvent::Error(_) => None,
            }
        },
    );
    emitter.naively_switch_states(true);
    Tokenizer::new_with_emitter(text, emitter)
        .filter_map(Result::ok)
        .collect()
}

/// How a page is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// A whole page: site chrome is skipped.
    Page,
    /// A piece of HTML inside another document (a Markdown HTML block).
    Fragment,
}

/// Builds the prose view of a whole HTML page.
pub(crate) fn build_page(b: &mut ViewBuilder<'_>, directives: &mut Vec<Span>) {
    let len = b.source().len();
    build(b, 0..len, Mode::Page, directives);
}

/// Adds the text of the HTML in `range` of the builder's source (an HTML
/// block of a Markdown document) to the view.
pub(crate) fn build_fragment(
    b: &mut ViewBuilder<'_>,
    range: Range<usize>,
    directives: &mut Vec<Span>,
) {
    build(b, range, Mode::Fragment, directives);
}

/// An element that is open while the tokens are read.
#[derive(Debug)]
struct Open {
    name: String,
    skip: bool,
    article: bool,
    chrome: bool,
    section: bool,
    /// Start of a code element whose text becomes the placeholder.
    code: Option<usize>,
}

/// What the open elements say about the text at the current position.
#[derive(Debug, Default, Clone, Copy)]
struct State {
    skip: usize,
    article: usize,
    chrome: usize,
    section: usize,
    code: usize,
}

impl State {
    fn enter(&mut self, o: &Open) {
        self.skip += usize::from(o.skip);
        self.article += usize::from(o.article);
        self.chrome += usize::from(o.chrome);
        self.section += usize::from(o.section);
        self.code += usize::from(o.code.is_some());
    }

    fn leave(&mut self, o: &Open) {
        self.skip -= usize::from(o.skip);
        self.article -= usize::from(o.article);
        self.chrome -= usize::from(o.chrome);
        self.section -= usize::from(o.section);
        self.code -= usize::from(o.code.is_some());
    }
}

fn attr<'a>(attrs: &'a [Attr], name: &str) -> Option<&'a str> {
    attrs
        .iter()
        .find(|a| a.name.eq_ignore_ascii_case(name))
        .map(|a| a.value.trim())
}

fn is_article_area(name: &str, attrs: &[Attr]) -> bool {
    name == "article"
        || name == "main"
        || attr(attrs, "role").is_some_and(|r| r.eq_ignore_ascii_case("main"))
        || attr(attrs, "itemprop").is_some_and(|r| r.eq_ignore_ascii_case("articleBody"))
}

/// Hidden elements and widgets by their attributes.
fn is_widget(attrs: &[Attr]) -> bool {
    let names_widget = |value: &str| {
        value
            .split(|c: char| c.is_whitespace() || c == '-' || c == '_')
            .any(|w| WIDGET_CLASSES.iter().any(|k| w.eq_ignore_ascii_case(k)))
    };
    attr(attrs, "hidden").is_some()
        || attr(attrs, "aria-hidden").is_some_and(|v| v.eq_ignore_ascii_case("true"))
        || attr(attrs, "role")
            .is_some_and(|r| WIDGET_ROLES.iter().any(|w| r.eq_ignore_ascii_case(w)))
        || attr(attrs, "class").is_some_and(names_widget)
        || attr(attrs, "id").is_some_and(names_widget)
}

fn build(b: &mut ViewBuilder<'_>, range: Range<usize>, mode: Mode, directives: &mut Vec<Span>) {
    let Some(text) = b.source().get(range.clone()) else {
        return;
    };
    let tokens = tokenize(text, range.start);
    let has_article = mode == Mode::Page
        && tokens.iter().any(|t| match t {
            Token::Start { name, attrs, .. } => is_article_area(name, attrs),
            _ => false,
        });
    let mut stack: Vec<Open> = Vec::new();
    let mut state = State::default();
    // whether text here is prose
    let checked = |s: &State| {
        s.skip == 0
            && if has_article {
                s.article > 0
            } else {
                s.chrome == 0
            }
    };
    for token in tokens {
        match token {
            Token::Start { name, span, attrs } => {
                let name = name.to_ascii_lowercase();
                // `<body>` or any body element ends a head left open
                if !HEAD_CONTENT.contains(&name.as_str()) {
                    if let Some(at) = stack.iter().rposition(|o| o.name == "head") {
                        for open in stack.drain(at..) {
                            state.leave(&open);
                        }
                    }
                }
                if BLOCKS.contains(&name.as_str()) {
                    b.block();
                }
                if name == "br" {
                    b.line();
                }
                let open = Open {
                    skip: SKIPPED.contains(&name.as_str()) || is_widget(&attrs),
                    article: is_article_area(&name, &attrs),
                    chrome: mode == Mode::Page
                        && !has_article
                        && state.section == 0
                        && CHROME.contains(&name.as_str()),
                    section: SECTIONS.contains(&name.as_str()),
                    code: (CODE.contains(&name.as_str()) && state.code == 0).then_some(span.start),
                    name,
                };
                let mut inner = state;
                inner.enter(&open);
                if checked(&inner) && inner.code == 0 {
                    attribute_blocks(b, &open.name, &attrs);
                }
                if !VOID.contains(&open.name.as_str()) {
                    state = inner;
                    stack.push(open);
                }
            }
            Token::End { name, span } => {
                let name = name.to_ascii_lowercase();
                if BLOCKS.contains(&name.as_str()) {
                    b.block();
                }
                let Some(at) = stack.iter().rposition(|o| o.name == name) else {
                    continue;
                };
                while stack.len() > at {
                    let Some(open) = stack.pop() else { break };
                    let was_checked = checked(&state);
                    state.leave(&open);
                    if let Some(start) = open.code {
                        if was_checked && state.code == 0 {
                            b.replaced(start..span.end, PLACEHOLDER);
                        }
                    }
                    if BLOCKS.contains(&open.name.as_str()) {
                        b.block();
                    }
                }
            }
            Token::Text(span) => {
                if checked(&state) && state.code == 0 {
                    runs::push(b, span, Flavor::Html);
                }
            }
            Token::Comment(span) => {
                let raw = b.source().get(span.clone()).unwrap_or("");
                if raw.contains("mtlint-") {
                    directives.push(Span::new(span.start, span.end));
                }
            }
        }
    }
}

/// `alt` (of images and image inputs) and `title` attributes as blocks of their own.
fn attribute_blocks(b: &mut ViewBuilder<'_>, element: &str, attrs: &[Attr]) {
    for a in attrs {
        let wanted = match a.name.as_str() {
            "alt" => matches!(element, "img" | "area" | "input"),
            "title" => true,
            _ => false,
        };
        if !wanted || a.value.trim().is_empty() {
            continue;
        }
        // the raw value must decode to the value the tokenizer saw
        let raw = b.source().get(a.span.clone()).unwrap_or("");
        if htmlize::unescape_attribute(raw) != a.value {
            continue;
        }
        b.block();
        runs::push(b, a.span.clone(), Flavor::Html);
        b.block();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view(src: &str) -> (String, Vec<Span>) {
        let mut b = ViewBuilder::new(src);
        let mut dirs = Vec::new();
        build_page(&mut b, &mut dirs);
        (b.finish().0, dirs)
    }

    #[test]
    fn text_content_only() {
        let src = "<!DOCTYPE html><html><head><title>T</title><script>var a = '<p>x</p>';</script>\
                   <style>p { color: red }</style></head><body><h1>Rubio meets Lawrow</h1>\
                   <p class=\"lead\">Caf&eacute; &amp; bar&#8217;s <em>big</em>\n   day.</p>\
                   <!-- mtlint-disable names --><p>Run <code>ls -l</code> now<br>next</p>\
                   <img src=\"a.png\" alt=\"Selenskyj in Kyiv\"></body></html>";
        let (v, dirs) = view(src);
        assert_eq!(
            v,
            "Rubio meets Lawrow\n\nCafé & bar’s big day.\n\nRun \u{FFFC} now\nnext\n\nSelenskyj in Kyiv"
        );
        assert_eq!(dirs.len(), 1);
    }

    #[test]
    fn site_chrome_outside_the_article_is_skipped() {
        let src = "<body><header><a href=/>Home</a><div>Copy the current link</div></header>\
                   <nav><ul><li>Politics</li></ul></nav>\
                   <article><h1>Head</h1><p>Body text.</p><p>Copy the current link</p>\
                   <nav>In this article</nav></article>\
                   <aside><h2>Most read</h2></aside><footer>Imprint</footer></body>";
        let (v, _) = view(src);
        assert_eq!(v, "Head\n\nBody text.\n\nCopy the current link");
    }

    #[test]
    fn pages_without_an_article_skip_top_level_chrome() {
        let src = "<body><header>Site</header><div><p>One.</p><section><header>Sec</header></section>\
                   <div hidden>secret</div><span aria-hidden=\"true\">→</span></div><footer>Imprint</footer></body>";
        let (v, _) = view(src);
        assert_eq!(v, "One.\n\nSec");
    }

    #[test]
    fn widgets_in_the_article_are_skipped_but_leaked_text_is_not() {
        let src = "<article><h1>Head</h1><div class=\"share-bar\"><a href=#>Share on X</a></div>\
                   <div role=toolbar><a>Print</a></div><form><label>Email</label></form>\
                   <p>Body.</p><p>Copy the current link</p><button>Copy link</button></article>";
        let (v, _) = view(src);
        assert_eq!(v, "Head\n\nBody.\n\nCopy the current link");
    }

    #[test]
    fn an_unclosed_head_ends_where_the_body_starts() {
        let (v, _) = view("<html><head><title>T</title><meta charset=utf-8><p>Body text.</p>");
        assert_eq!(v, "Body text.");
        let (v, _) = view("<head><style>p {}</style><body><h1>Head</h1></body>");
        assert_eq!(v, "Head");
    }

    #[test]
    fn titles_are_their_own_blocks() {
        let (v, _) = view("<p>The <abbr title=\"European Central Bank\">ECB</abbr> cut rates.</p>");
        assert_eq!(v, "The\n\nEuropean Central Bank\n\nECB cut rates.");
    }
}
