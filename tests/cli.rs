//! Integration tests of the `mtlint` binary: commands, formats and exit codes.

mod common;

use std::path::Path;

use assert_cmd::Command;
use common::{mtlint, write, SEED};
use predicates::prelude::*;
use serde::Deserialize;

/// The JSON contract, as a consumer script would read it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Report {
    version: u32,
    files: Vec<FileOut>,
    summary: Summary,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileOut {
    path: String,
    #[serde(default)]
    error: Option<String>,
    diagnostics: Vec<DiagOut>,
    #[serde(default)]
    score: Option<ScoreOut>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)] // read by the contract, not by every test
struct ScoreOut {
    words: usize,
    penalty: f64,
    penalty_per_kword: f64,
    score: f64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DiagOut {
    rule: String,
    severity: String,
    category: String,
    message: String,
    span: SpanOut,
    text: String,
    suggestions: Vec<String>,
    #[serde(default)]
    fix: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SpanOut {
    start: usize,
    end: usize,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Summary {
    files: usize,
    failed: usize,
    errors: usize,
    warnings: usize,
    infos: usize,
}

fn json_report(cmd: &mut Command) -> Report {
    let out = cmd.output().expect("runs");
    serde_json::from_slice(&out.stdout).expect("stdout is the documented JSON")
}

#[test]
fn json_spans_point_at_the_reported_text() {
    let report = json_report(mtlint().args(["check", "--format", "json", SEED]));
    assert_eq!(report.version, 1);
    let file = &report.files[0];
    assert_eq!(file.path, SEED);
    assert!(file.error.is_none());
    let bytes = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(SEED)).expect("seed");
    let text = String::from_utf8(bytes).expect("utf-8");
    assert!(file.diagnostics.len() > 20, "the seed is full of artifacts");
    let mut last = 0;
    for d in &file.diagnostics {
        assert!(d.span.start <= d.span.end && d.span.end <= text.len());
        assert_eq!(text[d.span.start..d.span.end], d.text, "{d:?}");
        assert!(d.span.start >= last, "sorted by position");
        last = d.span.start;
        let line = text[..d.span.start].matches('\n').count() + 1;
        assert_eq!(d.span.line, line);
        let line_start = text[..d.span.start].rfind('\n').map_or(0, |i| i + 1);
        assert_eq!(
            d.span.column,
            text[line_start..d.span.start].chars().count() + 1
        );
        assert!(d.span.end_line >= d.span.line && d.span.end_column >= 1);
        assert!(["error", "warning", "info"].contains(&d.severity.as_str()));
        assert!(d.category.contains('/'));
        assert!(d.rule.contains('/'));
        assert!(!d.message.is_empty());
        assert!(d.fix.is_none() || !d.suggestions.is_empty());
    }
    let score = file.score.as_ref().expect("a checked file has a score");
    assert!(score.words > 100 && (0.0..=100.0).contains(&score.score));
    let s = &report.summary;
    assert_eq!(s.files, 1);
    assert_eq!(s.failed, 0);
    assert_eq!(s.errors + s.warnings + s.infos, file.diagnostics.len());
}

#[test]
fn seed_names_get_their_english_spelling() {
    let report = json_report(mtlint().args(["check", "--format", "json", SEED]));
    let find = |word: &str| {
        report.files[0]
            .diagnostics
            .iter()
            .find(|d| d.text == word)
            .map(|d| d.suggestions.clone())
            .unwrap_or_default()
    };
    assert_eq!(find("Lawrow").first().map(String::as_str), Some("Lavrov"));
    assert_eq!(
        find("Selenskyj").first().map(String::as_str),
        Some("Zelensky")
    );
    assert_eq!(find("Riad").first().map(String::as_str), Some("Riyadh"));
}

#[test]
fn output_is_deterministic() {
    let a = mtlint()
        .args(["check", "--format", "json", SEED])
        .output()
        .expect("runs");
    let b = mtlint()
        .args(["check", "--format", "json", SEED])
        .output()
        .expect("runs");
    assert_eq!(a.stdout, b.stdout);
}

#[test]
fn exit_codes_follow_the_failing_severity() {
    let dir = tempfile::tempdir().expect("tempdir");
    let clean = write(
        dir.path(),
        "clean.txt",
        "Talks resumed in Riyadh on Monday.\n".as_bytes(),
    );
    mtlint().args(["check", &clean]).assert().code(0);
    let names = write(dir.path(), "names.txt", "Lawrow met Rubio.\n".as_bytes());
    mtlint()
        .args(["check", &names])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("Lavrov"));
    // a warning-only article passes by default and fails with --fail-on warning
    let warn = write(
        dir.path(),
        "warn.txt",
        "So far the convoys only moved gen Kyiv.\n".as_bytes(),
    );
    mtlint().args(["check", &warn]).assert().code(0);
    mtlint()
        .args(["check", "--fail-on", "warning", &warn])
        .assert()
        .code(1);
}

#[test]
fn usage_and_missing_files_exit_with_2() {
    mtlint()
        .args(["check", "--format", "yaml"])
        .assert()
        .code(2);
    mtlint().args(["frobnicate"]).assert().code(2);
    mtlint()
        .args(["check", "does/not/exist.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("does/not/exist.txt"));
}

#[test]
fn unreadable_files_are_reported_and_the_rest_still_checked() {
    let dir = tempfile::tempdir().expect("tempdir");
    let latin1 = write(dir.path(), "a-latin1.txt", b"Gr\xfc\xdfe aus Kiew\n");
    let binary = write(dir.path(), "b-binary.txt", b"\x7fELF\0\0\x01");
    let good = write(dir.path(), "c-good.txt", "Lawrow met Rubio.\n".as_bytes());
    let out = mtlint()
        .args(["check", "--format", "json", &latin1, &binary, &good])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let report: Report = serde_json::from_slice(&out.stdout).expect("json");
    let err = report.files[0].error.as_deref().unwrap_or("");
    assert!(err.contains("a-latin1.txt:1:3: not valid UTF-8"), "{err}");
    let err = report.files[1].error.as_deref().unwrap_or("");
    assert!(err.contains("binary file"), "{err}");
    assert!(report.files[0].score.is_none(), "no score without a text");
    assert_eq!(report.files[2].diagnostics[0].text, "Lawrow");
    assert_eq!(report.summary.failed, 2);
    // human format: the error goes to stderr, the findings to stdout
    mtlint()
        .args(["check", &latin1, &good])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not valid UTF-8"))
        .stdout(predicate::str::contains("Lavrov"));
}

#[test]
fn stdin_is_read_with_dash_or_no_path() {
    for args in [
        vec!["check", "--format", "json", "-"],
        vec!["check", "--format", "json"],
    ] {
        let out = mtlint()
            .args(&args)
            .write_stdin("Sergei Lawrow spoke.\n")
            .output()
            .expect("runs");
        let report: Report = serde_json::from_slice(&out.stdout).expect("json");
        assert_eq!(report.files[0].path, "<stdin>");
        assert_eq!(report.files[0].diagnostics[0].suggestions[0], "Lavrov");
    }
}

#[test]
fn folders_are_walked_in_sorted_order() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir(dir.path().join("sub")).expect("mkdir");
    write(dir.path(), "b.txt", b"Lawrow\n");
    write(dir.path(), "a.md", b"Lawrow\n");
    write(dir.path(), "sub/c.txt", b"Lawrow\n");
    write(dir.path(), "notes.toml", b"Lawrow\n");
    let report = json_report(mtlint().args(["check", "--format", "json"]).arg(dir.path()));
    let names: Vec<String> = report
        .files
        .iter()
        .map(|f| {
            Path::new(&f.path)
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
        })
        .collect();
    assert_eq!(names, ["a.md", "b.txt", "c.txt"]);
}

#[test]
fn human_output_has_location_snippet_and_suggestion() {
    mtlint()
        .args(["check", SEED])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "--> ../shared/seed/article.txt:2:",
        ))
        .stdout(predicate::str::contains("^^^^^^"))
        .stdout(predicate::str::contains("help: write “Lavrov”"))
        .stdout(predicate::str::contains("\u{1b}[").not())
        .stdout(
            predicate::str::is_match(r"\d+ errors?, \d+ warnings?, \d+ infos? in 1 file\n$")
                .expect("regex"),
        );
}

