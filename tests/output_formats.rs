//! Integration tests of `mtlint check`'s output formats (sarif, github,
//! jsonl, and the score in human and json), its run controls (--quiet,
//! --statistics, --max-warnings, --min-score) and batch mode (parallel
//! checking in input order, --stdin-filename, --jsonl-input).

mod common;

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command as StdCommand, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use assert_cmd::Command;
use common::{mtlint, write, SEED};
use serde_json::Value;

/// An article with errors, a warning and furniture; two lines.
const ARTICLE: &str = "Sergei Lawrow met Antony Blinking in Riad; the convoys moved gen Kyiv.\nCopy the current link\n";
/// One warning (an untranslated “gen”), nothing else.
const WARNING_ONLY: &str = "So far the convoys only moved gen Kyiv.\n";
/// Correct English.
const CLEAN: &str = "Talks resumed in Riyadh on Monday.\n";

fn stdout_of(cmd: &mut Command) -> (Option<i32>, String, String) {
    let out = cmd.output().expect("mtlint runs");
    (
        out.status.code(),
        String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    )
}

/// `mtlint` run in `dir` (so that paths in the output are short and stable).
fn mtlint_in(dir: &Path) -> Command {
    let mut cmd = mtlint();
    cmd.current_dir(dir);
    cmd
}

fn json_lines(s: &str) -> Vec<Value> {
    s.lines()
        .map(|l| {
            serde_json::from_str(l).unwrap_or_else(|e| panic!("not one JSON object: {l}: {e}"))
        })
        .collect()
}

/// Replaces the official schema's invalid `language` pattern; returns how often.
fn fix_language_patterns(v: &mut Value) -> usize {
    const BROKEN: &str = "^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$";
    match v {
        Value::Object(map) => {
            let mut n = 0;
            for (key, value) in map.iter_mut() {
                if key == "pattern" && value == BROKEN {
                    *value = Value::from("^[a-zA-Z]{2}(-[a-zA-Z]{2})?$");
                    n += 1;
                } else {
                    n += fix_language_patterns(value);
                }
            }
            n
        }
        Value::Array(items) => items.iter_mut().map(fix_language_patterns).sum(),
        _ => 0,
    }
}

fn schema_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/schemas/sarif-schema-2.1.0.json")
}

// ---------------------------------------------------------------- SARIF

