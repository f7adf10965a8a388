//! Emitters: everything a user sees is rendered here from the engine's diagnostics.
//!
//! Every format is an [`Emitter`]: it is handed one [`FileReport`] at a time,
//! in output order, as soon as that file is checked, and writes what it can
//! right away (human, JSON Lines and GitHub output stream; JSON and SARIF
//! stream their file and result arrays and close the document in
//! [`Emitter::finish`]). Memory therefore stays bounded by one file, not by
//! the run.

pub mod github;
pub mod human;
pub mod json;
pub mod jsonl;
pub mod report;
pub mod sarif;
pub mod statistics;
mod stream;

use std::io::{self, Write};

use crate::diagnostic::{Diagnostic, Severity};
use crate::score::{Score, Weights};

pub use statistics::Statistics;

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
        let mut t = Totals::default();
        for r in reports {
            t.add(r);
        }
        t
    }

    /// Counts one more report.
    pub fn add(&mut self, report: &FileReport) {
        self.files += 1;
        self.failed += usize::from(report.error.is_some());
        for d in &report.diagnostics {
            match d.severity {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
                Severity::Info => self.infos += 1,
            }
        }
    }
}

/// What an emitter learns when the run is over.
#[derive(Debug, Clone, Copy)]
pub struct RunSummary<'a> {
    /// Counts over every file.
    pub totals: Totals,
    /// Counts per rule, when `--statistics` asked for them.
    pub statistics: Option<&'a Statistics>,
}

/// Where an emitter writes: the report itself, and messages for people.
pub struct Sink<'a> {
    /// The report (standard output).
    pub out: &'a mut dyn Write,
    /// Messages beside the report (standard error), e.g. unreadable files in human output.
    pub err: &'a mut dyn Write,
}

/// One output format, fed file by file.
pub trait Emitter {
    /// Writes what belongs to one file; called in output order, once per input.
    fn file(&mut self, sink: &mut Sink<'_>, report: &FileReport) -> io::Result<()>;
    /// Closes the output after the last file.
    fn finish(&mut self, sink: &mut Sink<'_>, run: &RunSummary<'_>) -> io::Result<()>;
}

/// Runs `emitter` over `reports` and returns what it wrote to `out` (messages
/// for standard error are dropped). For tests and library users who want a
/// string rather than a stream.
pub fn render_to_string(emitter: &mut dyn Emitter, reports: &[FileReport]) -> String {
    let mut out = Vec::new();
    let mut err = io::sink();
    let mut sink = Sink {
        out: &mut out,
        err: &mut err,
    };
    let written = reports
        .iter()
        .try_for_each(|r| emitter.file(&mut sink, r))
        .and_then(|()| {
            emitter.finish(
                &mut sink,
                &RunSummary {
                    totals: Totals::of(reports),
                    statistics: None,
                },
            )
        });
    match written {
        Ok(()) => String::from_utf8_lossy(&out).into_owned(),
        Err(e) => format!("error: {e}"),
    }
}
