//! `--format json`: one JSON document for the whole run.
//!
//! ```json
//! {"version": 1,
//!  "files": [{"path": "a.txt",
//!             "diagnostics": [{"rule": "names/lavrov", "severity": "error",
//!                              "category": "locale/name-format", "message": "...",
//!                              "span": {"start": 68, "end": 74, "line": 2, "column": 45,
//!                                       "end_line": 2, "end_column": 51},
//!                              "text": "Lawrow", "suggestions": ["Lavrov"],
//!                              "fix": "safe"}],
//!             "score": {"words": 480, "penalty": 25.0, "penalty_per_kword": 52.08,
//!                       "score": 94.79}}],
//!  "summary": {"files": 1, "failed": 0, "errors": 1, "warnings": 0, "infos": 0},
//!  "statistics": [{"rule": "names/lavrov", "count": 1, "severity": "error",
//!                  "category": "locale/name-format"}]}
//! ```
//! `start`/`end` are byte offsets into the file as read, `line`/`column` are
//! 1-based with columns counted in characters; `end_line`/`end_column` point
//! just past the span. An empty suggestion deletes the span. A file that could
//! not be read has an `error` string, no diagnostics and no `score`.
//!
//! `score` is the article's MQM-style quality score ([`crate::score`]):
//! `words` of prose, the absolute `penalty` (severity-weighted findings),
//! `penalty_per_kword` and `score` (0–100, higher is better), both rounded to
//! two decimals. `statistics` is present only when asked for
//! (`--statistics`): findings per rule, most frequent first, ties by rule id.
//!
//! Fields may be added in later versions; none will be removed or change
//! meaning while `version` is 1. The document is written as the files are
//! checked (the `files` array grows file by file), so memory stays bounded.

use std::io::{self, Write};

use serde::Serialize;

use super::statistics::RuleCount;
use super::stream::{write_indented, ArrayWriter};
use super::{Emitter, FileReport, RunSummary, Sink};
use crate::diagnostic::Diagnostic;
use crate::score::Score;
use crate::span::LineIndex;

#[derive(Serialize)]
struct FileOut<'a> {
    path: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<&'a str>,
    diagnostics: Vec<DiagOut<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    score: Option<&'a Score>,
}

/// One diagnostic as JSON (shared with `--format jsonl`).
#[derive(Serialize)]
pub(crate) struct DiagOut<'a> {
    rule: &'a str,
    severity: &'static str,
    category: &'static str,
    message: &'a str,
    span: SpanOut,
    text: &'a str,
    suggestions: Vec<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    fix: Option<&'static str>,
}

#[derive(Serialize)]
struct SpanOut {
    start: usize,
    end: usize,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
}

/// The JSON form of `d`, found in `text` (indexed by `index`).
pub(crate) fn diag_out<'a>(text: &'a str, index: &LineIndex, d: &'a Diagnostic) -> DiagOut<'a> {
    let start = index.position(text, d.span.start);
    let end = index.position(text, d.span.end);
    DiagOut {
        rule: &d.rule,
        severity: d.severity.as_str(),
        category: d.category.as_str(),
        message: &d.message,
        span: SpanOut {
            start: d.span.start,
            end: d.span.end,
            line: start.line,
            column: start.column,
            end_line: end.line,
            end_column: end.column,
        },
        text: text.get(d.span.start..d.span.end).unwrap_or(""),
        suggestions: d.suggestions().collect(),
        fix: d.fixes.first().map(|f| f.applicability.as_str()),
    }
}

fn file_out(r: &FileReport) -> FileOut<'_> {
    let index = LineIndex::new(&r.text);
    FileOut {
        path: &r.path,
        error: r.error.as_deref(),
        diagnostics: r
            .diagnostics
            .iter()
            .map(|d| diag_out(&r.text, &index, d))
            .collect(),
        score: r.error.is_none().then_some(&r.score),
    }
}

/// The JSON emitter: writes the document's head with the first file and each
/// file's object as soon as it is handed over.
pub struct JsonEmitter {
    files: Option<ArrayWriter>,
}

impl JsonEmitter {
    /// A new emitter.
    pub fn new() -> JsonEmitter {
        JsonEmitter { files: None }
    }

    fn files(&mut self, out: &mut dyn Write) -> io::Result<&mut ArrayWriter> {
        if self.files.is_none() {
            out.write_all(b"{\n  \"version\": 1,\n  \"files\": [")?;
        }
        Ok(self.files.get_or_insert_with(|| ArrayWriter::new(4)))
    }
}

impl Default for JsonEmitter {
    fn default() -> Self {
        JsonEmitter::new()
    }
}

impl Emitter for JsonEmitter {
    fn file(&mut self, sink: &mut Sink<'_>, report: &FileReport) -> io::Result<()> {
        self.files(sink.out)?.item(sink.out, &file_out(report))?;
        sink.out.flush()
    }

    fn finish(&mut self, sink: &mut Sink<'_>, run: &RunSummary<'_>) -> io::Result<()> {
        let out = &mut *sink.out;
        self.files(out)?.close(out)?;
        out.write_all(b",\n  \"summary\": ")?;
        write_indented(out, &run.totals, 2)?;
        if let Some(stats) = run.statistics {
            let rows: Vec<&RuleCount> = stats.sorted();
            out.write_all(b",\n  \"statistics\": ")?;
            write_indented(out, &rows, 2)?;
        }
        out.write_all(b"\n}\n")?;
        out.flush()
    }
}

/// Renders all reports as one pretty-printed JSON document.
pub fn render(reports: &[FileReport]) -> String {
    super::render_to_string(&mut JsonEmitter::new(), reports)
}