#[test]
fn sarif_is_valid_against_the_official_schema() {
    let path = schema_path();
    let schema_text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "the SARIF 2.1.0 schema is missing at {} ({e}); it lives in the shared folder beside \
             the checkout (../shared/schemas/), which CI always provides",
            path.display()
        )
    });
    let mut schema: Value = serde_json::from_str(&schema_text).expect("the schema is JSON");
    // Formats are checked too (`uri`, `uri-reference`, …). The official
    // schema's pattern for `language` properties (which mtlint never writes)
    // has a stray `]` that ECMA-262 takes as a literal but the validator's
    // regex check rejects while compiling the schema; it gets the pattern it
    // means.
    let fixed = fix_language_patterns(&mut schema);
    assert!(
        fixed >= 1,
        "the schema's language pattern changed; revisit this test"
    );
    // The file keeps the SARIF log's own schema under `definitions/Root`
    // and puts no constraint at its top level, so validation starts there.
    assert!(
        schema["definitions"]["Root"].is_object(),
        "no definitions/Root in {}",
        path.display()
    );
    if schema.get("$ref").is_none() && schema.get("properties").is_none() {
        schema["$ref"] = Value::from("#/definitions/Root");
    }
    let validator = jsonschema::draft7::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the schema compiles");

    let dir = tempfile::tempdir().expect("tempdir");
    write(dir.path(), "b article.md", ARTICLE);
    write(dir.path(), "c-binary.txt", b"\x7fELF\0\0");
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join(SEED);
    let (code, out, _) = stdout_of(
        mtlint_in(dir.path())
            .args(["check", "--format", "sarif", "--statistics"])
            .arg(&seed)
            .args(["b article.md", "c-binary.txt"]),
    );
    assert_eq!(code, Some(2), "an unreadable input makes the run exit 2");
    let sarif: Value = serde_json::from_str(&out).expect("SARIF is JSON");
    let errors: Vec<String> = validator
        .iter_errors(&sarif)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "SARIF violates the schema:\n{}",
        errors.join("\n")
    );
    // the validator does look: a wrong level and an unencoded path are caught
    let mut broken = sarif.clone();
    broken["runs"][0]["results"][0]["level"] = Value::from("fatal");
    assert!(!validator.is_valid(&broken));
    let mut broken = sarif.clone();
    broken["runs"][0]["artifacts"][1]["location"]["uri"] = Value::from("b article.md");
    assert!(!validator.is_valid(&broken), "formats are checked");

    // the contents the schema cannot check
    let run = &sarif["runs"][0];
    assert_eq!(sarif["version"], "2.1.0");
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    assert_eq!(run["tool"]["driver"]["name"], "mtlint");
    let rules = run["tool"]["driver"]["rules"].as_array().expect("rules");
    let results = run["results"].as_array().expect("results");
    assert!(results.len() > 20);
    let artifacts = run["artifacts"].as_array().expect("artifacts");
    assert_eq!(artifacts.len(), 3);
    assert_eq!(artifacts[1]["location"]["uri"], "b%20article.md");
    let seed_text = std::fs::read_to_string(&seed).expect("seed");
    let article_texts = [seed_text.as_str(), ARTICLE];
    let mut used = std::collections::BTreeSet::new();
    for r in results {
        let i = r["ruleIndex"].as_u64().expect("ruleIndex") as usize;
        assert_eq!(rules[i]["id"], r["ruleId"], "ruleIndex points at the rule");
        used.insert(i);
        let loc = &r["locations"][0]["physicalLocation"];
        let file = loc["artifactLocation"]["index"].as_u64().expect("index") as usize;
        let text = article_texts[file];
        let region = &loc["region"];
        let start = region["byteOffset"].as_u64().expect("byteOffset") as usize;
        let len = region["byteLength"].as_u64().expect("byteLength") as usize;
        assert_eq!(region["snippet"]["text"], text[start..start + len]);
        // line and column (in code points) name the same place as the bytes
        let line = text[..start].matches('\n').count() + 1;
        let line_start = text[..start].rfind('\n').map_or(0, |p| p + 1);
        assert_eq!(region["startLine"], line);
        assert_eq!(
            region["startColumn"],
            text[line_start..start].chars().count() + 1
        );
        assert!(["error", "warning", "note"].contains(&r["level"].as_str().unwrap_or("")));
        assert!(r["properties"]["category"]
            .as_str()
            .is_some_and(|c| c.contains('/')));
        for fix in r["fixes"].as_array().into_iter().flatten() {
            let rep = &fix["artifactChanges"][0]["replacements"][0];
            assert!(rep["insertedContent"]["text"].is_string());
            assert!(rep["deletedRegion"]["byteOffset"].is_u64());
            assert_eq!(
                fix["properties"]["applicability"], r["properties"]["applicability"],
                "{r}"
            );
        }
    }
    assert_eq!(
        used.len(),
        rules.len(),
        "only rules with results are described"
    );
    let lavrov = rules
        .iter()
        .find(|r| r["id"] == "names/lavrov")
        .expect("names/lavrov described");
    assert_eq!(lavrov["defaultConfiguration"]["level"], "error");
    assert_eq!(lavrov["properties"]["pack"], "names");
    assert!(lavrov["help"]["text"]
        .as_str()
        .is_some_and(|h| h.contains("Lawrow")));
    let detector = rules
        .iter()
        .find(|r| r["id"].as_str().is_some_and(|id| id.starts_with("detect/")))
        .expect("a detector fired on the seed");
    assert!(
        detector["fullDescription"]["text"].is_string(),
        "detectors carry their explain text"
    );
    // the unreadable file is a notification, the scores sit on the artifacts
    let invocation = &run["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false);
    let note = &invocation["toolExecutionNotifications"][0];
    assert!(note["message"]["text"]
        .as_str()
        .is_some_and(|m| m.contains("binary file")));
    assert_eq!(
        note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "c-binary.txt"
    );
    assert!(artifacts[0]["properties"]["score"]["score"].is_number());
    assert!(artifacts[2]["properties"].is_null());
    assert!(run["properties"]["statistics"][0]["count"].is_u64());
}

