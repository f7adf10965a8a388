//! Applying fixes: choosing which suggested fixes of a check to apply,
//! splicing their edits into the text while keeping its line endings, and
//! repeating until nothing is left to fix. No I/O happens here; writing files
//! is [`crate::atomic`]'s job.
//!
//! # Which fixes are applied
//!
//! Each diagnostic offers its fixes best first; only the first one is a
//! candidate, and only when the [`FixMode`] allows its [`Applicability`].
//! Candidates are considered in a fixed order:
//!
//! 1. by position: the first byte any of the fix's edits touches,
//! 2. then by severity, errors first,
//! 3. then the longer fix first (the one reaching further),
//! 4. then by rule id, and finally in diagnostic order.
//!
//! A candidate is taken unless one of its edits conflicts with an edit of a
//! fix taken before it: the two touch a common byte, or both start at the
//! same offset (two insertions at one place have no natural order). A fix is
//! taken whole or not at all. A fix left out this way is not lost: the text
//! is checked again after the taken fixes are applied, and whatever is still
//! flagged is fixed in the next pass ([`fix_until_stable`]).
//!
//! # Layout
//!
//! Edits keep the text's layout: in a text whose first line break is `\r\n`
//! a `\n` in a replacement is written as `\r\n`; an edit boundary that falls
//! between `\r` and `\n` is moved before the `\r`, so a line break is never
//! split; and a text without a final line break stays without one (one with
//! it keeps it).

mod apply;
mod converge;
mod diff;
mod layout;
mod plan;

pub use apply::{apply, Applied, Written};
pub use converge::{fix_until_stable, Converged, Outcome, MAX_PASSES};
pub use diff::unified_diff;
pub use plan::{candidates, plan, Candidate, Plan, Planned};

use crate::diagnostic::{Applicability, Diagnostic, Edit};

/// Which fixes may be applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FixMode {
    /// Only fixes marked safe.
    Safe,
    /// Safe fixes and those that need review.
    All,
}

impl FixMode {
    /// Whether a fix with `applicability` may be applied in this mode.
    pub fn allows(self, applicability: Applicability) -> bool {
        self == FixMode::All || applicability == Applicability::Safe
    }
}

/// The edits of the fixes that one pass over `diagnostics` would apply in
/// `mode` (see the module docs for the order and how overlaps are resolved),
/// sorted by position. Without the text, edits are taken as they are (no
/// layout adjustment, no bounds check).
pub fn select_edits(diagnostics: &[Diagnostic], mode: FixMode) -> Vec<Edit> {
    let mut edits: Vec<Edit> = plan::plan_unchecked(diagnostics, mode)
        .into_iter()
        .flat_map(|p| p.edits().to_vec())
        .collect();
    edits.sort_by_key(|e| (e.span.start, e.span.end));
    edits
}

/// `text` with one pass of the fixes of `diagnostics` that `mode` allows
/// applied, keeping the text's line endings and final line break; returns
/// the new text and how many fixes were applied.
pub fn fix_text(text: &str, diagnostics: &[Diagnostic], mode: FixMode) -> (String, usize) {
    let applied = apply(text, &plan(text, diagnostics, mode).chosen);
    (applied.text, applied.fixes)
}

