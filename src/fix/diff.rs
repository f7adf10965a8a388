//! Unified diffs of a fix, for `mtlint fix --diff`.

use similar::TextDiff;

/// A unified diff (3 lines of context) from `old` to `new`, headed
/// `--- a/PATH` and `+++ b/PATH` so `patch -p1` or `git apply` can use it; a
/// leading `./` or `/` of `path` is dropped. Empty when the texts are equal.
pub fn unified_diff(path: &str, old: &str, new: &str) -> String {
    if old == new {
        return String::new();
    }
    let path = path.trim_start_matches("./").trim_start_matches('/');
    TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{path}"), &format!("b/{path}"))
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diff_has_git_style_headers_and_hunks() {
        let d = unified_diff(
            "./news/a.txt",
            "one\nLawrow\nthree\n",
            "one\nLavrov\nthree\n",
        );
        assert_eq!(
            d,
            "--- a/news/a.txt\n+++ b/news/a.txt\n@@ -1,3 +1,3 @@\n one\n-Lawrow\n+Lavrov\n three\n"
        );
        assert_eq!(unified_diff("a.txt", "same", "same"), "");
    }
}
