//! The built-in detectors through the binary: detectors-only mode, config, listing.

mod common;

use assert_cmd::Command;
use common::{mtlint, write, SEED};
use predicates::prelude::*;

/// (rule, flagged text) pairs of a JSON run.
fn findings(cmd: &mut Command) -> Vec<(String, String)> {
    let out = cmd.output().expect("runs");
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    doc["files"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|f| f["diagnostics"].as_array().cloned().unwrap_or_default())
        .map(|d| {
            (
                d["rule"].as_str().unwrap_or("").to_string(),
                d["text"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

#[test]
fn detectors_alone_find_the_seed_artifacts_no_list_names() {
    let found = findings(mtlint().args(["check", "--detectors-only", "--format", "json", SEED]));
    assert!(
        found.iter().all(|(rule, _)| rule.starts_with("detect/")),
        "{found:?}"
    );
    let flagged = |needle: &str| found.iter().any(|(_, text)| text.contains(needle));
    for needle in [
        "Putin with Putin",
        "powers of powers",
        "around a month ago",
        "single -handedly",
        "U -turn",
        "Ukraine-but",
    ] {
        assert!(
            flagged(needle),
            "{needle} not flagged in detectors-only mode: {found:?}"
        );
    }
}

#[test]
fn detectors_are_listed_explained_and_tested() {
    mtlint()
        .args(["rules", "list"])
        .assert()
        .success()
        .stdout(predicate::str::contains("detect/repetition"))
        .stdout(predicate::str::contains("detector"));
    mtlint()
        .args(["rules", "explain", "detect/spacing"])
        .assert()
        .success()
        .stdout(predicate::str::contains("single -handedly"));
    mtlint()
        .args(["rules", "test", "detect"])
        .assert()
        .success()
        .stdout(predicate::str::contains(" 0 failed"));
}

#[test]
fn config_switches_detectors_and_sets_severity_and_allow_lists() {
    let dir = tempfile::tempdir().expect("tempdir");
    let article = write(
        dir.path(),
        "a.txt",
        "Talks in in Istanbul ended. Sirhan Sirhan spoke.\n",
    );
    let base = findings(mtlint().args(["check", "--format", "json", &article]));
    assert!(
        base.iter()
            .any(|(r, t)| r == "detect/repetition" && t == "in in"),
        "{base:?}"
    );

    let off = write(
        dir.path(),
        "off.toml",
        "[detectors.repetition]\nenabled = false\n",
    );
    let none = findings(mtlint().args(["check", "--format", "json", "--config", &off, &article]));
    assert!(
        !none.iter().any(|(r, _)| r == "detect/repetition"),
        "{none:?}"
    );

    let all_off = write(dir.path(), "all-off.toml", "[detectors]\nenabled = false\n");
    let none =
        findings(mtlint().args(["check", "--format", "json", "--config", &all_off, &article]));
    assert!(
        !none.iter().any(|(r, _)| r.starts_with("detect/")),
        "{none:?}"
    );

    let allow = write(
        dir.path(),
        "allow.toml",
        "[detectors.repetition]\nallow = [\"IN IN\"]\nseverity = \"error\"\n",
    );
    mtlint()
        .args(["check", "--config", &allow, &article])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("no issues found"));
    let strict = write(
        dir.path(),
        "strict.toml",
        "[detectors.repetition]\nseverity = \"error\"\n",
    );
    mtlint()
        .args(["check", "--config", &strict, &article])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("error[detect/repetition]"));
    mtlint()
        .args(["check", "--no-detectors", &article])
        .assert()
        .code(0);
}

#[test]
fn config_errors_are_located_with_a_suggestion() {
    let dir = tempfile::tempdir().expect("tempdir");
    let typo = write(
        dir.path(),
        "typo.toml",
        "[detectors]\n\n[detectors.repetiton]\nenabled = false\n",
    );
    mtlint()
        .args(["check", "--config", &typo, "-"])
        .write_stdin("text")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("typo.toml:3:"))
        .stderr(predicate::str::contains(
            "unknown detector `repetiton` (did you mean `repetition`?)",
        ));
    let key = write(
        dir.path(),
        "key.toml",
        "[detectors.spacing]\nenabeld = false\n",
    );
    mtlint()
        .args(["check", "--config", &key, "-"])
        .write_stdin("text")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("key.toml:1:"))
        .stderr(predicate::str::contains("enabeld"));
}

#[test]
fn a_detector_stays_quiet_where_a_pack_rule_already_spoke() {
    let text = "Sergei Lawrow met Antony Blinking in Riad. So far only gen Kyiv.\n";
    let both = findings(
        mtlint()
            .args(["check", "--format", "json", "-"])
            .write_stdin(text),
    );
    let texts: Vec<&str> = both.iter().map(|(_, t)| t.as_str()).collect();
    assert_eq!(
        texts,
        ["Lawrow", "Blinking", "Riad", "gen Kyiv"],
        "{both:?}"
    );
    assert!(
        both.iter().all(|(r, _)| !r.starts_with("detect/")),
        "{both:?}"
    );
    let alone = findings(
        mtlint()
            .args(["check", "--detectors-only", "--format", "json", "-"])
            .write_stdin(text),
    );
    let texts: Vec<&str> = alone.iter().map(|(_, t)| t.as_str()).collect();
    assert_eq!(
        texts,
        ["Lawrow", "Blinking", "Riad", "gen Kyiv"],
        "{alone:?}"
    );
}
