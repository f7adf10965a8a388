//! The prose view of a Markdown (CommonMark + GFM) document.
//!
//! Kept: paragraphs, headings, list items, block quotes, table cells,
//! footnotes, link text and image alt text, each block on lines of its own.
//! Skipped: code blocks, inline code (a placeholder stands in the sentence),
//! URLs and link targets, raw HTML tags and comments, YAML (`---`) and TOML
//! (`+++`) front matter. An HTML block is read as HTML (its text is kept,
//! its scripts and navigation are not).

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

use super::html;
use super::map::ViewBuilder;
use super::runs::{self, Flavor, PLACEHOLDER};
use crate::span::Span;

/// Parser options: GFM tables, footnotes, strikethrough and task lists, and
/// both kinds of front matter.
fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS
}

/// Builds the prose view of `b`'s source; directive comments go to `directives`.
pub(crate) fn build(b: &mut ViewBuilder<'_>, directives: &mut Vec<Span>) {
    let source = b.source();
    // depth of Start/End nesting inside something skipped whole
    let mut skip = 0usize;
    for (event, range) in Parser::new_ext(source, options()).into_offset_iter() {
        if skip > 0 {
            match event {
                Event::Start(_) => skip += 1,
                Event::End(_) => skip -= 1,
                _ => {}
            }
            continue;
        }
        match event {
            Event::Start(tag) => match tag {
                Tag::CodeBlock(_) | Tag::MetadataBlock(_) => {
                    b.block();
                    skip = 1;
                }
                Tag::HtmlBlock => {
                    b.block();
                    html::build_fragment(b, range, directives);
                    b.block();
                    skip = 1;
                }
                Tag::Link {
                    link_type: LinkType::Autolink | LinkType::Email,
                    ..
                } => {
                    b.replaced(range, PLACEHOLDER);
                    skip = 1;
                }
                Tag::Image { .. } => b.block(),
                Tag::Link { .. }
                | Tag::Emphasis
                | Tag::Strong
                | Tag::Strikethrough
                | Tag::Superscript
                | Tag::Subscript => {}
                _ => b.block(),
            },
            Event::End(end) => match end {
                TagEnd::Link
                | TagEnd::Emphasis
                | TagEnd::Strong
                | TagEnd::Strikethrough
                | TagEnd::Superscript
                | TagEnd::Subscript => {}
                _ => b.block(),
            },
            Event::Text(text) => {
                if source.get(range.clone()) == Some(&*text) {
                    runs::push(b, range, Flavor::Markdown);
                } else {
                    // an entity or escape the parser decoded
                    b.replaced(range, &text);
                }
            }
            Event::Code(_) | Event::InlineMath(_) | Event::DisplayMath(_) => {
                b.replaced(range, PLACEHOLDER);
            }
            Event::Html(_) | Event::InlineHtml(_) => {
                let tag = source.get(range.clone()).unwrap_or("");
                if tag.len() >= 3 && tag[..3].eq_ignore_ascii_case("<br") {
                    b.line();
                }
                runs::directive_comments(source, range, directives);
            }
            Event::SoftBreak => b.space(None),
            Event::HardBreak => b.line(),
            Event::Rule => b.block(),
            Event::FootnoteReference(_) | Event::TaskListMarker(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view(src: &str) -> (String, Vec<Span>) {
        let mut b = ViewBuilder::new(src);
        let mut dirs = Vec::new();
        build(&mut b, &mut dirs);
        (b.finish().0, dirs)
    }

    #[test]
    fn prose_only() {
        let src = "---\ntitle: Lawrow\n---\n\n# Talks in Riad\n\nRubio met [Lawrow](https://x.org/lawrow \"t\") and\nsaid `run --fast` was <em>fine</em>.\n\n```\nLawrow()\n```\n\n- one\n- two\n\n> quoted\n> text\n\n![Selenskyj speaking](img.png)\n";
        let (v, _) = view(src);
        assert_eq!(
            v,
            "Talks in Riad\n\nRubio met Lawrow and said \u{FFFC} was fine.\n\none\n\ntwo\n\nquoted text\n\nSelenskyj speaking"
        );
    }

    #[test]
    fn tables_and_entities() {
        let src = "| a | b |\n|---|---|\n| Caf&eacute; | AT&amp;T |\n\n+++\nx = 1\n+++\n";
        let (v, _) = view(src);
        assert!(v.starts_with("a\n\nb\n\nCafé\n\nAT&T"), "{v:?}");
    }

    #[test]
    fn toml_front_matter_is_skipped() {
        let (v, _) = view("+++\ntitle = \"Lawrow\"\n+++\n\nText.\n");
        assert_eq!(v, "Text.");
    }

    #[test]
    fn comments_are_directive_sites() {
        let src = "<!-- mtlint-disable names -->\nLawrow\n\nText <!-- mtlint-enable --> end\n";
        let (v, dirs) = view(src);
        assert_eq!(v, "Lawrow\n\nText end");
        assert_eq!(dirs.len(), 2);
    }
}