#[test]
fn sarif_snapshot() {
    let (code, out, _) = stdout_of(
        mtlint()
            .args([
                "check",
                "--format",
                "sarif",
                "--stdin-filename",
                "news/article.txt",
            ])
            .write_stdin(ARTICLE),
    );
    assert_eq!(code, Some(1));
    insta::assert_snapshot!("sarif_article", out);
}

// ---------------------------------------------------------------- GitHub

#[test]
fn github_snapshot() {
    let (code, out, _) = stdout_of(
        mtlint()
            .args([
                "check",
                "--format",
                "github",
                "--stdin-filename",
                "news/article.txt",
            ])
            .write_stdin(ARTICLE),
    );
    assert_eq!(code, Some(1));
    insta::assert_snapshot!("github_article", out);
}

#[test]
fn github_commands_escape_messages_and_properties() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(
        dir.path(),
        "desk.toml",
        r#"[pack]
id = "desk"

[[rule]]
id = "leitartikel"
kind = "term"
find = ["Leitartikel"]
case = "exact"
replace = "editorial"
message = "50% sure:\r\nan editorial, really"
bad = [{ text = "Read the Leitartikel.", fixed = "Read the editorial." }]
good = ["Read the editorial."]
"#,
    );
    write(dir.path(), "desk,notes:1.txt", "Read the Leitartikel.\n");
    write(dir.path(), "unreadable,1.txt", b"\xff\xfe");
    let (code, out, _) = stdout_of(mtlint_in(dir.path()).args([
        "check",
        "--format",
        "github",
        "--no-default-rules",
        "--no-detectors",
        "--rules",
        "desk.toml",
        "desk,notes:1.txt",
        "unreadable,1.txt",
    ]));
    assert_eq!(code, Some(2));
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[0],
        "::warning file=desk%2Cnotes%3A1.txt,line=1,col=10,endLine=1,endColumn=21,title=desk/leitartikel\
         ::50%25 sure:%0D%0Aan editorial, really (write “editorial”)"
    );
    assert_eq!(
        lines[1],
        "::notice file=desk%2Cnotes%3A1.txt,title=mtlint score::score 0.0 (penalty 1666.7 per 1,000 words, 3 words)"
    );
    assert!(
        lines[2].starts_with(
            "::error file=unreadable%2C1.txt,title=mtlint::unreadable,1.txt:1:1: not valid UTF-8"
        ),
        "{}",
        lines[2]
    );
    assert_eq!(
        lines[3],
        "0 errors, 1 warning, 0 infos in 2 files (1 could not be checked)"
    );
}

// ---------------------------------------------------------------- JSON Lines

