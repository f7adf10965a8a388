//! Configuration files: discovery, `mtlint init`, and every setting a desk uses.

mod common;

use std::path::Path;

use common::{mtlint, write};
use predicates::prelude::*;
use serde_json::Value;

const ARTICLE: &str = "Foreign Minister Sergei Lawrow met officials in Kiev. \
The ruble fell again on Monday.\n";

/// (rule, flagged text, first suggestion) of every finding, per file, from `--format json`.
fn findings(dir: &Path, args: &[&str]) -> Vec<(String, String, String, String)> {
    let out = mtlint()
        .current_dir(dir)
        .args(["check", "--format", "json"])
        .args(args)
        .output()
        .expect("runs");
    let json: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    let mut all = Vec::new();
    for file in json["files"].as_array().into_iter().flatten() {
        for d in file["diagnostics"].as_array().into_iter().flatten() {
            all.push((
                file["path"].as_str().unwrap_or("").to_string(),
                d["rule"].as_str().unwrap_or("").to_string(),
                d["text"].as_str().unwrap_or("").to_string(),
                d["suggestions"][0].as_str().unwrap_or("").to_string(),
            ));
        }
    }
    all
}

fn rules_of(found: &[(String, String, String, String)]) -> Vec<&str> {
    found.iter().map(|f| f.1.as_str()).collect()
}

#[test]
fn nearest_configuration_applies_to_each_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    std::fs::create_dir_all(root.join("desk/world")).expect("mkdir");
    write(root, "mtlint.toml", "[rules]\ndisable = [\"names/kyiv\"]\n");
    write(
        &root.join("desk"),
        ".mtlint.toml",
        "[rules]\ndisable = [\"names/lavrov\"]\n",
    );
    write(root, "a.txt", ARTICLE);
    write(&root.join("desk/world"), "b.txt", ARTICLE);
    let found = findings(root, &["a.txt", "desk/world/b.txt"]);
    let a: Vec<_> = found.iter().filter(|f| f.0 == "a.txt").collect();
    let b: Vec<_> = found.iter().filter(|f| f.0 != "a.txt").collect();
    assert!(a.iter().any(|f| f.1 == "names/lavrov"), "{a:?}");
    assert!(!a.iter().any(|f| f.1 == "names/kyiv"), "{a:?}");
    // the nearer file wins; settings are not merged
    assert!(b.iter().any(|f| f.1 == "names/kyiv"), "{b:?}");
    assert!(!b.iter().any(|f| f.1 == "names/lavrov"), "{b:?}");

    // --config overrides the search, --no-config ignores every file
    let cfg = write(root, "other.toml", "[rules]\ndisable = [\"names\"]\n");
    let found = findings(root, &["--config", &cfg, "desk/world/b.txt"]);
    assert!(!rules_of(&found).iter().any(|r| r.starts_with("names/")));
    let found = findings(root, &["--no-config", "desk/world/b.txt"]);
    let rules = rules_of(&found);
    assert!(rules.contains(&"names/lavrov") && rules.contains(&"names/kyiv"));
}

#[test]
fn stdin_uses_the_configuration_of_the_current_folder() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(
        dir.path(),
        "mtlint.toml",
        "[rules]\ndisable = [\"names/*\"]\n",
    );
    let out = mtlint()
        .current_dir(dir.path())
        .args(["check", "--format", "json"])
        .write_stdin(ARTICLE)
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(!text.contains("names/"), "{text}");
    assert!(text.contains("house-style/") || text.contains("\"diagnostics\""));
}

