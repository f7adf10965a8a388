//! Markdown and HTML input: only prose is checked, and every span, line,
//! column and fix points into the file's original bytes, whatever the
//! markup, entities, multi-byte characters and line endings around it.

#![allow(clippy::unwrap_used)]

mod common;

use common::{mtlint, write, Rng};
use mtlint::diagnostic::Edit;
use mtlint::document::InputFormat;
use mtlint::fix::apply_edits;
use mtlint::span::Span;
use mtlint::Document;
use serde_json::Value;

/// One diagnostic of the JSON output.
#[derive(Debug)]
struct Found {
    rule: String,
    start: usize,
    end: usize,
    line: usize,
    column: usize,
    text: String,
    suggestions: Vec<String>,
}

/// `mtlint check --format json ARGS…` → the diagnostics of the one file.
fn check(args: &[&str]) -> Vec<Found> {
    let out = mtlint()
        .args(["check", "--format", "json"])
        .args(args)
        .output()
        .unwrap();
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    json["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| Found {
            rule: d["rule"].as_str().unwrap().to_string(),
            start: d["span"]["start"].as_u64().unwrap() as usize,
            end: d["span"]["end"].as_u64().unwrap() as usize,
            line: d["span"]["line"].as_u64().unwrap() as usize,
            column: d["span"]["column"].as_u64().unwrap() as usize,
            text: d["text"].as_str().unwrap().to_string(),
            suggestions: d["suggestions"]
                .as_array()
                .unwrap()
                .iter()
                .map(|s| s.as_str().unwrap().to_string())
                .collect(),
        })
        .collect()
}

/// Every diagnostic's text is the source slice at its span, and its line
/// and column (characters, 1-based) are those of its start in the source.
fn assert_points_into(source: &str, found: &[Found]) {
    for f in found {
        assert_eq!(
            source.get(f.start..f.end),
            Some(f.text.as_str()),
            "{f:?} is not a source slice"
        );
        let before = &source[..f.start];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().unwrap().chars().count() + 1;
        assert_eq!((f.line, f.column), (line, column), "{f:?}");
    }
}

/// The source with the first suggestion of every diagnostic applied.
fn fixed(source: &str, found: &[Found]) -> String {
    let edits: Vec<Edit> = found
        .iter()
        .filter_map(|f| {
            Some(Edit {
                span: Span::new(f.start, f.end),
                replacement: f.suggestions.first()?.clone(),
            })
        })
        .collect();
    apply_edits(source, &edits).0
}

fn rules(found: &[Found]) -> Vec<(&str, &str)> {
    found
        .iter()
        .map(|f| (f.rule.as_str(), f.text.as_str()))
        .collect()
}

const HTML_CRLF: &str = "<!DOCTYPE html>\r\n<html><head><title>Lawrow</title></head><body>\r\n\
<nav><a href=\"/\">Copy the current link</a></nav>\r\n<article>\r\n\
<h1>Rubio meets Lawrow in Riad</h1>\r\n\
<p>Caf&eacute; owners in K&ouml;ln &amp; Bonn – ä 😀 said:\r\n  &bdquo;We are ready&ldquo;.</p>\r\n\
<p>Selenskyj&#8217;s&nbsp;office said 3,5&nbsp;percent.</p>\r\n\
<p>Copy the current link</p>\r\n</article></body></html>\r\n";

#[test]
fn html_spans_and_fixes_land_in_the_original_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "a.html", HTML_CRLF);
    let found = check(&[&path]);
    assert_points_into(HTML_CRLF, &found);
    assert_eq!(
        rules(&found),
        [
            ("names/lavrov", "Lawrow"),
            ("names/riyadh", "Riad"),
            ("names/cologne", "K&ouml;ln"),
            ("typography/german-quotes", "&bdquo;We are ready&ldquo;"),
            ("names/zelensky", "Selenskyj"),
            ("typography/decimal-comma-percent", "3,5"),
            ("furniture/share-link", "Copy the current link"),
        ]
    );
    assert_eq!(
        fixed(HTML_CRLF, &found),
        "<!DOCTYPE html>\r\n<html><head><title>Lawrow</title></head><body>\r\n\
<nav><a href=\"/\">Copy the current link</a></nav>\r\n<article>\r\n\
<h1>Rubio meets Lavrov in Riyadh</h1>\r\n\
<p>Caf&eacute; owners in Cologne &amp; Bonn – ä 😀 said:\r\n  “We are ready”.</p>\r\n\
<p>Zelensky&#8217;s&nbsp;office said 3.5&nbsp;percent.</p>\r\n\
<p></p>\r\n</article></body></html>\r\n"
    );
}

