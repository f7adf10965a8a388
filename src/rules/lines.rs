//! Line rules: whole lines of website furniture, looked up in one hash map
//! (exact texts) and one `RegexSet` (line patterns).

use std::collections::HashMap;

use regex::{Regex, RegexSet};

use super::load::PackError;
use super::RuleMeta;
use crate::diagnostic::Diagnostic;
use crate::document::Document;
use crate::span::Span;

/// Lines longer than this (in bytes) are never furniture.
const MAX_LINE: usize = 160;

/// A compiled line rule.
#[derive(Debug, Clone)]
pub struct LineRule {
    /// Normalised line texts (see [`normalize_line`]).
    pub lines: Vec<String>,
    /// A regex the whole trimmed line must match.
    pub regex: Option<Regex>,
}

/// All line rules of a rule set.
pub struct LineMatcher {
    exact: HashMap<String, Vec<usize>>,
    set: Option<RegexSet>,
    set_rules: Vec<usize>,
}

const EDGE_MARKS: &[char] = &[
    '.', ':', '!', '?', '…', '»', '«', '›', '‹', '>', '<', '|', '→', '▶', '•', '·', '*', '-', '–',
    '—',
];

/// Lowercases a line, trims spaces, bullets and final punctuation, and folds inner spaces.
pub fn normalize_line(line: &str) -> String {
    let trimmed = line.trim_matches(|c: char| c.is_whitespace() || EDGE_MARKS.contains(&c));
    trimmed
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

impl LineMatcher {
    /// Indexes every rule's lines.
    pub fn new(rules: Vec<(usize, LineRule)>) -> Result<Self, PackError> {
        let mut exact: HashMap<String, Vec<usize>> = HashMap::new();
        let mut regexes = Vec::new();
        let mut set_rules = Vec::new();
        for (idx, rule) in rules {
            for line in rule.lines {
                exact.entry(line).or_default().push(idx);
            }
            if let Some(re) = rule.regex {
                regexes.push(re.as_str().to_string());
                set_rules.push(idx);
            }
        }
        let set = if regexes.is_empty() {
            None
        } else {
            Some(
                RegexSet::new(&regexes)
                    .map_err(|e| PackError::Build(format!("line regex set: {e}")))?,
            )
        };
        Ok(LineMatcher {
            exact,
            set,
            set_rules,
        })
    }

    /// Reports every furniture line in `doc`; the span covers the line and its line break.
    pub fn check(&self, doc: &Document, metas: &[RuleMeta], out: &mut Vec<Diagnostic>) {
        let text = doc.text();
        for (region, hay) in doc.region_texts() {
            let mut start = 0;
            for line in hay.split_inclusive('\n') {
                let line_start = start;
                start += line.len();
                let content = line.trim_end_matches(['\n', '\r']);
                if content.len() > MAX_LINE || content.trim().is_empty() {
                    continue;
                }
                let span = Span::new(line_start, start).shifted(region.start);
                let mut hits: Vec<usize> = self
                    .exact
                    .get(&normalize_line(content))
                    .cloned()
                    .unwrap_or_default();
                if let Some(set) = &self.set {
                    hits.extend(
                        set.matches(content.trim())
                            .iter()
                            .map(|i| self.set_rules[i]),
                    );
                }
                hits.sort_unstable();
                hits.dedup();
                for idx in hits {
                    out.push(metas[idx].diagnostic(text, span, [String::new()]));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalisation_ignores_case_bullets_and_final_punctuation() {
        assert_eq!(normalize_line("  » Read  more …\r"), "read more");
        assert_eq!(
            normalize_line("Copy the current link."),
            "copy the current link"
        );
    }
}