#[test]
fn seed_snapshots() {
    let human = mtlint().args(["check", SEED]).output().expect("runs");
    insta::assert_snapshot!("seed_human", String::from_utf8_lossy(&human.stdout));
    let json = mtlint()
        .args(["check", "--format", "json", SEED])
        .output()
        .expect("runs");
    insta::assert_snapshot!("seed_json", String::from_utf8_lossy(&json.stdout));
}

#[test]
fn rules_list_explain_and_test() {
    mtlint()
        .args(["rules", "list"])
        .assert()
        .success()
        .stdout(predicate::str::contains("names/lavrov"))
        .stdout(predicate::str::contains("untranslated/gen"));
    let list = mtlint()
        .args(["rules", "list", "--format", "json"])
        .output()
        .expect("runs");
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&list.stdout).expect("json");
    assert!(rows.len() > 700, "{} rules", rows.len());
    mtlint()
        .args(["rules", "explain", "untranslated/gen"])
        .assert()
        .success()
        .stdout(predicate::str::contains("towards"))
        .stdout(predicate::str::contains("Gen Z voters"));
    mtlint()
        .args(["rules", "explain", "no/such-rule"])
        .assert()
        .code(2);
    mtlint()
        .args(["rules", "test", "untranslated"])
        .assert()
        .success()
        .stdout(predicate::str::contains(" 0 failed"));
}