#[test]
fn jsonl_is_one_object_a_line_in_input_order() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(dir.path(), "a.txt", ARTICLE);
    write(dir.path(), "b.txt", CLEAN);
    write(dir.path(), "c.txt", b"\0binary");
    write(dir.path(), "d.txt", WARNING_ONLY);
    let (code, out, err) =
        stdout_of(mtlint_in(dir.path()).args(["check", "--format", "jsonl", "--statistics", "."]));
    assert_eq!(code, Some(2));
    assert_eq!(err, "", "jsonl reports unreadable files in the stream");
    let lines = json_lines(&out);
    let summary: Vec<(String, String)> = lines
        .iter()
        .map(|l| {
            (
                l["type"].as_str().unwrap_or("?").to_string(),
                l["path"]
                    .as_str()
                    .map_or(String::new(), |p| p.trim_start_matches("./").to_string()),
            )
        })
        .collect();
    let expected: Vec<(&str, &str)> = vec![
        ("diagnostic", "a.txt"),
        ("diagnostic", "a.txt"),
        ("diagnostic", "a.txt"),
        ("diagnostic", "a.txt"),
        ("diagnostic", "a.txt"),
        ("file", "a.txt"),
        ("file", "b.txt"),
        ("file", "c.txt"),
        ("diagnostic", "d.txt"),
        ("file", "d.txt"),
        ("statistics", ""),
    ];
    let got: Vec<(&str, &str)> = summary
        .iter()
        .map(|(t, p)| (t.as_str(), p.as_str()))
        .collect();
    assert_eq!(got, expected, "{out}");
    // a diagnostic line is a JSON diagnostic plus type and path
    let d = &lines[0];
    assert_eq!(d["rule"], "names/lavrov");
    assert_eq!(d["text"], "Lawrow");
    assert_eq!(d["span"]["start"], 7);
    assert_eq!(d["suggestions"][0], "Lavrov");
    assert_eq!(d["fix"], "safe");
    // file lines carry the score, or the error
    assert_eq!(lines[5]["diagnostics"], 5);
    assert_eq!(lines[5]["score"]["penalty"], 4.0 * 25.0 + 5.0);
    assert_eq!(lines[6]["score"]["score"], 100.0);
    assert!(lines[7]["error"]
        .as_str()
        .is_some_and(|e| e.contains("binary file")));
    assert!(lines[7].get("score").is_none());
    assert_eq!(
        lines[10]["rules"][0]["count"], 2,
        "untranslated/gen fired twice"
    );
}

/// Reads stdout lines on a thread, so the test can wait with a timeout.
fn line_reader(stdout: std::process::ChildStdout) -> mpsc::Receiver<String> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    rx
}

fn wait_for_file_line(rx: &mpsc::Receiver<String>, id: &str) -> Vec<Value> {
    let mut seen = Vec::new();
    loop {
        let line = rx
            .recv_timeout(Duration::from_secs(60))
            .unwrap_or_else(|e| {
                panic!("no output for `{id}` while its input was open ({e}); seen {seen:?}")
            });
        let v: Value = serde_json::from_str(&line).expect("a JSON line");
        let done = v["type"] == "file" && v["path"] == id;
        seen.push(v);
        if done {
            return seen;
        }
    }
}

#[test]
fn jsonl_input_results_stream_while_input_is_still_open() {
    let mut child = StdCommand::new(env!("CARGO_BIN_EXE_mtlint"))
        .args(["check", "--jsonl-input", "--format", "jsonl"])
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("mtlint starts");
    let mut stdin = child.stdin.take().expect("stdin");
    let rx = line_reader(child.stdout.take().expect("stdout"));
    writeln!(
        stdin,
        "{}",
        serde_json::json!({"id": "first", "text": "Lawrow spoke."})
    )
    .expect("write");
    stdin.flush().expect("flush");
    // the first record's report arrives before the second is even written
    let first = wait_for_file_line(&rx, "first");
    assert_eq!(first[0]["rule"], "names/lavrov");
    writeln!(
        stdin,
        "{}",
        serde_json::json!({"id": 2, "text": "Talks in Riad."})
    )
    .expect("write");
    stdin.flush().expect("flush");
    let second = wait_for_file_line(&rx, "2");
    assert_eq!(second[0]["suggestions"][0], "Riyadh");
    drop(stdin);
    let status = child.wait().expect("mtlint ends");
    assert_eq!(status.code(), Some(1));
}

