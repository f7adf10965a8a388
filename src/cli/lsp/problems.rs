//! Configuration problems as diagnostics on the configuration (or pack)
//! file: who reported them (a document, a probed folder, the current
//! folder), and which files currently carry diagnostics.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::PathBuf;

use lsp_types::{DiagnosticSeverity, NumberOrString, Range, Url};

use mtlint::lsp::diagnostics::SOURCE;
use mtlint::lsp::{Encoding, LineMap};

use super::worker::ConfigProblem;

/// The code of a configuration problem's diagnostic.
pub const CODE: &str = "mtlint/config";

/// Who found a problem.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Reporter {
    /// The check of an open document.
    Document(Url),
    /// A probe of a folder's configuration.
    Folder(PathBuf),
    /// The server's current folder (or `--config`).
    Default,
}

/// The problems known now, and what was published for them.
#[derive(Debug, Default)]
pub struct Problems {
    found: HashMap<Reporter, ConfigProblem>,
    published: BTreeMap<PathBuf, BTreeSet<ConfigProblem>>,
}

impl Problems {
    /// Records what `reporter` found (`None`: no problem).
    pub fn set(&mut self, reporter: Reporter, problem: Option<ConfigProblem>) {
        match problem {
            Some(p) if !p.file.as_os_str().is_empty() => {
                self.found.insert(reporter, p);
            }
            _ => {
                self.found.remove(&reporter);
            }
        }
    }

    /// Forgets everything found (after a reload, before checking again).
    pub fn clear(&mut self) {
        self.found.clear();
    }

    /// The files whose diagnostics changed since the last call, each with
    /// its problems now (empty: clear them).
    pub fn changes(&mut self) -> Vec<(PathBuf, Vec<ConfigProblem>)> {
        let mut now: BTreeMap<PathBuf, BTreeSet<ConfigProblem>> = BTreeMap::new();
        for p in self.found.values() {
            now.entry(p.file.clone()).or_default().insert(p.clone());
        }
        let mut out = Vec::new();
        for (file, set) in &now {
            if self.published.get(file) != Some(set) {
                out.push((file.clone(), set.iter().cloned().collect()));
            }
        }
        for file in self.published.keys() {
            if !now.contains_key(file) {
                out.push((file.clone(), Vec::new()));
            }
        }
        self.published = now;
        out
    }
}

impl PartialOrd for ConfigProblem {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for ConfigProblem {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (&self.file, self.line, self.column, &self.message).cmp(&(
            &other.file,
            other.line,
            other.column,
            &other.message,
        ))
    }
}

/// `problem` as a diagnostic on its file (`text`: the file's contents), from
/// its line and column to the end of that line.
pub fn to_diagnostic(
    problem: &ConfigProblem,
    text: &str,
    encoding: Encoding,
) -> lsp_types::Diagnostic {
    let lines = LineMap::new(text);
    let line = problem.line.saturating_sub(1);
    let line_start = lines.line_start(line);
    let line_end = lines.line_end(text, line).max(line_start);
    let content = text.get(line_start..line_end).unwrap_or("");
    let column = content
        .char_indices()
        .nth(problem.column.saturating_sub(1))
        .map_or(content.len(), |(i, _)| i);
    let start = if line_start + column == line_end {
        line_start
    } else {
        line_start + column
    };
    let range = if line >= lines.line_count() {
        let end = lines.position(text, text.len(), encoding);
        Range { start: end, end }
    } else {
        Range {
            start: lines.position(text, start, encoding),
            end: lines.position(text, line_end, encoding),
        }
    };
    lsp_types::Diagnostic {
        range,
        severity: Some(DiagnosticSeverity::ERROR),
        code: Some(NumberOrString::String(CODE.into())),
        source: Some(SOURCE.into()),
        message: problem.message.clone(),
        ..lsp_types::Diagnostic::default()
    }
}

/// A position for logs: `file:line:column`.
pub fn describe(problem: &ConfigProblem) -> String {
    format!(
        "{}:{}:{}: {}",
        problem.file.display(),
        problem.line,
        problem.column,
        problem.message
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use lsp_types::Position;

    fn problem(file: &str, line: usize, column: usize) -> ConfigProblem {
        ConfigProblem {
            file: PathBuf::from(file),
            line,
            column,
            message: "bad".into(),
        }
    }

    #[test]
    fn problems_are_published_once_and_cleared_when_gone() {
        let mut p = Problems::default();
        let doc = Reporter::Document(Url::parse("file:///a.txt").expect("url"));
        p.set(doc.clone(), Some(problem("/w/mtlint.toml", 2, 3)));
        p.set(Reporter::Default, Some(problem("/w/mtlint.toml", 2, 3)));
        let first = p.changes();
        assert_eq!(first.len(), 1);
        assert_eq!(first[0].1.len(), 1);
        assert!(p.changes().is_empty(), "nothing new");
        p.set(doc, None);
        p.set(Reporter::Default, None);
        assert_eq!(p.changes(), vec![(PathBuf::from("/w/mtlint.toml"), vec![])]);
    }

    #[test]
    fn the_range_starts_at_the_column_in_the_encoding() {
        let text = "[style]\nspelling = \"ü🙂x\"\n";
        let d = to_diagnostic(&problem("/w/mtlint.toml", 2, 14), text, Encoding::Utf16);
        assert_eq!(d.range.start, Position::new(1, 13));
        assert_eq!(d.range.end, Position::new(1, 17));
        let past = to_diagnostic(&problem("/w/mtlint.toml", 9, 1), text, Encoding::Utf16);
        assert_eq!(past.range.start, Position::new(2, 0));
    }
}