const MARKDOWN_CRLF: &str = "---\r\ntitle: Lawrow in Riad\r\n---\r\n\r\n# Talks in Riad\r\n\r\n\
Sergei Lawrow – ä 😀 met [Selenskyj](https://x.example/Selenskyj \"Selenskyj\")\r\n\
in Kiew on the the Tuesday. Run `Lawrow --help` &amp; see <https://x.example/Lawrow>.\r\n\r\n\
Copy the current link\r\n\r\n\
```\r\nLawrow in code\r\n```\r\n\r\n> „Ready“, said Lawrow.\r\n";

#[test]
fn markdown_spans_and_fixes_land_in_the_original_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "a.md", MARKDOWN_CRLF);
    let found = check(&[&path]);
    assert_points_into(MARKDOWN_CRLF, &found);
    assert_eq!(
        rules(&found),
        [
            ("names/riyadh", "Riad"),
            ("names/lavrov", "Lawrow"),
            ("names/zelensky", "Selenskyj"),
            ("names/kyiv", "Kiew"),
            ("typography/doubled-word", "the the"),
            ("furniture/share-link", "Copy the current link\r\n"),
            ("typography/german-quotes", "„Ready“"),
            ("names/lavrov", "Lawrow"),
        ]
    );
    assert_eq!(
        fixed(MARKDOWN_CRLF, &found),
        "---\r\ntitle: Lawrow in Riad\r\n---\r\n\r\n# Talks in Riyadh\r\n\r\n\
Sergei Lavrov – ä 😀 met [Zelensky](https://x.example/Selenskyj \"Selenskyj\")\r\n\
in Kyiv on the Tuesday. Run `Lawrow --help` &amp; see <https://x.example/Lawrow>.\r\n\r\n\
\r\n\
```\r\nLawrow in code\r\n```\r\n\r\n> “Ready”, said Lavrov.\r\n"
    );
}

#[test]
fn a_fix_that_would_cross_markup_is_dropped_but_the_finding_stays() {
    let dir = tempfile::tempdir().unwrap();
    let src = "<p>They met the <em>the</em> minister in Kiew.</p>";
    let path = write(dir.path(), "a.html", src);
    let found = check(&[&path]);
    assert_points_into(src, &found);
    let doubled = found
        .iter()
        .find(|f| f.rule == "typography/doubled-word")
        .expect("the doubled word is still reported");
    assert_eq!(doubled.text, "the <em>the");
    assert!(doubled.suggestions.is_empty(), "{doubled:?}");
    assert_eq!(
        fixed(src, &found),
        "<p>They met the <em>the</em> minister in Kyiv.</p>"
    );
}

#[test]
fn input_format_flag_overrides_the_extension() {
    let dir = tempfile::tempdir().unwrap();
    let src = "<script>var Lawrow = 1;</script>\n<p>Talks in Riad.</p>\n";
    let path = write(dir.path(), "page.txt", src);
    let as_text = check(&[&path]);
    assert!(as_text.iter().any(|f| f.text == "Lawrow"), "{as_text:?}");
    let as_html = check(&["--input-format", "html", &path]);
    assert_eq!(rules(&as_html), [("names/riyadh", "Riad")]);
}

/// The fixtures written as a CMS and a static-site generator export them.
const FIXTURES: &[&str] = &[
    "fixtures/cms-export-01.html",
    "fixtures/static-site-01.md",
    "fixtures/clean-web-01-library-data.html",
    "fixtures/clean-web-02-cycle-lanes.md",
];

