//! Helpers shared by the integration tests that run the binary.
// each test binary uses only some of them
#![allow(dead_code)]

use std::path::Path;

use assert_cmd::Command;

/// The seed article, relative to the crate root.
pub const SEED: &str = "../shared/seed/article.txt";

/// `mtlint` run from the crate root, without colour.
pub fn mtlint() -> Command {
    let mut cmd = Command::cargo_bin("mtlint").expect("binary builds");
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1");
    cmd
}

/// Writes `contents` to `dir/name` and returns the path as a string.
pub fn write(dir: &Path, name: &str, contents: impl AsRef<[u8]>) -> String {
    let path = dir.join(name);
    std::fs::write(&path, contents).expect("write temp file");
    path.display().to_string()
}

/// The diagnostics `mtlint check --format json FILE` reports for `file`.
pub fn json_diagnostics(file: &Path) -> Vec<serde_json::Value> {
    let out = mtlint()
        .args(["check", "--format", "json"])
        .arg(file)
        .output()
        .expect("mtlint runs");
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON output");
    report["files"][0]["diagnostics"]
        .as_array()
        .cloned()
        .unwrap_or_default()
}

/// A small deterministic generator (xorshift), so failures reproduce.
pub struct Rng(pub u64);

impl Rng {
    /// The next pseudo-random number.
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// One of `items`, chosen at random.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[(self.next() % items.len() as u64) as usize]
    }
}
