//! `--format human`: rustc-style snippets, one per finding, then the summary
//! part: the findings per rule (with `--statistics`), one score line per
//! article and a closing count.
//!
//! Snippets are written as soon as their file is checked. Unreadable files
//! are reported on standard error. With `quiet`, only findings of severity
//! error are written (and the statistics, when asked for): no score lines and
//! no closing count.

use std::io;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use super::{Emitter, FileReport, RunSummary, Sink, Totals};
use crate::diagnostic::{Diagnostic, Severity};
use crate::score::Score;
use crate::span::LineIndex;

/// At most this many articles get a score line of their own; the rest are
/// summed up in one line, so the summary stays readable and memory bounded.
pub const MAX_SCORE_LINES: usize = 1000;

/// Settings of the human format.
#[derive(Debug, Clone, Copy, Default)]
pub struct HumanOptions {
    /// ANSI colours.
    pub color: bool,
    /// Only findings of severity error; no score lines and no closing count.
    pub quiet: bool,
}

/// The human emitter.
pub struct HumanEmitter {
    renderer: Renderer,
    quiet: bool,
    scores: Vec<String>,
    more: MoreScores,
}

/// The articles past [`MAX_SCORE_LINES`].
#[derive(Default)]
struct MoreScores {
    count: usize,
    sum: f64,
    lowest: Option<(f64, String)>,
}

impl HumanEmitter {
    /// A new emitter.
    pub fn new(options: HumanOptions) -> HumanEmitter {
        let renderer = if options.color {
            Renderer::styled()
        } else {
            Renderer::plain()
        }
        .term_width(120);
        HumanEmitter {
            renderer,
            quiet: options.quiet,
            scores: Vec::new(),
            more: MoreScores::default(),
        }
    }

    fn remember_score(&mut self, report: &FileReport) {
        if self.scores.len() < MAX_SCORE_LINES {
            self.scores.push(score_line(&report.path, &report.score));
            return;
        }
        let s = report.score.score;
        self.more.count += 1;
        self.more.sum += s;
        if self.more.lowest.as_ref().is_none_or(|(low, _)| s < *low) {
            self.more.lowest = Some((s, report.path.clone()));
        }
    }
}

impl Emitter for HumanEmitter {
    fn file(&mut self, sink: &mut Sink<'_>, report: &FileReport) -> io::Result<()> {
        if let Some(e) = &report.error {
            writeln!(sink.err, "error: {e}")?;
            return sink.err.flush();
        }
        let index = LineIndex::new(&report.text);
        for d in &report.diagnostics {
            if self.quiet && d.severity < Severity::Error {
                continue;
            }
            sink.out
                .write_all(render_one(&self.renderer, report, &index, d).as_bytes())?;
            sink.out.write_all(b"\n\n")?;
        }
        if !self.quiet {
            self.remember_score(report);
        }
        sink.out.flush()
    }

    fn finish(&mut self, sink: &mut Sink<'_>, run: &RunSummary<'_>) -> io::Result<()> {
        let out = &mut *sink.out;
        if let Some(stats) = run.statistics {
            if stats.is_empty() {
                writeln!(out, "findings per rule: none\n")?;
            } else {
                writeln!(out, "findings per rule:\n{}", stats.table())?;
            }
        }
        if !self.quiet {
            for line in &self.scores {
                writeln!(out, "{line}")?;
            }
            if let Some((low, path)) = &self.more.lowest {
                let n = self.more.count;
                writeln!(
                    out,
                    "… and {} more {}: mean score {:.1}, lowest {low:.1} ({path})",
                    thousands(n),
                    if n == 1 { "article" } else { "articles" },
                    self.more.sum / n as f64,
                )?;
            }
            writeln!(out, "{}", summary(&run.totals))?;
        }
        out.flush()
    }
}

/// Renders `reports`; `color` turns on ANSI styles.
pub fn render(reports: &[FileReport], color: bool) -> String {
    super::render_to_string(
        &mut HumanEmitter::new(HumanOptions {
            color,
            quiet: false,
        }),
        reports,
    )
}

/// "article.txt: score 93.8 (penalty 62.0 per 1,000 words, 480 words)".
pub fn score_line(path: &str, score: &Score) -> String {
    format!("{path}: {}", score_text(score))
}

/// "score 93.8 (penalty 62.0 per 1,000 words, 480 words)".
pub fn score_text(score: &Score) -> String {
    format!(
        "score {:.1} (penalty {:.1} per 1,000 words, {} {})",
        score.score,
        score.penalty_per_kword,
        thousands(score.words),
        if score.words == 1 { "word" } else { "words" }
    )
}

/// `1234567` → "1,234,567".
pub(crate) fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn render_one(renderer: &Renderer, r: &FileReport, index: &LineIndex, d: &Diagnostic) -> String {
    let line = index.line_of(d.span.start);
    let line_span = index.line_span(&r.text, line);
    let source = r.text.get(line_span.start..line_span.end).unwrap_or("");
    let start = d.span.start - line_span.start;
    let end = d.span.end.min(line_span.end).max(d.span.start) - line_span.start;
    let level = match d.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::INFO,
    };
    let suggestions: Vec<&str> = d.suggestions().collect();
    let help = if suggestions.is_empty() {
        None
    } else if suggestions.iter().all(|s| s.is_empty()) {
        Some("delete this".to_string())
    } else {
        let alts: Vec<String> = suggestions.iter().map(|s| format!("“{s}”")).collect();
        Some(format!("write {}", alts.join(" or ")))
    };
    let label = format!(
        "{} [{}]",
        d.category,
        d.fixes
            .first()
            .map_or("no fix", |f| f.applicability.as_str())
    );
    let mut group: Group<'_> = level
        .primary_title(d.message.as_str())
        .id(d.rule.as_ref())
        .element(
            Snippet::source(source)
                .line_start(line + 1)
                .path(r.path.as_str())
                .annotation(AnnotationKind::Primary.span(start..end).label(label)),
        );
    if let Some(help) = help {
        group = group.element(Level::HELP.message(help));
    }
    renderer.render(&[group])
}

/// "3 errors, 1 warning and 0 infos in 2 files".
pub fn summary(t: &Totals) -> String {
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let mut s = if t.errors + t.warnings + t.infos == 0 {
        format!("no issues found in {}", plural(t.files, "file"))
    } else {
        format!(
            "{}, {}, {} in {}",
            plural(t.errors, "error"),
            plural(t.warnings, "warning"),
            plural(t.infos, "info"),
            plural(t.files, "file")
        )
    };
    if t.failed > 0 {
        s.push_str(&format!(" ({} could not be checked)", t.failed));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn score_lines_read_like_prose() {
        let score = Score {
            words: 1480,
            penalty: 31.0,
            penalty_per_kword: 20.94,
            score: 97.91,
        };
        assert_eq!(
            score_line("a.txt", &score),
            "a.txt: score 97.9 (penalty 20.9 per 1,000 words, 1,480 words)"
        );
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_000_000), "1,000,000");
    }
}
