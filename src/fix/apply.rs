//! Splicing chosen fixes into a text.

use std::sync::Arc;

use super::layout;
use super::plan::Planned;
use crate::span::Span;

/// Where a fix wrote its replacement in the new text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    /// The rule whose fix it was.
    pub rule: Arc<str>,
    /// The replacement's bytes in the new text (empty for a deletion).
    pub span: Span,
}

/// The result of applying fixes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Applied {
    /// The new text.
    pub text: String,
    /// How many fixes were applied.
    pub fixes: usize,
    /// Every edit's replacement, in new-text offsets, sorted by position.
    pub written: Vec<Written>,
}

/// Applies `chosen` (prepared for `text`, none conflicting with another, as
/// [`super::plan`] returns them) to `text`, keeping its final line break or
/// the lack of one. A fix that conflicts with one before it is skipped whole.
pub fn apply(text: &str, chosen: &[Planned<'_>]) -> Applied {
    let mut taken: Vec<&Planned<'_>> = Vec::with_capacity(chosen.len());
    for p in chosen {
        if !taken.iter().any(|t| t.conflicts_with(p)) {
            taken.push(p);
        }
    }
    let mut edits: Vec<(&crate::Edit, &Arc<str>)> = taken
        .iter()
        .flat_map(|p| p.edits().iter().map(|e| (e, &p.candidate.diagnostic.rule)))
        .collect();
    edits.sort_by_key(|(e, _)| (e.span.start, e.span.end));
    let mut out = String::with_capacity(text.len());
    let mut written = Vec::with_capacity(edits.len());
    let mut pos = 0;
    for (e, rule) in edits {
        out.push_str(text.get(pos..e.span.start).unwrap_or(""));
        let start = out.len();
        out.push_str(&e.replacement);
        written.push(Written {
            rule: rule.clone(),
            span: Span::new(start, out.len()),
        });
        pos = e.span.end;
    }
    out.push_str(text.get(pos..).unwrap_or(""));
    layout::keep_final_newline(text, &mut out);
    for w in &mut written {
        w.span = Span::new(w.span.start.min(out.len()), w.span.end.min(out.len()));
    }
    Applied {
        text: out,
        fixes: taken.len(),
        written,
    }
}
