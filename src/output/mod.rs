//! Emitters: everything a user sees is rendered here from the engine's diagnostics.

pub mod human;
pub mod json;
pub mod report;

use crate::diagnostic::{Diagnostic, Severity};
use crate::score::{Score, Weights};

/// The result of checking one input.
#[derive(Debug, Clone)]
pub struct FileReport {
    /// Name shown to the user.
    pub path: String,
    /// The text as read (empty when reading failed).
    pub text: String,
    /// Why the file could not be checked.
    pub error: Option<String>,
    /// Findings, sorted by position.
    pub diagnostics: Vec<Diagnostic>,
    /// The article's quality score (words of prose, penalty, MQM score).
    pub score: Score,
}

impl FileReport {
    /// A report for an input that could not be checked.
    pub fn failed(path: String, error: String) -> FileReport {
        FileReport {
            path,
            text: String::new(),
            error: Some(error),
            diagnostics: Vec::new(),
            score: Score::of(&[], 0, &Weights::default()),
        }
    }
}

/// Counts of findings by severity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Totals {
    /// Files checked or attempted.
    pub files: usize,
    /// Files that could not be checked.
    pub failed: usize,
    /// Error findings.
    pub errors: usize,
    /// Warning findings.
    pub warnings: usize,
    /// Info findings.
    pub infos: usize,
}

impl Totals {
    /// Adds up the findings of `reports`.
    pub fn of(reports: &[FileReport]) -> Totals {
        let mut t = Totals {
            files: reports.len(),
            ..Totals::default()
        };
        for r in reports {
            t.failed += usize::from(r.error.is_some());
            for d in &r.diagnostics {
                match d.severity {
                    Severity::Error => t.errors += 1,
                    Severity::Warning => t.warnings += 1,
                    Severity::Info => t.infos += 1,
                }
            }
        }
        t
    }
}