#[test]
fn jsonl_input_reports_a_malformed_line_and_goes_on() {
    let input = [
        r#"{"id": "a-1", "text": "Lawrow spoke.", "source": "dpa"}"#,
        "",
        r#"{"id": "a-2", "txt": "missing text"}"#,
        r#"{"id": 3, "text": "Talks resumed in Riyadh on Monday.", "format": "markdown"}"#,
        r#"{"id": true, "text": "x"}"#,
        r#"not json at all"#,
        r#"{"id": "a-6", "text": "x", "format": "yaml"}"#,
        r#"{"id": "a-7", "text": "Riad"}"#,
    ]
    .join("\n");
    let (code, out, _) = stdout_of(
        mtlint()
            .args(["check", "--jsonl-input", "--format", "jsonl"])
            .write_stdin(input),
    );
    assert_eq!(
        code,
        Some(2),
        "bad lines make the run exit 2, like unreadable files"
    );
    let files: Vec<Value> = json_lines(&out)
        .into_iter()
        .filter(|l| l["type"] == "file")
        .collect();
    let summary: Vec<(String, Option<String>)> = files
        .iter()
        .map(|f| {
            (
                f["path"].as_str().unwrap_or("").to_string(),
                f["error"].as_str().map(str::to_string),
            )
        })
        .collect();
    assert_eq!(summary.len(), 7, "{out}");
    assert_eq!(summary[0], ("a-1".to_string(), None));
    assert_eq!(summary[1].0, "<stdin>:3");
    let e = summary[1].1.as_deref().unwrap_or("");
    assert!(
        e.starts_with("<stdin>:3:") && e.contains("missing field `text`"),
        "{e}"
    );
    assert_eq!(summary[2], ("3".to_string(), None));
    assert!(
        summary[3]
            .1
            .as_deref()
            .is_some_and(|e| e.starts_with("<stdin>:5: `id` must be a string or a number")),
        "{summary:?}"
    );
    assert!(
        summary[4]
            .1
            .as_deref()
            .is_some_and(|e| e.starts_with("<stdin>:6:2: not a JSON Lines record")),
        "{summary:?}"
    );
    assert!(
        summary[5]
            .1
            .as_deref()
            .is_some_and(|e| e.contains("unknown input format `yaml`")),
        "{summary:?}"
    );
    assert_eq!(summary[6], ("a-7".to_string(), None));
    // every output format works on the stream
    let (_, human, err) = stdout_of(
        mtlint()
            .args(["check", "--jsonl-input"])
            .write_stdin(r#"{"id": "x-1", "text": "Lawrow spoke."}"#),
    );
    assert!(human.contains("--> x-1:1:1"), "{human}");
    assert!(human.contains("x-1: score"), "{human}");
    assert_eq!(err, "");
}

#[test]
fn jsonl_input_handles_many_records() {
    let mut input = String::new();
    for i in 0..500 {
        let text = if i % 2 == 0 { "Lawrow spoke." } else { CLEAN };
        input.push_str(&serde_json::json!({"id": i, "text": text}).to_string());
        input.push('\n');
    }
    let (code, out, _) = stdout_of(
        mtlint()
            .args(["check", "--jsonl-input", "--format", "jsonl"])
            .write_stdin(input),
    );
    assert_eq!(code, Some(1));
    let ids: Vec<String> = json_lines(&out)
        .iter()
        .filter(|l| l["type"] == "file")
        .map(|l| l["path"].as_str().unwrap_or("").to_string())
        .collect();
    let expected: Vec<String> = (0..500).map(|i| i.to_string()).collect();
    assert_eq!(ids, expected);
}

// ---------------------------------------------------------------- stdin

#[test]
fn stdin_filename_names_the_input_and_chooses_its_format() {
    let dir = tempfile::tempdir().expect("tempdir");
    let markdown = "# Talks\n\nSergei Lawrow met Rubio.\n\n```\nLawrow in a code block\n```\n\n<!-- Lawrow in a comment -->\n";
    write(dir.path(), "article.md", markdown);
    let (code_file, from_file, _) =
        stdout_of(mtlint_in(dir.path()).args(["check", "--format", "json", "article.md"]));
    let (code_stdin, from_stdin, _) = stdout_of(
        mtlint_in(dir.path())
            .args([
                "check",
                "--format",
                "json",
                "--stdin-filename",
                "article.md",
            ])
            .write_stdin(markdown),
    );
    // stdin named article.md is checked exactly as the file article.md
    assert_eq!(from_stdin, from_file);
    assert_eq!(code_stdin, code_file);
    let report: Value = serde_json::from_str(&from_stdin).expect("json");
    assert_eq!(report["files"][0]["path"], "article.md");
    // a name only changes the name, and `-` works too
    let (_, human, _) = stdout_of(
        mtlint()
            .args(["check", "--stdin-filename", "desk/today.md", "-"])
            .write_stdin("Lawrow spoke.\n"),
    );
    assert!(human.contains("--> desk/today.md:1:1"), "{human}");
    // unreadable stdin is reported under the name
    let (code, _, err) = stdout_of(
        mtlint()
            .args(["check", "--stdin-filename", "desk/today.md"])
            .write_stdin(b"ok \xff".to_vec()),
    );
    assert_eq!(code, Some(2));
    assert!(err.contains("desk/today.md:1:4: not valid UTF-8"), "{err}");
}

// ---------------------------------------------------------------- run controls

#[test]
fn max_warnings_fails_above_the_limit_whatever_fail_on_says() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(dir.path(), "w1.txt", WARNING_ONLY);
    write(dir.path(), "w2.txt", WARNING_ONLY);
    let run = |extra: &[&str]| {
        mtlint_in(dir.path())
            .args(["check", "--fail-on", "error"])
            .args(extra)
            .args(["w1.txt", "w2.txt"])
            .output()
            .expect("runs")
            .status
            .code()
    };
    assert_eq!(run(&[]), Some(0), "two warnings pass by default");
    assert_eq!(
        run(&["--max-warnings", "2"]),
        Some(0),
        "at the limit passes"
    );
    assert_eq!(
        run(&["--max-warnings", "1"]),
        Some(1),
        "above the limit fails"
    );
    assert_eq!(run(&["--max-warnings", "0"]), Some(1));
    // errors are not warnings
    write(dir.path(), "e.txt", "Lawrow and Riad.\n");
    let (code, _, _) = stdout_of(mtlint_in(dir.path()).args([
        "check",
        "--fail-on",
        "error",
        "--max-warnings",
        "0",
        "e.txt",
    ]));
    assert_eq!(code, Some(1), "the errors still fail");
    write(dir.path(), "clean.txt", CLEAN);
    let (code, _, _) =
        stdout_of(mtlint_in(dir.path()).args(["check", "--max-warnings", "0", "clean.txt"]));
    assert_eq!(code, Some(0));
}