#[test]
fn user_packs_load_next_to_the_defaults() {
    let dir = tempfile::tempdir().expect("tempdir");
    let pack = write(
        dir.path(),
        "desk.toml",
        br#"[pack]
id = "desk"

[[rule]]
id = "leitartikel"
kind = "term"
find = ["Leitartikel"]
case = "exact"
replace = "editorial"
message = "German word for an editorial"
bad = [{ text = "Read the Leitartikel.", fixed = "Read the editorial." }]
good = ["Read the editorial."]
"#,
    );
    let article = write(
        dir.path(),
        "a.txt",
        "Lawrow wrote a Leitartikel.\n".as_bytes(),
    );
    let report =
        json_report(mtlint().args(["check", "--format", "json", "--rules", &pack, &article]));
    let rules: Vec<&str> = report.files[0]
        .diagnostics
        .iter()
        .map(|d| d.rule.as_str())
        .collect();
    assert_eq!(rules, ["names/lavrov", "desk/leitartikel"]);
    mtlint().args(["rules", "test", &pack]).assert().success();
    let only = json_report(mtlint().args([
        "check",
        "--format",
        "json",
        "--no-default-rules",
        "--no-detectors",
        "--rules",
        &pack,
        &article,
    ]));
    assert_eq!(only.files[0].diagnostics.len(), 1);
}

#[test]
fn rule_file_typos_are_located() {
    let dir = tempfile::tempdir().expect("tempdir");
    let pack = write(
        dir.path(),
        "typo.toml",
        b"[pack]\nid = \"desk\"\n\n[[rule]]\nid = \"x\"\nkind = \"term\"\nfnd = [\"a\"]\n",
    );
    mtlint()
        .args(["check", "--rules", &pack, "-"])
        .write_stdin("text")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "typo.toml:7:1: rule `x`: unknown key `fnd` (did you mean `find`?)",
        ));
    let regex = write(
        dir.path(),
        "regex.toml",
        b"[pack]\nid = \"desk\"\n\n[[rule]]\nid = \"r\"\nkind = \"pattern\"\nmessage = \"m\"\nregex = '(a'\nbad = [\"a\"]\ngood = [\"b\"]\n",
    );
    mtlint()
        .args(["rules", "test", &regex])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "regex.toml:8:9: rule `r`: bad regex",
        ));
}

#[test]
fn failing_examples_fail_rules_test() {
    let dir = tempfile::tempdir().expect("tempdir");
    let pack = write(
        dir.path(),
        "wrong.toml",
        br#"[pack]
id = "wrong"

[[rule]]
id = "peaks"
kind = "term"
find = ["peaks"]
replace = "summits"
message = "m"
bad = ["The leaders met at the summit."]
good = ["Mountain peaks were visible."]
"#,
    );
    mtlint()
        .args(["rules", "test", &pack])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("FAIL wrong/peaks"))
        .stdout(predicate::str::contains("bad example was not flagged"))
        .stdout(predicate::str::contains(
            "good example was flagged at \"peaks\"",
        ));
}