/// Applies raw `edits` to `text`: sorted by position, an edit that overlaps an
/// earlier one (or lies outside the text or off a character boundary) is
/// skipped. No layout adjustment. Returns the new text and how many edits were
/// applied.
pub fn apply_edits(text: &str, edits: &[Edit]) -> (String, usize) {
    let mut sorted: Vec<&Edit> = edits.iter().collect();
    sorted.sort_by_key(|e| (e.span.start, e.span.end));
    let mut out = String::with_capacity(text.len());
    let mut pos = 0;
    let mut applied = 0;
    for e in sorted {
        if e.span.start < pos || e.span.end > text.len() {
            continue;
        }
        let (Some(keep), true) = (
            text.get(pos..e.span.start),
            text.is_char_boundary(e.span.end),
        ) else {
            continue;
        };
        out.push_str(keep);
        out.push_str(&e.replacement);
        pos = e.span.end;
        applied += 1;
    }
    out.push_str(text.get(pos..).unwrap_or(""));
    (out, applied)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Category, Fix, Severity};
    use crate::span::Span;

    fn edit(s: usize, e: usize, r: &str) -> Edit {
        Edit {
            span: Span::new(s, e),
            replacement: r.into(),
        }
    }

    pub(super) fn diag(rule: &str, severity: Severity, fix: Fix) -> Diagnostic {
        let span = Span::new(
            fix.edits.first().map_or(0, |e| e.span.start),
            fix.edits.last().map_or(0, |e| e.span.end),
        );
        Diagnostic {
            rule: rule.into(),
            severity,
            category: Category::Spelling,
            span,
            message: String::new(),
            fixes: vec![fix],
        }
    }

    fn safe(s: usize, e: usize, r: &str) -> Fix {
        Fix::replace(Span::new(s, e), r, Applicability::Safe)
    }

    #[test]
    fn overlapping_edits_keep_the_first() {
        let (out, n) = apply_edits(
            "abcdef",
            &[edit(3, 4, "X"), edit(0, 2, "Y"), edit(1, 3, "Z")],
        );
        assert_eq!(out, "YcXef");
        assert_eq!(n, 2);
    }

    #[test]
    fn needs_review_fixes_only_in_all_mode() {
        let text = "Lawrow met the messages.";
        let d = [
            diag("a/lavrov", Severity::Error, safe(0, 6, "Lavrov")),
            diag(
                "a/messages",
                Severity::Warning,
                Fix::replace(Span::new(15, 23), "embassies", Applicability::NeedsReview),
            ),
        ];
        assert_eq!(
            fix_text(text, &d, FixMode::Safe),
            ("Lavrov met the messages.".to_string(), 1)
        );
        assert_eq!(
            fix_text(text, &d, FixMode::All),
            ("Lavrov met the embassies.".to_string(), 2)
        );
    }

    #[test]
    fn overlaps_resolve_by_position_then_severity_then_rule() {
        let text = "abcdef";
        // same start: the error wins over the warning, whatever the order given
        let d = [
            diag("z/warn", Severity::Warning, safe(1, 3, "W")),
            diag("z/err", Severity::Error, safe(1, 2, "E")),
        ];
        assert_eq!(fix_text(text, &d, FixMode::Safe).0, "aEcdef");
        // an earlier start wins even over a more severe fix
        let d = [
            diag("a/err", Severity::Error, safe(2, 4, "E")),
            diag("b/info", Severity::Info, safe(1, 3, "I")),
        ];
        assert_eq!(fix_text(text, &d, FixMode::Safe).0, "aIdef");
        // same position and severity: the rule id decides
        let d = [
            diag("b/rule", Severity::Error, safe(1, 3, "B")),
            diag("a/rule", Severity::Error, safe(1, 3, "A")),
        ];
        assert_eq!(fix_text(text, &d, FixMode::Safe).0, "aAdef");
        // two insertions at one place conflict; the second waits
        let d = [
            diag("a/one", Severity::Error, safe(3, 3, "1")),
            diag("b/two", Severity::Error, safe(3, 3, "2")),
        ];
        assert_eq!(fix_text(text, &d, FixMode::Safe), ("abc1def".into(), 1));
    }

    #[test]
    fn a_fix_is_taken_whole_or_not_at_all() {
        let text = "abcdef";
        let two = Fix {
            edits: vec![edit(0, 1, "A"), edit(4, 5, "E")],
            applicability: Applicability::Safe,
        };
        let d = [
            diag("a/first", Severity::Error, safe(3, 5, "X")),
            diag("b/two", Severity::Error, two),
        ];
        // "b/two" starts first and is taken whole; "a/first" overlaps its second edit
        assert_eq!(fix_text(text, &d, FixMode::Safe), ("AbcdEf".into(), 1));
        assert_eq!(select_edits(&d, FixMode::Safe).len(), 2);
    }

    #[test]
    fn fixes_that_do_not_fit_the_text_are_skipped() {
        let text = "Kyïv";
        let d = [
            diag("a/past-end", Severity::Error, safe(2, 40, "x")),
            diag("a/mid-char", Severity::Error, safe(3, 4, "x")),
            diag("a/no-op", Severity::Error, safe(0, 2, "Ky")),
        ];
        assert_eq!(fix_text(text, &d, FixMode::Safe), ("Kyïv".into(), 0));
    }

    #[test]
    fn crlf_text_gets_crlf_replacements_and_unsplit_line_breaks() {
        let text = "one\r\ntwo\r\nthree\r\n";
        let d = [diag("a/split", Severity::Error, safe(6, 9, "W\nX"))];
        assert_eq!(
            fix_text(text, &d, FixMode::Safe).0,
            "one\r\ntW\r\nX\r\nthree\r\n"
        );
        // a deletion from the "\n" of a CRLF to the end of the next line
        let d = [diag("a/line", Severity::Error, safe(4, 9, ""))];
        assert_eq!(fix_text(text, &d, FixMode::Safe).0, "one\r\nthree\r\n");
        // an LF text keeps "\n"
        let d = [diag("a/lf", Severity::Error, safe(1, 2, "\n"))];
        assert_eq!(fix_text("ab\n", &d, FixMode::Safe).0, "a\n\n");
    }

    #[test]
    fn the_final_line_break_is_kept_or_kept_away() {
        // deleting the last line of a text without a final line break
        let text = "Story.\nShare this";
        let d = [diag("a/share", Severity::Error, safe(7, 17, ""))];
        assert_eq!(fix_text(text, &d, FixMode::Safe).0, "Story.");
        // deleting through the final line break of a text that has one
        let text = "Story.\r\nShare\r\n";
        let d = [diag("a/share", Severity::Error, safe(6, 15, ""))];
        assert_eq!(fix_text(text, &d, FixMode::Safe).0, "Story.\r\n");
    }
}