#[test]
fn min_score_fails_an_article_below_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(dir.path(), "clean.txt", CLEAN);
    let long_warning = format!(
        "{}{WARNING_ONLY}",
        "The talks went on into the night. ".repeat(30)
    );
    write(dir.path(), "warn.txt", &long_warning);
    let code = |args: &[&str]| {
        mtlint_in(dir.path())
            .arg("check")
            .args(args)
            .output()
            .expect("runs")
            .status
            .code()
    };
    // warn.txt: 5 penalty points in 218 words → score 97.71
    let (_, json, _) =
        stdout_of(mtlint_in(dir.path()).args(["check", "--format", "json", "warn.txt"]));
    let report: Value = serde_json::from_str(&json).expect("json");
    assert_eq!(report["files"][0]["score"]["score"], 97.71);
    assert_eq!(
        code(&["--min-score", "97", "clean.txt", "warn.txt"]),
        Some(0)
    );
    assert_eq!(
        code(&["--min-score", "98", "clean.txt", "warn.txt"]),
        Some(1)
    );
    assert_eq!(code(&["--min-score", "98", "clean.txt"]), Some(0));
    assert_eq!(
        code(&["--min-score", "100", "clean.txt"]),
        Some(0),
        "a clean article scores 100"
    );
}

#[test]
fn quiet_prints_only_errors_and_keeps_exit_codes() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(dir.path(), "warn.txt", WARNING_ONLY);
    write(
        dir.path(),
        "both.txt",
        "Lawrow came. So far the convoys only moved gen Kyiv.\n",
    );
    // warnings only: nothing printed, exit code as without --quiet
    let (code, out, err) = stdout_of(mtlint_in(dir.path()).args(["check", "--quiet", "warn.txt"]));
    assert_eq!((code, out.as_str(), err.as_str()), (Some(0), "", ""));
    let (code, out, _) = stdout_of(mtlint_in(dir.path()).args([
        "check",
        "--quiet",
        "--fail-on",
        "warning",
        "warn.txt",
    ]));
    assert_eq!(
        (code, out.as_str()),
        (Some(1), ""),
        "hidden warnings still fail"
    );
    // errors are printed, warnings, scores and the closing count are not
    let (code, out, _) = stdout_of(mtlint_in(dir.path()).args(["check", "-q", "both.txt"]));
    assert_eq!(code, Some(1));
    assert!(out.starts_with("error[names/lavrov]"), "{out}");
    assert!(
        !out.contains("untranslated/gen") && !out.contains("score") && !out.contains(" in 1 file"),
        "{out}"
    );
    let (_, out, _) = stdout_of(
        mtlint_in(dir.path()).args(["check", "-q", "--format", "github", "both.txt", "warn.txt"]),
    );
    let commands: Vec<&str> = out
        .lines()
        .map(|l| l.split(' ').next().unwrap_or(""))
        .collect();
    assert_eq!(commands, ["::error"]);
    // machine formats are complete whatever --quiet says
    let (_, out, _) =
        stdout_of(mtlint_in(dir.path()).args(["check", "-q", "--format", "jsonl", "both.txt"]));
    assert_eq!(json_lines(&out).len(), 3);
}

