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
//!                              "fix": "safe"}]}],
//!  "summary": {"files": 1, "failed": 0, "errors": 1, "warnings": 0, "infos": 0}}
//! ```
//! `start`/`end` are byte offsets into the file as read, `line`/`column` are
//! 1-based with columns counted in characters; `end_line`/`end_column` point
//! just past the span. An empty suggestion deletes the span. A file that could
//! not be read has an `error` string and no diagnostics. Fields may be added
//! in later versions; none will be removed or change meaning while
//! `version` is 1.

use serde::Serialize;

use super::{FileReport, Totals};
use crate::span::LineIndex;

#[derive(Serialize)]
struct Report<'a> {
    version: u32,
    files: Vec<FileOut<'a>>,
    summary: Totals,
}

#[derive(Serialize)]
struct FileOut<'a> {
    path: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<&'a str>,
    diagnostics: Vec<DiagOut<'a>>,
}

#[derive(Serialize)]
struct DiagOut<'a> {
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

/// Renders all reports as one pretty-printed JSON document.
pub fn render(reports: &[FileReport]) -> String {
    let files = reports.iter().map(file_out).collect();
    let report = Report {
        version: 1,
        files,
        summary: Totals::of(reports),
    };
    let mut s =
        serde_json::to_string_pretty(&report).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    s.push('\n');
    s
}

fn file_out(r: &FileReport) -> FileOut<'_> {
    let index = LineIndex::new(&r.text);
    let diagnostics = r
        .diagnostics
        .iter()
        .map(|d| {
            let start = index.position(&r.text, d.span.start);
            let end = index.position(&r.text, d.span.end);
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
                text: r.text.get(d.span.start..d.span.end).unwrap_or(""),
                suggestions: d.suggestions().collect(),
                fix: d.fixes.first().map(|f| f.applicability.as_str()),
            }
        })
        .collect();
    FileOut {
        path: &r.path,
        error: r.error.as_deref(),
        diagnostics,
    }
}
