//! `--format github`: GitHub Actions workflow commands, which annotate the
//! pull request's files.
//!
//! ```text
//! ::error file=a.txt,line=2,col=45,endLine=2,endColumn=51,title=names/lavrov::“Lawrow” is … (write “Lavrov”)
//! ::notice file=a.txt,title=mtlint score::score 93.8 (penalty 62.0 per 1,000 words, 480 words)
//! ```
//!
//! Severities map to `error`, `warning` and `notice` (info). Lines and
//! columns are 1-based, columns count characters, and `endColumn` points just
//! past the span (as in JSON). A span that ends with its line break (a
//! furniture line) ends before it; a span over several lines gets `line` and
//! `endLine` only, because GitHub accepts columns only within one line. Each
//! checked article gets a `notice` with its score, each unreadable file an
//! `error` on that file; the statistics (with `--statistics`) and the closing
//! count are plain log lines. Messages escape `%`, CR and LF; property values
//! also `:` and `,`. With `quiet`, only the `error` commands are written
//! (and the statistics, when asked for).

use std::io;

use super::human::{score_text, summary};
use super::{Emitter, FileReport, RunSummary, Sink};
use crate::diagnostic::{Diagnostic, Severity};
use crate::span::LineIndex;

/// Settings of the GitHub format.
#[derive(Debug, Clone, Copy, Default)]
pub struct GithubOptions {
    /// Only `error` commands: no warnings, notices or closing count.
    pub quiet: bool,
}

/// The GitHub Actions emitter.
#[derive(Debug, Default)]
pub struct GithubEmitter {
    options: GithubOptions,
}

impl GithubEmitter {
    /// A new emitter.
    pub fn new(options: GithubOptions) -> GithubEmitter {
        GithubEmitter { options }
    }
}

/// Escapes a command's message (`%`, CR, LF).
pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a command property's value (as data, plus `:` and `,`).
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

fn command(level: &str, properties: &[(&str, String)], message: &str) -> String {
    let props: Vec<String> = properties
        .iter()
        .map(|(k, v)| format!("{k}={}", escape_property(v)))
        .collect();
    format!("::{level} {}::{}\n", props.join(","), escape_data(message))
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    }
}

/// The suggestion in words: `write “X”`, `write “X” or “Y”`, `delete this`.
fn help(d: &Diagnostic) -> Option<String> {
    let suggestions: Vec<&str> = d.suggestions().collect();
    if suggestions.is_empty() {
        None
    } else if suggestions.iter().all(|s| s.is_empty()) {
        Some("delete this".to_string())
    } else {
        let alts: Vec<String> = suggestions
            .iter()
            .filter(|s| !s.is_empty())
            .map(|s| format!("“{s}”"))
            .collect();
        Some(format!("write {}", alts.join(" or ")))
    }
}

fn annotation(report: &FileReport, index: &LineIndex, d: &Diagnostic) -> String {
    let text = &report.text;
    let start = index.position(text, d.span.start);
    // a span that takes its line break along ends on its own line
    let flagged = text.get(d.span.start..d.span.end).unwrap_or("");
    let trimmed = flagged.trim_end_matches(['\n', '\r']);
    let end_offset = if trimmed.is_empty() {
        d.span.end
    } else {
        d.span.start + trimmed.len()
    };
    let end = index.position(text, end_offset);
    let mut props = vec![
        ("file", report.path.clone()),
        ("line", start.line.to_string()),
    ];
    if start.line == end.line {
        props.push(("col", start.column.to_string()));
        props.push(("endLine", end.line.to_string()));
        props.push(("endColumn", end.column.to_string()));
    } else {
        props.push(("endLine", end.line.to_string()));
    }
    props.push(("title", d.rule.to_string()));
    let message = match help(d) {
        Some(h) => format!("{} ({h})", d.message),
        None => d.message.clone(),
    };
    command(level(d.severity), &props, &message)
}

impl Emitter for GithubEmitter {
    fn file(&mut self, sink: &mut Sink<'_>, report: &FileReport) -> io::Result<()> {
        let out = &mut *sink.out;
        if let Some(e) = &report.error {
            let props = [("file", report.path.clone()), ("title", "mtlint".into())];
            out.write_all(command("error", &props, e).as_bytes())?;
            return out.flush();
        }
        let index = LineIndex::new(&report.text);
        for d in &report.diagnostics {
            if self.options.quiet && d.severity < Severity::Error {
                continue;
            }
            out.write_all(annotation(report, &index, d).as_bytes())?;
        }
        if !self.options.quiet {
            let props = [
                ("file", report.path.clone()),
                ("title", "mtlint score".into()),
            ];
            out.write_all(command("notice", &props, &score_text(&report.score)).as_bytes())?;
        }
        out.flush()
    }

    fn finish(&mut self, sink: &mut Sink<'_>, run: &RunSummary<'_>) -> io::Result<()> {
        let out = &mut *sink.out;
        if let Some(stats) = run.statistics {
            write!(out, "findings per rule:\n{}", stats.table())?;
        }
        if !self.options.quiet {
            writeln!(out, "{}", summary(&run.totals))?;
        }
        out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_follows_the_runner() {
        assert_eq!(
            escape_data("50% done\r\nnext: a, b"),
            "50%25 done%0D%0Anext: a, b"
        );
        assert_eq!(escape_property("dir,a:b%.txt"), "dir%2Ca%3Ab%25.txt");
        assert_eq!(
            command("warning", &[("file", "a,b.txt".into())], "x\ny"),
            "::warning file=a%2Cb.txt::x%0Ay\n"
        );
    }
}