#[test]
fn statistics_count_findings_per_rule() {
    let (_, out, _) = stdout_of(mtlint().args(["check", "--statistics", SEED]));
    let table: Vec<&str> = out
        .lines()
        .skip_while(|l| *l != "findings per rule:")
        .skip(1)
        .take_while(|l| !l.is_empty())
        .collect();
    assert!(table.len() > 5, "{out}");
    let rows: Vec<(usize, &str)> = table
        .iter()
        .map(|l| {
            let mut cols = l.split_whitespace();
            let n = cols.next().and_then(|n| n.parse().ok()).expect("a count");
            (n, cols.next().expect("a rule"))
        })
        .collect();
    let mut sorted = rows.clone();
    sorted.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
    assert_eq!(rows, sorted, "by count, then id");
    // the statistics come after the findings, before the score and the count
    let stats_at = out.find("findings per rule:").expect("table");
    assert!(out[..stats_at].contains("-->"));
    assert!(out[stats_at..].contains("score"));
    // json: an additive field with the same counts
    let (_, json, _) =
        stdout_of(mtlint().args(["check", "--format", "json", "--statistics", SEED]));
    let report: Value = serde_json::from_str(&json).expect("json");
    let stats = report["statistics"].as_array().expect("statistics");
    let json_rows: Vec<(usize, &str)> = stats
        .iter()
        .map(|s| {
            (
                s["count"].as_u64().unwrap_or(0) as usize,
                s["rule"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(json_rows, rows);
    let total: usize = rows.iter().map(|r| r.0).sum();
    assert_eq!(
        total,
        report["files"][0]["diagnostics"]
            .as_array()
            .map_or(0, Vec::len)
    );
    let (_, plain, _) = stdout_of(mtlint().args(["check", "--format", "json", SEED]));
    let plain: Value = serde_json::from_str(&plain).expect("json");
    assert!(plain.get("statistics").is_none(), "only when asked for");
}

// ---------------------------------------------------------------- score

#[test]
fn every_format_shows_the_score() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(dir.path(), "a.txt", ARTICLE);
    write(dir.path(), "b.txt", CLEAN);
    // 4 errors (25 each) and 1 warning (5) in 16 words
    let (_, human, _) = stdout_of(mtlint_in(dir.path()).args(["check", "a.txt", "b.txt"]));
    let tail: Vec<&str> = human.lines().rev().take(3).collect();
    assert_eq!(
        tail,
        [
            "4 errors, 1 warning, 0 infos in 2 files",
            "b.txt: score 100.0 (penalty 0.0 per 1,000 words, 6 words)",
            "a.txt: score 0.0 (penalty 6562.5 per 1,000 words, 16 words)",
        ]
    );
    let (_, json, _) =
        stdout_of(mtlint_in(dir.path()).args(["check", "--format", "json", "a.txt", "b.txt"]));
    let report: Value = serde_json::from_str(&json).expect("json");
    assert_eq!(
        report["files"][0]["score"],
        serde_json::json!({"words": 16, "penalty": 105.0, "penalty_per_kword": 6562.5, "score": 0.0})
    );
    assert_eq!(report["files"][1]["score"]["score"], 100.0);
    let (_, github, _) =
        stdout_of(mtlint_in(dir.path()).args(["check", "--format", "github", "b.txt"]));
    assert!(github.starts_with(
        "::notice file=b.txt,title=mtlint score::score 100.0 (penalty 0.0 per 1,000 words, 6 words)\n"
    ));
}

#[test]
fn human_snapshot_with_statistics() {
    let (code, out, _) = stdout_of(
        mtlint()
            .args([
                "check",
                "--statistics",
                "--stdin-filename",
                "news/article.txt",
            ])
            .write_stdin(ARTICLE),
    );
    assert_eq!(code, Some(1));
    insta::assert_snapshot!("human_article_statistics", out);
}

// ---------------------------------------------------------------- batch

#[test]
fn parallel_output_equals_sequential_output() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir(dir.path().join("sub")).expect("mkdir");
    let seed =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(SEED)).expect("seed");
    let mut names = Vec::new();
    for i in 0..30 {
        // sizes vary so that files finish out of order on several threads
        let body = match i % 3 {
            0 => seed.repeat(1 + i % 4),
            1 => ARTICLE.to_string(),
            _ => CLEAN.to_string(),
        };
        let name = if i % 5 == 0 {
            format!("sub/{i:02}.txt")
        } else {
            format!("{i:02}.md")
        };
        write(dir.path(), &name, body);
        names.push(name);
    }
    let run = |threads: &str, format: &str| {
        let out = mtlint_in(dir.path())
            .env("RAYON_NUM_THREADS", threads)
            .env_remove("CI")
            .args(["check", "--format", format, "."])
            .output()
            .expect("runs");
        assert_eq!(
            out.stderr, b"",
            "no progress bar or noise on stderr in a pipe"
        );
        String::from_utf8(out.stdout).expect("utf-8")
    };
    // (every format is an emitter over the same ordered stream; these three
    // cover streaming text, streaming JSON Lines and the rule indices of SARIF)
    for format in ["human", "sarif"] {
        assert_eq!(run("4", format), run("1", format), "--format {format}");
    }
    let parallel = run("4", "jsonl");
    assert_eq!(parallel, run("1", "jsonl"), "--format jsonl");
    // and the order is the sorted walk of the folder
    let order: Vec<String> = json_lines(&parallel)
        .iter()
        .filter(|l| l["type"] == "file")
        .map(|l| {
            l["path"]
                .as_str()
                .unwrap_or("")
                .trim_start_matches("./")
                .to_string()
        })
        .collect();
    // (sub/ sorts after the digits, so a plain sort of the names is the walk's order)
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(order, sorted);
}