#[test]
fn init_writes_a_valid_starter_and_never_overwrites() {
    let dir = tempfile::tempdir().expect("tempdir");
    mtlint()
        .current_dir(dir.path())
        .arg("init")
        .assert()
        .success()
        .stderr(predicate::str::contains("wrote mtlint.toml"));
    let written = std::fs::read_to_string(dir.path().join("mtlint.toml")).expect("written");
    assert!(written.contains("[rules]") && written.contains("# prefer = "));
    // the starter file changes nothing: same findings as without it
    write(dir.path(), "a.txt", ARTICLE);
    assert_eq!(
        findings(dir.path(), &["a.txt"]),
        findings(dir.path(), &["--no-config", "a.txt"])
    );
    // a second init refuses, and leaves the file as it was
    std::fs::write(dir.path().join("mtlint.toml"), "# mine\n").expect("write");
    mtlint()
        .current_dir(dir.path())
        .arg("init")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("already exists"));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("mtlint.toml")).ok(),
        Some("# mine\n".to_string())
    );
    mtlint()
        .current_dir(dir.path())
        .args(["init", "--force"])
        .assert()
        .success();
}

#[test]
fn config_errors_name_file_line_column_and_closest_key() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(
        dir.path(),
        "mtlint.toml",
        "[rules]\npacks = [\"names\"]\n\n[style]\nprefered = [\"Kiev\"]\n",
    );
    write(dir.path(), "a.txt", ARTICLE);
    mtlint()
        .current_dir(dir.path())
        .args(["check", "a.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "mtlint.toml:5:1: unknown field `prefered`",
        ))
        .stderr(predicate::str::contains("did you mean `prefer`?"));
    write(
        dir.path(),
        "mtlint.toml",
        "[rules]\npacks = [\"name\", \"idioms\"]\n",
    );
    mtlint()
        .current_dir(dir.path())
        .args(["check", "a.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "mtlint.toml:2:10: rules.packs: no built-in pack `name` (did you mean `names`?)",
        ));
}

#[test]
fn a_broken_configuration_below_fails_only_its_files() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir_all(dir.path().join("bad")).expect("mkdir");
    write(
        &dir.path().join("bad"),
        "mtlint.toml",
        "[score]\nfatal = 100\n",
    );
    write(dir.path(), "a.txt", ARTICLE);
    write(&dir.path().join("bad"), "b.txt", ARTICLE);
    let out = mtlint()
        .current_dir(dir.path())
        .args(["check", "--format", "json", "."])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let json: Value = serde_json::from_slice(&out.stdout).expect("json");
    let files = json["files"].as_array().cloned().unwrap_or_default();
    assert_eq!(files.len(), 2);
    assert!(files[0]["diagnostics"]
        .as_array()
        .is_some_and(|d| !d.is_empty()));
    assert!(files[1]["error"]
        .as_str()
        .is_some_and(|e| e.contains("mtlint.toml:2:1: unknown field `fatal`")));
}

#[test]
fn packs_severity_and_extra_rules() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir_all(dir.path().join("desk-rules")).expect("mkdir");
    write(
        &dir.path().join("desk-rules"),
        "desk.toml",
        r#"[pack]
id = "desk"
[[rule]]
id = "monday"
kind = "term"
find = ["on Monday"]
replace = "Monday"
message = "House style drops the \"on\" before weekdays"
bad = [{ text = "It fell on Monday.", fixed = "It fell Monday." }]
good = ["It fell Monday."]
"#,
    );
    write(
        dir.path(),
        "mtlint.toml",
        "[rules]\npacks = [\"names\"]\nextra = [\"desk-rules\"]\n\n[rules.severity]\n\"names/lavrov\" = \"info\"\n",
    );
    write(dir.path(), "a.txt", ARTICLE);
    let out = mtlint()
        .current_dir(dir.path())
        .args(["check", "--format", "json", "--no-detectors", "a.txt"])
        .output()
        .expect("runs");
    let json: Value = serde_json::from_slice(&out.stdout).expect("json");
    let diags = json["files"][0]["diagnostics"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let by_rule = |id: &str| diags.iter().find(|d| d["rule"] == id).cloned();
    assert_eq!(
        by_rule("names/lavrov").map(|d| d["severity"].clone()),
        Some("info".into())
    );
    assert!(by_rule("desk/monday").is_some(), "{diags:?}");
    // only the named built-in packs are loaded
    assert!(diags.iter().all(|d| {
        let r = d["rule"].as_str().unwrap_or("");
        r.starts_with("names/") || r.starts_with("desk/")
    }));
}

