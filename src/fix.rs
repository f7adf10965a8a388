//! Applying edits to a text.

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

/// The edits of the first fix of each diagnostic that `mode` allows, in
/// diagnostic order.
pub fn select_edits(diagnostics: &[Diagnostic], mode: FixMode) -> Vec<Edit> {
    diagnostics
        .iter()
        .filter_map(|d| d.fixes.first())
        .filter(|f| mode.allows(f.applicability))
        .flat_map(|f| f.edits.iter().cloned())
        .collect()
}

/// `text` with the fixes of `diagnostics` that `mode` allows applied once;
/// returns the new text and how many edits were applied.
pub fn fix_text(text: &str, diagnostics: &[Diagnostic], mode: FixMode) -> (String, usize) {
    apply_edits(text, &select_edits(diagnostics, mode))
}

/// Applies `edits` to `text`: sorted by position, an edit that overlaps an
/// earlier one is skipped. Returns the new text and how many edits were applied.
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
    use crate::span::Span;

    fn edit(s: usize, e: usize, r: &str) -> Edit {
        Edit {
            span: Span::new(s, e),
            replacement: r.into(),
        }
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
}
