//! Choosing the fixes of one pass: candidates in a fixed order, each taken
//! whole unless it conflicts with one taken before.

use std::cmp::Reverse;

use super::layout;
use super::FixMode;
use crate::diagnostic::{Diagnostic, Edit, Fix};
use crate::span::Span;

/// A fix a diagnostic offers.
#[derive(Debug, Clone, Copy)]
pub struct Candidate<'a> {
    /// The finding the fix belongs to.
    pub diagnostic: &'a Diagnostic,
    /// The fix.
    pub fix: &'a Fix,
}

impl Candidate<'_> {
    /// The bytes the fix touches, from its first edit's start to its last edit's end.
    pub fn extent(&self) -> Span {
        let start = self.fix.edits.iter().map(|e| e.span.start).min();
        let end = self.fix.edits.iter().map(|e| e.span.end).max();
        Span::new(start.unwrap_or(0), end.unwrap_or(0))
    }
}

/// A candidate prepared for one text: its edits checked against the text and
/// adjusted to its layout, ready to be applied.
#[derive(Debug, Clone)]
pub struct Planned<'a> {
    /// The fix and its finding.
    pub candidate: Candidate<'a>,
    edits: Vec<Edit>,
}

impl<'a> Planned<'a> {
    /// Prepares `candidate` for `text`. `None` when the fix does not fit the
    /// text (an edit outside it or off a character boundary, or edits that
    /// conflict with each other) or would change nothing.
    pub fn new(text: &str, candidate: Candidate<'a>) -> Option<Planned<'a>> {
        let crlf = layout::uses_crlf(text);
        let mut edits = Vec::with_capacity(candidate.fix.edits.len());
        for e in &candidate.fix.edits {
            if e.span.end > text.len()
                || !text.is_char_boundary(e.span.start)
                || !text.is_char_boundary(e.span.end)
            {
                return None;
            }
            let span = Span::new(
                layout::snap(text, e.span.start),
                layout::snap(text, e.span.end),
            );
            edits.push(Edit {
                span,
                replacement: layout::adapt_replacement(&e.replacement, crlf),
            });
        }
        edits.sort_by_key(|e| (e.span.start, e.span.end));
        if edits.windows(2).any(|w| conflict(&w[0], &w[1])) {
            return None;
        }
        let changes = edits
            .iter()
            .any(|e| text.get(e.span.start..e.span.end) != Some(e.replacement.as_str()));
        changes.then_some(Planned { candidate, edits })
    }

    /// The edits, sorted by position, in offsets of the text it was prepared for.
    pub fn edits(&self) -> &[Edit] {
        &self.edits
    }

    /// Whether the two fixes cannot both be applied: an edit of one touches a
    /// byte of the other's, or both insert or start at the same offset.
    pub fn conflicts_with(&self, other: &Planned<'_>) -> bool {
        self.edits
            .iter()
            .any(|a| other.edits.iter().any(|b| conflict(a, b)))
    }
}

fn conflict(a: &Edit, b: &Edit) -> bool {
    a.span.overlaps(&b.span) || a.span.start == b.span.start
}

/// The fixes chosen for one pass.
#[derive(Debug, Clone, Default)]
pub struct Plan<'a> {
    /// The fixes to apply, in the order they were chosen.
    pub chosen: Vec<Planned<'a>>,
    /// Candidates left out because they conflict with a chosen fix (a later
    /// pass may apply them).
    pub deferred: usize,
}

/// The first fix of each diagnostic, when `mode` allows it, in the order
/// fixes are considered (see the [module docs](super)).
pub fn candidates(diagnostics: &[Diagnostic], mode: FixMode) -> Vec<Candidate<'_>> {
    let mut out: Vec<Candidate<'_>> = diagnostics
        .iter()
        .filter_map(|d| d.fixes.first().map(|fix| Candidate { diagnostic: d, fix }))
        .filter(|c| mode.allows(c.fix.applicability) && !c.fix.edits.is_empty())
        .collect();
    out.sort_by(|a, b| order_key(a).cmp(&order_key(b)));
    out
}

fn order_key<'a>(c: &Candidate<'a>) -> (usize, Reverse<crate::Severity>, Reverse<usize>, &'a str) {
    let extent = c.extent();
    (
        extent.start,
        Reverse(c.diagnostic.severity),
        Reverse(extent.end),
        c.diagnostic.rule.as_ref(),
    )
}

/// The fixes one pass over `diagnostics` of `text` applies in `mode`.
pub fn plan<'a>(text: &str, diagnostics: &'a [Diagnostic], mode: FixMode) -> Plan<'a> {
    choose(
        candidates(diagnostics, mode)
            .into_iter()
            .filter_map(|c| Planned::new(text, c)),
    )
}

/// Like [`plan`], for when the text is not at hand: edits are taken as given.
pub(super) fn plan_unchecked(diagnostics: &[Diagnostic], mode: FixMode) -> Vec<Planned<'_>> {
    choose(
        candidates(diagnostics, mode)
            .into_iter()
            .map(|candidate| Planned {
                candidate,
                edits: candidate.fix.edits.clone(),
            }),
    )
    .chosen
}

fn choose<'a>(planned: impl Iterator<Item = Planned<'a>>) -> Plan<'a> {
    let mut plan = Plan::default();
    for p in planned {
        if plan.chosen.iter().any(|c| c.conflicts_with(&p)) {
            plan.deferred += 1;
        } else {
            plan.chosen.push(p);
        }
    }
    plan
}