#[test]
fn house_spellings_and_allow_list() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(
        dir.path(),
        "mtlint.toml",
        "[style]\nprefer = [\"Kiev\", \"rouble\"]\n\n[allow]\nnames = [\"Lawrow\"]\n",
    );
    write(dir.path(), "a.txt", ARTICLE);
    write(dir.path(), "b.txt", "The rouble rose in Kiev and Kyiv.\n");
    let found = findings(dir.path(), &["a.txt", "b.txt"]);
    let pairs: Vec<(&str, &str, &str)> = found
        .iter()
        .map(|f| (f.0.as_str(), f.2.as_str(), f.3.as_str()))
        .collect();
    assert!(pairs.contains(&("a.txt", "ruble", "rouble")), "{pairs:?}");
    assert!(pairs.contains(&("b.txt", "Kyiv", "Kiev")), "{pairs:?}");
    assert!(
        !pairs.iter().any(|p| p.1 == "Kiev" || p.1 == "rouble"),
        "{pairs:?}"
    );
    assert!(!pairs.iter().any(|p| p.1.contains("Lawrow")), "{pairs:?}");
}

#[test]
fn walking_honours_gitignore_exclude_and_globs() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    for sub in ["news", "drafts", "build"] {
        std::fs::create_dir_all(root.join(sub)).expect("mkdir");
        write(&root.join(sub), "a.md", ARTICLE);
    }
    write(root, "news/b.txt", ARTICLE);
    write(root, ".gitignore", "build/\n");
    write(root, "mtlint.toml", "[files]\nexclude = [\"drafts/\"]\n");
    let files = |args: &[&str]| {
        let mut paths: Vec<String> = findings(root, args).into_iter().map(|f| f.0).collect();
        paths.dedup();
        paths
    };
    assert_eq!(files(&["."]), ["./news/a.md", "./news/b.txt"]);
    // a file named on the command line is checked even when excluded
    assert_eq!(files(&["drafts/a.md"]), ["drafts/a.md"]);
    // globs the shell did not expand
    assert_eq!(files(&["news/*.txt"]), ["news/b.txt"]);
    mtlint()
        .current_dir(root)
        .args(["check", "nothing/*.md"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no files match"));
}

#[test]
fn spelling_variety_loads_its_optional_pack() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(
        dir.path(),
        "a.txt",
        "The defence ministry praised the colour of the center.\n",
    );
    let plain = findings(dir.path(), &["a.txt"]);
    assert!(
        !rules_of(&plain).iter().any(|r| r.starts_with("spelling-")),
        "{plain:?}"
    );
    write(dir.path(), "mtlint.toml", "[style]\nspelling = \"us\"\n");
    let us = findings(dir.path(), &["a.txt"]);
    let fixes: Vec<(&str, &str)> = us.iter().map(|f| (f.2.as_str(), f.3.as_str())).collect();
    assert!(fixes.contains(&("defence", "defense")), "{fixes:?}");
    assert!(fixes.contains(&("colour", "color")), "{fixes:?}");
    assert!(!fixes.iter().any(|f| f.0 == "center"), "{fixes:?}");
    write(dir.path(), "mtlint.toml", "[style]\nspelling = \"uk\"\n");
    let uk = findings(dir.path(), &["a.txt"]);
    let fixes: Vec<(&str, &str)> = uk.iter().map(|f| (f.2.as_str(), f.3.as_str())).collect();
    assert!(fixes.contains(&("center", "centre")), "{fixes:?}");
    assert!(!fixes.iter().any(|f| f.0 == "defence"), "{fixes:?}");
}
