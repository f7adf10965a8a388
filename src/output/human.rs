//! `--format human`: rustc-style snippets, one per finding, and a summary line.

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use super::{FileReport, Totals};
use crate::diagnostic::{Diagnostic, Severity};
use crate::span::LineIndex;

/// Renders `reports`; `color` turns on ANSI styles.
pub fn render(reports: &[FileReport], color: bool) -> String {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    }
    .term_width(120);
    let mut out = String::new();
    for r in reports {
        let index = LineIndex::new(&r.text);
        for d in &r.diagnostics {
            out.push_str(&render_one(&renderer, r, &index, d));
            out.push_str("\n\n");
        }
    }
    out.push_str(&summary(&Totals::of(reports)));
    out.push('\n');
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
