//! Helpers shared by the integration tests that run the binary.

use std::path::Path;

use assert_cmd::Command;

/// The seed article, relative to the crate root.
#[allow(dead_code)]
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