/// What a fix must never change: tags (but the text of `alt` and `title`
/// attributes, which is prose), comments, link targets, code.
fn markup(source: &str) -> Vec<String> {
    let prose_attributes = regex::Regex::new(r#"(alt|title)="[^"]*""#).unwrap();
    let source = &*prose_attributes.replace_all(source, "$1=\"…\"");
    let mut out = Vec::new();
    let mut rest = source;
    while let Some(i) = rest.find(['<', '`', ']']) {
        rest = &rest[i..];
        let end = match rest.as_bytes()[0] {
            b'<' => rest.find('>').map(|e| e + 1),
            b'`' => rest[1..].find('`').map(|e| e + 2),
            _ => rest
                .starts_with("](")
                .then(|| rest.find(')').map(|e| e + 1))
                .flatten(),
        }
        .unwrap_or(1);
        if end > 1 {
            out.push(rest[..end].to_string());
        }
        rest = &rest[end..];
    }
    out
}

#[test]
fn fixtures_point_into_their_bytes_and_fixes_leave_markup_alone() {
    for path in FIXTURES {
        let source = std::fs::read_to_string(path).unwrap();
        let found = check(&[path]);
        assert_points_into(&source, &found);
        let corrected = fixed(&source, &found);
        assert_eq!(markup(&source), markup(&corrected), "{path}");
        // the same file with CRLF line endings gives the same findings, moved
        let crlf = source.replace('\n', "\r\n");
        let dir = tempfile::tempdir().unwrap();
        let name = std::path::Path::new(path).file_name().unwrap();
        let copy = write(dir.path(), name.to_str().unwrap(), &crlf);
        let found_crlf = check(&[&copy]);
        assert_points_into(&crlf, &found_crlf);
        let texts = |f: &[Found]| -> Vec<String> {
            f.iter().map(|d| d.text.replace("\r\n", "\n")).collect()
        };
        assert_eq!(texts(&found), texts(&found_crlf), "{path} with CRLF");
        assert_eq!(
            fixed(&crlf, &found_crlf).replace("\r\n", "\n"),
            corrected,
            "{path} with CRLF"
        );
    }
}

#[test]
fn the_cms_export_is_fixed_in_the_article_only() {
    let path = "fixtures/cms-export-01.html";
    let source = std::fs::read_to_string(path).unwrap();
    let corrected = fixed(&source, &check(&[path]));
    let body = |s: &str| {
        let start = s.find("<article").unwrap();
        s[start..s.find("</article>").unwrap()].to_string()
    };
    for german in [
        "Kischinau",
        "Moskau",
        "Transnistrien",
        "Moldawien",
        "Selenskyj",
    ] {
        assert!(
            !body(&corrected).contains(german),
            "{german} left in the article"
        );
    }
    // the page head is not prose and stays as it was
    let head = |s: &str| s[..s.find("<body").unwrap()].to_string();
    assert_eq!(head(&source), head(&corrected));
    for leaked in [
        "Listen to article",
        "Copy the current link",
        "Photo: picture alliance",
    ] {
        assert!(
            !body(&corrected).contains(leaked),
            "{leaked} left in the article"
        );
    }
    // the site's own widgets are not touched
    assert!(corrected.contains("<button data-share=\"facebook\">Share on Facebook</button>"));
    assert!(corrected.contains("<li><a href=\"/newsletter\">Newsletter</a></li>"));
}

#[test]
fn clean_pages_raise_no_alarm() {
    for path in &FIXTURES[2..] {
        let found = check(&[path]);
        assert!(found.is_empty(), "{path}: {found:?}");
    }
}

#[test]
fn views_hold_the_prose_and_nothing_else() {
    let html = std::fs::read_to_string("fixtures/clean-web-01-library-data.html").unwrap();
    let doc = Document::parse(html, InputFormat::Html);
    let view = doc.text();
    for prose in [
        "Leeds libraries open their catalogue to developers",
        "A call to \u{FFFC} returns every title",
        "“Our catalogue belongs to the people who pay for it,”",
        "city’s 34 branches – and",
        "The reading room of Leeds Central Library",
        "Leeds open data portal",
    ] {
        assert!(view.contains(prose), "{prose:?} missing from {view:?}");
    }
    for chrome in [
        "Skip to content",
        "Technology\n\nCulture",
        "Sign in",
        "Copy link",
        "import requests",
        "More from Technology",
        "All rights reserved",
        "window.ledger",
    ] {
        assert!(!view.contains(chrome), "{chrome:?} in {view:?}");
    }

    let md = std::fs::read_to_string("fixtures/static-site-01.md").unwrap();
    let doc = Document::parse(md, InputFormat::Markdown);
    let view = doc.text();
    assert!(
        view.starts_with("Low water on the Rhein: barges sail only half loaded\n\nShare article\n")
    );
    assert!(view.contains("downloaded from the federal waterways portal as \u{FFFC};"));
    for skipped in [
        "title:",
        "wikipedia",
        "curl",
        "plot.py",
        "pegel-kaub.csv",
        "Drought dossier",
    ] {
        assert!(!view.contains(skipped), "{skipped:?} in {view:?}");
    }
}

#[test]
fn plain_text_is_its_own_view() {
    let doc = Document::parse("Lawrow met <b>Rubio</b>.", InputFormat::Plain);
    assert_eq!(doc.text(), doc.source());
    assert_eq!(doc.to_source(Span::new(3, 9)), Span::new(3, 9));
}

/// Markup, entities and text that rules react to, to glue into random documents.
const PIECES: &[&str] = &[
    "a",
    " ",
    "\n",
    "\r\n",
    "\n\n",
    "\t",
    ".",
    ",",
    "-",
    " -",
    "–",
    "ä",
    "😀",
    "\u{301}",
    "\u{a0}",
    "<p>",
    "</p>",
    "<em>",
    "</em>",
    "<br>",
    "<div class=\"share\">",
    "</div>",
    "<article>",
    "</article>",
    "<nav>",
    "</nav>",
    "<script>",
    "</script>",
    "<style>",
    "<code>",
    "</code>",
    "<img alt=\"Lawrow",
    "\">",
    "<a title='Riad'>",
    "</a>",
    "<!--",
    "-->",
    "<!-- mtlint-disable -->",
    "<!-- mtlint-enable names -->",
    "mtlint-disable-next-line names/x\n",
    "&amp;",
    "&nbsp;",
    "&#8217;",
    "&eacute;",
    "&#x1F600;",
    "&",
    "&#",
    ";",
    "<",
    ">",
    "\"",
    "'",
    "`",
    "```",
    "~~~",
    "[",
    "](",
    ")",
    "![",
    "# ",
    "- ",
    "> ",
    "1. ",
    "| a | b |\n|---|---|\n",
    "---\n",
    "+++\n",
    "*",
    "_",
    "\\",
    "https://x.example/a",
    "<https://x.example>",
    "Lawrow",
    "Selenskyj",
    "the the",
    "3,5 percent",
    "„Ready“",
    "Copy the current link",
    "Antony Blinking",
    "14.30 Uhr",
    "Bürgermeister",
];

#[test]
fn random_markup_never_panics_and_spans_stay_on_char_boundaries() {
    use mtlint::rules::embedded;
    use mtlint::Engine;
    let engine = Engine::new(embedded::load().unwrap()).unwrap();
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    for round in 0..150 {
        let len = rng.next() % 300;
        let text: String = (0..len).map(|_| *rng.pick(PIECES)).collect();
        let format = [InputFormat::Markdown, InputFormat::Html, InputFormat::Plain][round % 3];
        let doc = Document::parse(text.clone(), format);
        let on_boundaries = |s: Span| {
            s.start <= s.end
                && s.end <= text.len()
                && text.is_char_boundary(s.start)
                && text.is_char_boundary(s.end)
        };
        let checked = engine.check_detailed(&doc);
        let mut edits = Vec::new();
        for d in checked
            .diagnostics
            .iter()
            .chain(&checked.unused_suppressions)
        {
            assert!(on_boundaries(d.span), "{d:?} in {format} {text:?}");
            for f in &d.fixes {
                for e in &f.edits {
                    assert!(on_boundaries(e.span), "{d:?} in {format} {text:?}");
                }
            }
            edits.extend(d.fixes.iter().take(1).flat_map(|f| f.edits.clone()));
        }
        let _ = apply_edits(&text, &edits);
        // any span of the view maps into the source
        let view_len = doc.text().len();
        for _ in 0..20 {
            let a = (rng.next() % (view_len as u64 + 2)) as usize;
            let b = a + (rng.next() % 40) as usize;
            assert!(
                on_boundaries(doc.to_source(Span::new(a, b))),
                "{format} {text:?}"
            );
        }
    }
}
