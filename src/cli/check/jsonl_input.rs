//! `--jsonl-input`: articles as JSON Lines on standard input, one record a
//! line: `{"id": "a-17", "text": "…", "format": "markdown"}`.
//!
//! `id` is a string or a number (shown as its decimal text) and names the
//! article in every output format; `text` is the article; `format`
//! (`plain`, `markdown` or `html`) is optional and wins over
//! `--input-format` and the `--stdin-filename` extension. Other keys are
//! ignored, so records may carry their own metadata. Blank lines are
//! skipped. A line that is not such a record becomes a report for that line
//! that names the line and column, and the run goes on.

use std::io::BufRead;
use std::path::Path;

use serde::Deserialize;

use mtlint::document::InputFormat;
use mtlint::output::FileReport;

use crate::cli::session::Session;

/// One line of the stream.
pub struct Line {
    /// 1-based line number.
    pub number: usize,
    /// The line without its line break, or why it could not be read.
    pub bytes: Result<Vec<u8>, String>,
}

/// The non-blank lines of a JSON Lines stream, read one at a time (memory
/// holds one line, however long the stream). A read error ends the stream
/// after one item that reports it.
pub struct Lines<R> {
    reader: R,
    number: usize,
    done: bool,
}

impl<R: BufRead> Lines<R> {
    /// Lines of `reader`.
    pub fn new(reader: R) -> Lines<R> {
        Lines {
            reader,
            number: 0,
            done: false,
        }
    }
}

impl<R: BufRead> Iterator for Lines<R> {
    type Item = Line;

    fn next(&mut self) -> Option<Line> {
        while !self.done {
            let mut buf = Vec::new();
            self.number += 1;
            match self.reader.read_until(b'\n', &mut buf) {
                Ok(0) => self.done = true,
                Ok(_) => {
                    while buf.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
                        buf.pop();
                    }
                    if buf.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    return Some(Line {
                        number: self.number,
                        bytes: Ok(buf),
                    });
                }
                Err(e) => {
                    self.done = true;
                    return Some(Line {
                        number: self.number,
                        bytes: Err(format!("cannot read standard input: {e}")),
                    });
                }
            }
        }
        None
    }
}

#[derive(Deserialize)]
struct Record {
    id: serde_json::Value,
    text: String,
    #[serde(default)]
    format: Option<String>,
}

/// Checks the record on `line` of the stream called `stream`; `file` is the
/// path whose extension and configuration the records follow
/// (`--stdin-filename`).
pub fn check_line(session: &Session, stream: &str, file: Option<&Path>, line: Line) -> FileReport {
    let at = format!("{stream}:{}", line.number);
    let bytes = match line.bytes {
        Ok(b) => b,
        Err(e) => return FileReport::failed(at.clone(), format!("{at}: {e}")),
    };
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
            let column = String::from_utf8_lossy(valid).chars().count() + 1;
            return FileReport::failed(at.clone(), format!("{at}:{column}: not valid UTF-8"));
        }
    };
    let record: Record = match serde_json::from_str(&text) {
        Ok(r) => r,
        Err(e) => {
            // serde_json counts columns in bytes; report characters
            let byte_column = e.column().saturating_sub(1).min(text.len());
            let column = text
                .get(..byte_column)
                .map_or(byte_column, |s| s.chars().count())
                + 1;
            let full = e.to_string();
            let what = full
                .rsplit_once(" at line ")
                .map_or(full.as_str(), |(w, _)| w);
            return FileReport::failed(
                at.clone(),
                format!(
                    "{at}:{column}: not a JSON Lines record {{\"id\": …, \"text\": …}}: {what}"
                ),
            );
        }
    };
    let id = match record.id {
        serde_json::Value::String(s) => s,
        serde_json::Value::Number(n) => n.to_string(),
        other => {
            return FileReport::failed(
                at.clone(),
                format!("{at}: `id` must be a string or a number, not {other}"),
            )
        }
    };
    let format = match record.format.as_deref().map(str::parse::<InputFormat>) {
        None => session.format_for(file),
        Some(Ok(f)) => f,
        Some(Err(e)) => return FileReport::failed(id, format!("{at}: record `format`: {e}")),
    };
    session.check_text_as(id, record.text, file, format)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_lines_are_skipped_and_numbers_kept() {
        let input: &[u8] = b"{\"a\":1}\n\n  \r\n{\"b\":2}\r\nlast";
        let lines: Vec<(usize, Vec<u8>)> = Lines::new(input)
            .map(|l| (l.number, l.bytes.unwrap_or_default()))
            .collect();
        assert_eq!(
            lines,
            [
                (1, b"{\"a\":1}".to_vec()),
                (4, b"{\"b\":2}".to_vec()),
                (5, b"last".to_vec())
            ]
        );
    }
}
