//! The optional house-spelling packs (rules/spelling-us.toml, rules/spelling-uk.toml):
//! left out of a default check, and, when named, flagging the other variety's
//! spellings while names keep their own.

mod common;

use common::{mtlint, write};
use mtlint::rules::embedded;
use serde_json::Value;

/// (rule id, flagged text, first suggestion) of every finding.
fn findings(args: &[&str], text: &str) -> Vec<(String, String, String)> {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = write(dir.path(), "article.txt", text);
    let out = mtlint()
        .args(args)
        .args(["check", "--format", "json", "--fail-on", "info", &file])
        .output()
        .expect("mtlint runs");
    let report: Value = serde_json::from_slice(&out.stdout).expect("JSON report");
    report["files"][0]["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            let field = |v: &Value| v.as_str().unwrap_or_default().to_string();
            (
                field(&d["rule"]),
                field(&d["text"]),
                field(&d["suggestions"][0]),
            )
        })
        .collect()
}

fn with_pack(pack: &str) -> [&str; 4] {
    ["--no-default-rules", "--no-detectors", "--rules", pack]
}

#[test]
fn spelling_packs_are_built_in_but_optional() {
    let packs = embedded::load().expect("built-in packs load");
    for id in ["spelling-us", "spelling-uk"] {
        let pack = packs.iter().find(|p| p.id == id).expect("pack is built in");
        assert!(!pack.default, "{id} must not load by default");
        assert!(pack.rules.len() >= 200, "{id}: {} rules", pack.rules.len());
    }
    let default = embedded::load_default().expect("default packs load");
    assert!(default.iter().all(|p| !p.id.starts_with("spelling-")));
    assert_eq!(default.len(), packs.len() - 2);
}

#[test]
fn default_check_does_not_load_the_spelling_packs() {
    let text =
        "The colour of the programme was criticised. The color of the program was criticized.\n";
    let found = findings(&[], text);
    assert!(
        found
            .iter()
            .all(|(rule, _, _)| !rule.starts_with("spelling-")),
        "{found:?}"
    );
}

#[test]
fn us_pack_flags_british_spellings_and_keeps_british_names() {
    let text = "Labour MPs criticised the defence budget at the Barbican Centre, \
                and the Ministry of Defence staff travelled home.\n";
    let found = findings(&with_pack("rules/spelling-us.toml"), text);
    let got: Vec<(&str, &str)> = found
        .iter()
        .map(|(_, t, s)| (t.as_str(), s.as_str()))
        .collect();
    assert_eq!(
        got,
        vec![
            ("criticised", "criticized"),
            ("defence", "defense"),
            ("travelled", "traveled"),
        ]
    );
}

#[test]
fn uk_pack_flags_american_spellings_and_keeps_american_names() {
    let text = "The Department of Defense analyzed the data at the World Trade Center. \
                Veterans met at Pearl Harbor on Labor Day; the defense program stalled, \
                and a gas meter stood 3 meters from the door.\n";
    let found = findings(&with_pack("rules/spelling-uk.toml"), text);
    let got: Vec<(&str, &str)> = found
        .iter()
        .map(|(_, t, s)| (t.as_str(), s.as_str()))
        .collect();
    assert_eq!(
        got,
        vec![
            ("analyzed", "analysed"),
            ("defense", "defence"),
            ("program", "programme"),
            ("meters", "metres"),
        ]
    );
}

#[test]
fn uk_pack_gives_oxford_ize_spellings_as_advice_only() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = write(dir.path(), "a.txt", "The ministry organized talks.\n");
    let out = mtlint()
        .args(with_pack("rules/spelling-uk.toml"))
        .args(["check", "--format", "json", &file])
        .output()
        .expect("mtlint runs");
    let report: Value = serde_json::from_slice(&out.stdout).expect("JSON report");
    let diagnostics = report["files"][0]["diagnostics"]
        .as_array()
        .expect("diagnostics");
    assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    assert_eq!(diagnostics[0]["rule"], "spelling-uk/organize");
    assert_eq!(diagnostics[0]["severity"], "info");
    assert_eq!(diagnostics[0]["suggestions"][0], "organised");
}
