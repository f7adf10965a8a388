//! Suppression directives, as a desk writes them into articles: comments in
//! Markdown and HTML, lines of their own in plain text; unused ones and
//! unknown rule names reported.

#![allow(clippy::unwrap_used)]

mod common;

use common::{mtlint, write};
use mtlint::diagnostic::Edit;
use mtlint::fix::apply_edits;
use mtlint::span::Span;
use serde_json::Value;

/// (rule, text, first suggestion, severity) of each diagnostic of the one file checked.
fn check(dir: &std::path::Path, name: &str, src: &str, flags: &[&str]) -> Vec<Value> {
    let path = write(dir, name, src);
    let out = mtlint()
        .args(["check", "--format", "json"])
        .args(flags)
        .arg(&path)
        .output()
        .unwrap();
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    json["files"][0]["diagnostics"].as_array().unwrap().clone()
}

fn summary(found: &[Value]) -> Vec<(String, String)> {
    found
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap().to_string(),
                d["text"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn pairs(items: &[(&str, &str)]) -> Vec<(String, String)> {
    items
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

/// `src` with the first suggestion of each diagnostic applied.
fn fixed(src: &str, found: &[Value]) -> String {
    let edits: Vec<Edit> = found
        .iter()
        .filter_map(|d| {
            Some(Edit {
                span: Span::new(
                    d["span"]["start"].as_u64()? as usize,
                    d["span"]["end"].as_u64()? as usize,
                ),
                replacement: d["suggestions"].get(0)?.as_str()?.to_string(),
            })
        })
        .collect();
    apply_edits(src, &edits).0
}

const MARKDOWN: &str = "\
# Rubio meets Lawrow in Riad

<!-- mtlint-disable names/lavrov -->
Lawrow arrived on Monday. Lawrow left on Tuesday, said Selenskyj.
<!-- mtlint-enable names/lavrov -->

Lawrow again.

<!-- mtlint-disable-next-line -->
Selenskyj met Lawrow in Kiew.

<!-- mtlint-disable names -->
Selenskyj and Lawrow in Kiew; the the talks.
";

#[test]
fn markdown_comments_silence_rules_packs_and_everything() {
    let dir = tempfile::tempdir().unwrap();
    let found = check(dir.path(), "a.md", MARKDOWN, &[]);
    assert_eq!(
        summary(&found),
        pairs(&[
            ("names/lavrov", "Lawrow"),
            ("names/riyadh", "Riad"),
            ("names/zelensky", "Selenskyj"),
            ("names/lavrov", "Lawrow"),
            ("typography/doubled-word", "the the"),
        ])
    );
}

#[test]
fn html_comments_and_globs() {
    let dir = tempfile::tempdir().unwrap();
    let src = "<article><h1>Talks in Riad</h1>\n\
<!-- mtlint-disable-next-line */riyadh, typography/* -- the venue's own spelling -->\n\
<p>The hotel „Riad“ in Riad.</p>\n\
<p>Back in Riad.</p></article>\n";
    let found = check(dir.path(), "a.html", src, &[]);
    assert_eq!(
        summary(&found),
        pairs(&[("names/riyadh", "Riad"), ("names/riyadh", "Riad")])
    );
    let starts: Vec<u64> = found
        .iter()
        .map(|d| d["span"]["start"].as_u64().unwrap())
        .collect();
    assert_eq!(starts[1] as usize, src.rfind("Riad").unwrap());
}

#[test]
fn plain_text_directive_lines_are_not_prose() {
    let dir = tempfile::tempdir().unwrap();
    let src = "Rubio met Lawrow.\n\
mtlint-disable-next-line names/lavrov -- Lawrow is how the quoted agency spells it\n\
\n\
The agency wrote Lawrow.\n\
Lawrow again.\n";
    let found = check(dir.path(), "a.txt", src, &[]);
    assert_eq!(
        summary(&found),
        pairs(&[("names/lavrov", "Lawrow"), ("names/lavrov", "Lawrow")])
    );
    assert_eq!(found[0]["span"]["line"], 1);
    assert_eq!(found[1]["span"]["line"], 5);
}

#[test]
fn unused_suppressions_are_reported_on_request_with_a_fix_that_deletes_them() {
    let dir = tempfile::tempdir().unwrap();
    let src = "# Talks\n\
\n\
<!-- mtlint-disable-next-line names/lavrov -->\n\
Rubio met Lavrov.\n\
\n\
<!-- mtlint-disable-next-line names/riyadh, names/lavrov -->\n\
They met in Riad.\n";
    // not asked for: nothing to report
    assert!(check(dir.path(), "a.md", src, &[]).is_empty());

    let found = check(dir.path(), "a.md", src, &["--report-unused-suppressions"]);
    let unused: Vec<&Value> = found
        .iter()
        .filter(|d| d["rule"] == "mtlint/unused-suppression")
        .collect();
    assert_eq!(unused.len(), 2, "{found:#?}");
    assert!(unused.iter().all(|d| d["severity"] == "warning"));
    assert!(unused.iter().all(|d| d["fix"] == "safe"));
    assert_eq!(
        fixed(src, &found),
        "# Talks\n\
\n\
Rubio met Lavrov.\n\
\n\
<!-- mtlint-disable-next-line names/riyadh -->\n\
They met in Riad.\n"
    );

    // warnings fail the run only when asked to
    let path = write(dir.path(), "b.md", src);
    mtlint()
        .args(["check", "--report-unused-suppressions", &path])
        .assert()
        .code(0);
    mtlint()
        .args([
            "check",
            "--report-unused-suppressions",
            "--fail-on",
            "warning",
            &path,
        ])
        .assert()
        .code(1);
}

#[test]
fn unknown_rule_names_are_reported_with_the_closest_one() {
    let dir = tempfile::tempdir().unwrap();
    let src = "<!-- mtlint-disable-next-line names/lawrov -->\nRubio met Lawrow.\n";
    let found = check(dir.path(), "a.md", src, &[]);
    assert_eq!(
        summary(&found),
        pairs(&[
            ("mtlint/unknown-rule", "names/lawrov"),
            ("names/lavrov", "Lawrow"),
        ])
    );
    let message = found[0]["message"].as_str().unwrap();
    assert!(message.contains("did you mean “names/lavrov”"), "{message}");
    assert_eq!(found[0]["suggestions"][0], "names/lavrov");
    assert_eq!(found[0]["severity"], "warning");
}

#[test]
fn an_unclosed_disable_runs_to_the_end() {
    let dir = tempfile::tempdir().unwrap();
    let src = "Lawrow.\n\nmtlint-disable\n\nLawrow in Riad. Copy the current link\n";
    let found = check(dir.path(), "a.txt", src, &["--report-unused-suppressions"]);
    assert_eq!(summary(&found), pairs(&[("names/lavrov", "Lawrow")]));
}
