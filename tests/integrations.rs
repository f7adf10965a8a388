//! The integrations shipped with the repository run as written.

mod common;

use common::{mtlint, write};

/// Every hook in `.pre-commit-hooks.yaml` runs: pre-commit appends the staged
/// file names to `entry`, so each entry must work with files after it.
#[test]
fn pre_commit_hooks_run_as_declared() {
    let hooks = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/.pre-commit-hooks.yaml"
    ))
    .expect("hooks file");
    let entries: Vec<&str> = hooks
        .lines()
        .filter_map(|l| l.trim().strip_prefix("entry:"))
        .map(str::trim)
        .collect();
    assert_eq!(entries.len(), 2, "{entries:?}");
    let dir = tempfile::tempdir().expect("tempdir");
    for entry in entries {
        let args: Vec<&str> = entry.split_whitespace().collect();
        assert_eq!(args.first(), Some(&"mtlint"));
        let clean = write(dir.path(), "clean.md", "The minister spoke in Kyiv.\n");
        mtlint().args(&args[1..]).arg(&clean).assert().code(0);
        let bad = write(dir.path(), "bad.txt", "Sergei Lawrow spoke in Kiew.\n");
        let out = mtlint().args(&args[1..]).arg(&bad).output().expect("runs");
        // check fails on the errors; fix repairs them (safe fixes) and passes
        let want = if args.get(1) == Some(&"fix") { 0 } else { 1 };
        assert_eq!(out.status.code(), Some(want), "{entry}: {out:?}");
    }
}
