//! `--format jsonl`: JSON Lines, one object a line, written and flushed as
//! soon as each file is checked, so mtlint can run as a map step in a batch
//! or stream pipeline.
//!
//! Every line has a `type`:
//!
//! - `"diagnostic"`: one finding, with the fields of a JSON diagnostic
//!   (`rule`, `severity`, `category`, `message`, `span`, `text`,
//!   `suggestions`, `fix`; see [`super::json`]) plus the file's `path`.
//! - `"file"`: written after the diagnostics of each file (so a reader knows
//!   the file is complete): `path`, the number of `diagnostics`, and the
//!   article's `score` object (as in JSON). A file that could not be read, or
//!   a malformed `--jsonl-input` line, has an `error` string instead of
//!   `diagnostics` and `score`.
//! - `"statistics"`: only with `--statistics`, the last line: `rules`, the
//!   findings per rule as in JSON.
//!
//! ```text
//! {"type":"diagnostic","path":"a.txt","rule":"names/lavrov","severity":"error",…}
//! {"type":"file","path":"a.txt","diagnostics":1,"score":{"words":4,"penalty":25.0,…}}
//! {"type":"file","path":"b.txt","error":"b.txt: binary file (NUL byte at offset 4), not checked"}
//! ```
//!
//! There is no summary line: concatenating the output of several runs (one
//! per shard) gives the output of one run over all shards.

use std::io::{self, Write};

use serde::Serialize;

use super::json::{diag_out, DiagOut};
use super::statistics::RuleCount;
use super::{Emitter, FileReport, RunSummary, Sink};
use crate::score::Score;
use crate::span::LineIndex;

#[derive(Serialize)]
struct DiagLine<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    path: &'a str,
    #[serde(flatten)]
    diagnostic: DiagOut<'a>,
}

#[derive(Serialize)]
struct FileLine<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    path: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    diagnostics: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    score: Option<&'a Score>,
}

#[derive(Serialize)]
struct StatisticsLine<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    rules: Vec<&'a RuleCount>,
}

/// The JSON Lines emitter.
#[derive(Debug, Default)]
pub struct JsonlEmitter;

impl JsonlEmitter {
    /// A new emitter.
    pub fn new() -> JsonlEmitter {
        JsonlEmitter
    }
}

fn line<T: Serialize>(out: &mut dyn Write, value: &T) -> io::Result<()> {
    serde_json::to_writer(&mut *out, value).map_err(io::Error::other)?;
    out.write_all(b"\n")
}

impl Emitter for JsonlEmitter {
    fn file(&mut self, sink: &mut Sink<'_>, report: &FileReport) -> io::Result<()> {
        let index = LineIndex::new(&report.text);
        for d in &report.diagnostics {
            line(
                sink.out,
                &DiagLine {
                    kind: "diagnostic",
                    path: &report.path,
                    diagnostic: diag_out(&report.text, &index, d),
                },
            )?;
        }
        let ok = report.error.is_none();
        line(
            sink.out,
            &FileLine {
                kind: "file",
                path: &report.path,
                error: report.error.as_deref(),
                diagnostics: ok.then_some(report.diagnostics.len()),
                score: ok.then_some(&report.score),
            },
        )?;
        sink.out.flush()
    }

    fn finish(&mut self, sink: &mut Sink<'_>, run: &RunSummary<'_>) -> io::Result<()> {
        if let Some(stats) = run.statistics {
            line(
                sink.out,
                &StatisticsLine {
                    kind: "statistics",
                    rules: stats.sorted(),
                },
            )?;
        }
        sink.out.flush()
    }
}
