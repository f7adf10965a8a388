//! `mtlint lsp` with a real editor: headless Neovim and its built-in LSP
//! client (tests/nvim/init.lua) open a copy of the seed article, wait for
//! the diagnostics, apply the quick fix offered at "Lawrow" and write the
//! file.

#![allow(clippy::unwrap_used)]

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

/// The Neovim to use: `MTLINT_NVIM`, else `nvim` on the PATH.
fn nvim() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("MTLINT_NVIM").filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(p));
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join("nvim"))
        .find(|p| p.is_file())
}

/// Neovim, or `None` when the editor tests are to be skipped; panics with
/// what to do when it is missing.
fn nvim_or_skip(test: &str) -> Option<PathBuf> {
    match nvim() {
        Some(p) => Some(p),
        None if std::env::var("MTLINT_SKIP_EDITOR_TESTS").as_deref() == Ok("1") => {
            eprintln!("{test}: skipped (no Neovim, MTLINT_SKIP_EDITOR_TESTS=1)");
            None
        }
        None => panic!(
            "Neovim is not installed: install it (`apt-get install -y neovim`; .ci/run does this) \
             or set MTLINT_NVIM to its path; set MTLINT_SKIP_EDITOR_TESTS=1 to skip this test"
        ),
    }
}

/// The findings `mtlint check` reports for `file`: (rule, 0-based line, text).
fn cli_findings(file: &Path) -> Vec<(String, u64, String)> {
    let mut found: Vec<_> = common::json_diagnostics(file)
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap().to_string(),
                d["span"]["line"].as_u64().unwrap() - 1,
                d["text"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    found.sort();
    found
}

#[test]
fn neovim_shows_the_diagnostics_and_applies_a_quick_fix() {
    let Some(nvim) = nvim_or_skip("neovim_shows_the_diagnostics_and_applies_a_quick_fix") else {
        return;
    };
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let seed = std::fs::read_to_string(root.join(common::SEED)).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let article = PathBuf::from(common::write(dir.path(), "article.txt", &seed));
    let expected = cli_findings(&article);
    let out = dir.path().join("nvim-report.json");
    let home = dir.path().join("home");
    std::fs::create_dir(&home).unwrap();

    let mut child = Command::new(&nvim)
        .args(["--headless", "--noplugin", "-i", "NONE", "-n", "-u"])
        .arg(root.join("tests/nvim/init.lua"))
        .arg(&article)
        .current_dir(dir.path())
        .env("MTLINT_BIN", env!("CARGO_BIN_EXE_mtlint"))
        .env("MTLINT_NVIM_OUT", &out)
        // keep Neovim's logs, state and any user configuration out of the way
        .env("HOME", &home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_STATE_HOME", home.join("state"))
        .env("XDG_CACHE_HOME", home.join("cache"))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {}: {e}", nvim.display()));
    let deadline = Instant::now() + Duration::from_secs(120);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("Neovim did not finish within 120 s");
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    let report: Value = std::fs::read_to_string(&out)
        .ok()
        .and_then(|s| serde_json::from_str(&s).ok())
        .unwrap_or_else(|| panic!("Neovim wrote no report (exit status {status})"));
    assert_eq!(report["ok"], true, "the script failed: {report:#}");
    assert!(status.success(), "Neovim exited with {status}");

    // every finding of `mtlint check` arrived in the editor, on the same text
    let mut arrived: Vec<(String, u64, String)> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            assert_eq!(d["source"], "mtlint");
            (
                d["rule"].as_str().unwrap_or("").to_string(),
                d["lnum"].as_u64().unwrap(),
                d["text"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    arrived.sort();
    // Neovim cuts a finding that runs into the next line at its line's end
    let first_line = |t: &str| t.lines().next().unwrap_or("").to_string();
    let expected: Vec<_> = expected
        .into_iter()
        .map(|(r, l, t)| (r, l, first_line(&t)))
        .collect();
    let arrived: Vec<_> = arrived
        .into_iter()
        .map(|(r, l, t)| (r, l, first_line(&t)))
        .collect();
    assert_eq!(arrived, expected);
    for rule in [
        "names/lavrov",
        "names/riyadh",
        "names/zelensky",
        "furniture/share-link",
    ] {
        assert!(arrived.iter().any(|(r, _, _)| r == rule), "{rule} missing");
    }

    // the quick fix replaced the first "Lawrow", and nothing else changed
    assert_eq!(report["action"], "Replace “Lawrow” with “Lavrov”");
    assert_eq!(report["offset_encoding"], "utf-16");
    let written = std::fs::read_to_string(&article).unwrap();
    assert_eq!(written, seed.replacen("Lawrow", "Lavrov", 1));
    assert!(written
        .lines()
        .nth(1)
        .unwrap()
        .ends_with("Rubio meets Lavrov"));
}
