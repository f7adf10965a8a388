//! Fixing to a fixed point: apply, check again, apply again.

use super::{apply, plan, FixMode};
use crate::diagnostic::Diagnostic;

/// How many passes [`fix_until_stable`] makes at most by default. Real
/// articles settle in two or three; more means two rules undo each other.
pub const MAX_PASSES: usize = 10;

/// How fixing ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Nothing the mode allows is left to fix.
    Settled,
    /// The pass limit was reached with fixes still to apply.
    PassLimit,
    /// A pass gave back a text seen before: fixes undo each other.
    Cycle,
}

/// The result of [`fix_until_stable`].
#[derive(Debug, Clone)]
pub struct Converged {
    /// The fixed text.
    pub text: String,
    /// Fixes applied over all passes.
    pub fixes: usize,
    /// Passes that changed the text.
    pub passes: usize,
    /// Why it stopped.
    pub outcome: Outcome,
    /// The findings in the fixed text.
    pub diagnostics: Vec<Diagnostic>,
}

/// Fixes `text` in passes: `check` it, apply one [`plan`] of the fixes `mode`
/// allows, and repeat on the new text until no such fix is left, a pass
/// changes nothing, a text comes back that an earlier pass produced, or
/// `max_passes` passes have changed the text.
pub fn fix_until_stable(
    text: &str,
    mode: FixMode,
    max_passes: usize,
    mut check: impl FnMut(&str) -> Vec<Diagnostic>,
) -> Converged {
    let mut current = text.to_string();
    let mut diagnostics = check(&current);
    let mut seen = vec![current.clone()];
    let mut fixes = 0;
    let mut passes = 0;
    let outcome = loop {
        let applied = {
            let plan = plan(&current, &diagnostics, mode);
            if plan.chosen.is_empty() {
                break Outcome::Settled;
            }
            apply(&current, &plan.chosen)
        };
        if applied.text == current {
            break Outcome::Settled;
        }
        if passes == max_passes {
            break Outcome::PassLimit;
        }
        passes += 1;
        fixes += applied.fixes;
        current = applied.text;
        diagnostics = check(&current);
        if seen.contains(&current) {
            break Outcome::Cycle;
        }
        seen.push(current.clone());
    };
    Converged {
        text: current,
        fixes,
        passes,
        outcome,
        diagnostics,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Applicability, Category, Fix, Severity};
    use crate::span::Span;

    fn find_all(text: &str, word: &str, to: &str, rule: &str) -> Vec<Diagnostic> {
        text.match_indices(word)
            .map(|(i, w)| Diagnostic {
                rule: rule.into(),
                severity: Severity::Error,
                category: Category::Spelling,
                span: Span::new(i, i + w.len()),
                message: String::new(),
                fixes: vec![Fix::replace(
                    Span::new(i, i + w.len()),
                    to,
                    Applicability::Safe,
                )],
            })
            .collect()
    }

    #[test]
    fn fixes_revealed_by_a_pass_are_applied_in_the_next() {
        // "aa" -> "b", then "bb" -> "c": needs two passes
        let check = |t: &str| {
            let mut d = find_all(t, "aa", "b", "r/aa");
            d.extend(find_all(t, "bb", "c", "r/bb"));
            d
        };
        let out = fix_until_stable("aaaa.", FixMode::Safe, MAX_PASSES, check);
        assert_eq!(out.text, "c.");
        assert_eq!(out.outcome, Outcome::Settled);
        assert_eq!((out.passes, out.fixes), (2, 3));
        assert!(out.diagnostics.is_empty());
    }

    #[test]
    fn rules_that_undo_each_other_are_stopped() {
        let check = |t: &str| {
            let mut d = find_all(t, "x", "y", "r/xy");
            d.extend(find_all(t, "y", "x", "r/yx"));
            d
        };
        let out = fix_until_stable("x", FixMode::Safe, MAX_PASSES, check);
        assert_eq!(out.outcome, Outcome::Cycle);
        assert_eq!(out.passes, 2);
        // a rule that keeps growing the text hits the pass limit
        let grow = |t: &str| find_all(t, "x", "xx", "r/grow");
        let out = fix_until_stable("x", FixMode::Safe, 3, grow);
        assert_eq!(out.outcome, Outcome::PassLimit);
        assert_eq!(out.passes, 3);
    }
}
