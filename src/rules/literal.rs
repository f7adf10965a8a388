//! Term, names, title and consistency rules: every literal of every rule in one
//! Aho-Corasick automaton, scanned once per document.

use std::collections::{BTreeMap, HashMap};

use aho_corasick::{AhoCorasick, MatchKind};

use super::context::{is_preceded_by, Conditions, Phrase};
use super::load::PackError;
use super::RuleMeta;
use crate::diagnostic::Diagnostic;
use crate::document::Document;
use crate::span::Span;
use crate::text::{
    adapt_case, capitalize_first, is_whole_word, starts_sentence, title_case, CaseMode,
};

/// One literal a rule looks for.
#[derive(Debug, Clone)]
pub struct LiteralEntry {
    /// The words as written in the rule.
    pub text: String,
    /// How capitalisation must match.
    pub case: CaseMode,
    /// Suggested replacements, best first.
    pub replacements: Vec<String>,
    /// When not empty, the entry only counts right after one of these (names `as_word`).
    pub after: Vec<Phrase>,
}

/// A compiled literal rule.
#[derive(Debug, Clone)]
pub struct LiteralRule {
    /// What it looks for.
    pub entries: Vec<LiteralEntry>,
    /// When a match counts.
    pub conditions: Conditions,
    /// A consistency rule: report minority forms only.
    pub consistency: bool,
    /// A consistency rule's house form (index into `entries`): every other
    /// form is reported, however often it occurs.
    pub preferred: Option<usize>,
}

impl LiteralEntry {
    /// The exact strings that can match this entry in a text.
    fn surfaces(&self) -> Vec<String> {
        let t = &self.text;
        let mut out = vec![t.clone()];
        let has_upper = t.chars().any(char::is_uppercase);
        match self.case {
            CaseMode::Exact => {}
            CaseMode::Smart if has_upper => {}
            CaseMode::Smart => {
                out.extend([capitalize_first(t), title_case(t), t.to_uppercase()]);
            }
            CaseMode::Any => {
                let l = t.to_lowercase();
                out.extend([capitalize_first(&l), title_case(&l), t.to_uppercase(), l]);
            }
        }
        let quotes: Vec<String> = out
            .iter()
            .filter(|s| s.contains('\'') || s.contains('\u{2019}'))
            .flat_map(|s| [s.replace('\'', "\u{2019}"), s.replace('\u{2019}', "'")])
            .collect();
        out.extend(quotes);
        out.sort();
        out.dedup();
        out
    }
}

/// All literal rules of a rule set.
pub struct LiteralMatcher {
    ac: Option<AhoCorasick>,
    /// For each automaton pattern: (position in `rules`, entry index).
    targets: Vec<Vec<(usize, usize)>>,
    rules: Vec<(usize, LiteralRule)>,
}

impl LiteralMatcher {
    /// Builds the automaton over every surface form of every entry.
    pub fn new(rules: Vec<(usize, LiteralRule)>) -> Result<Self, PackError> {
        let mut by_surface: BTreeMap<String, Vec<(usize, usize)>> = BTreeMap::new();
        for (pos, (_, rule)) in rules.iter().enumerate() {
            for (ei, entry) in rule.entries.iter().enumerate() {
                for s in entry.surfaces() {
                    if !s.is_empty() {
                        by_surface.entry(s).or_default().push((pos, ei));
                    }
                }
            }
        }
        let (patterns, targets): (Vec<String>, Vec<Vec<(usize, usize)>>) =
            by_surface.into_iter().unzip();
        let ac = if patterns.is_empty() {
            None
        } else {
            Some(
                AhoCorasick::builder()
                    .match_kind(MatchKind::Standard)
                    .build(&patterns)
                    .map_err(|e| PackError::Build(format!("literal automaton: {e}")))?,
            )
        };
        Ok(LiteralMatcher { ac, targets, rules })
    }

    /// Reports every literal finding in `doc`.
    pub fn check(&self, doc: &Document, metas: &[RuleMeta], out: &mut Vec<Diagnostic>) {
        let Some(ac) = &self.ac else { return };
        let text = doc.text();
        let mut forms: HashMap<usize, Vec<(usize, Span)>> = HashMap::new();
        for (region, hay) in doc.region_texts() {
            for m in ac.find_overlapping_iter(hay) {
                let span = Span::new(m.start(), m.end()).shifted(region.start);
                if !is_whole_word(text, span.start, span.end) {
                    continue;
                }
                for &(pos, ei) in &self.targets[m.pattern().as_usize()] {
                    let (idx, rule) = &self.rules[pos];
                    let entry = &rule.entries[ei];
                    if !entry.after.is_empty() && !is_preceded_by(text, span.start, &entry.after) {
                        continue;
                    }
                    if !rule.conditions.allows(text, span) {
                        continue;
                    }
                    if rule.consistency {
                        forms.entry(pos).or_default().push((ei, span));
                    } else {
                        let found = &text[span.start..span.end];
                        let at_start = starts_sentence(text, span.start);
                        let suggestions = entry
                            .replacements
                            .iter()
                            .map(|r| adapt_case(&entry.text, found, r, at_start));
                        out.push(metas[*idx].diagnostic(text, span, suggestions));
                    }
                }
            }
        }
        let mut groups: Vec<_> = forms.into_iter().collect();
        groups.sort_by_key(|(pos, _)| *pos);
        for (pos, hits) in groups {
            let (idx, rule) = &self.rules[pos];
            let Some(preferred) = rule.preferred.or_else(|| majority(&hits)) else {
                continue;
            };
            let canonical = &rule.entries[preferred].text;
            for &(_, span) in hits.iter().filter(|(ei, _)| *ei != preferred) {
                out.push(metas[*idx].diagnostic(text, span, [canonical.clone()]));
            }
        }
    }
}

/// The most frequent entry among `hits`, if more than one entry occurs (ties: lowest index).
fn majority(hits: &[(usize, Span)]) -> Option<usize> {
    let mut counts: BTreeMap<usize, usize> = BTreeMap::new();
    for &(ei, _) in hits {
        *counts.entry(ei).or_default() += 1;
    }
    if counts.len() < 2 {
        return None;
    }
    counts
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
        .map(|(&ei, _)| ei)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn smart_surfaces_cover_capitalised_forms() {
        let e = LiteralEntry {
            text: "minor treasures".into(),
            case: CaseMode::Smart,
            replacements: vec![],
            after: vec![],
        };
        let s = e.surfaces();
        assert!(s.contains(&"Minor treasures".to_string()));
        assert!(s.contains(&"Minor Treasures".to_string()));
        assert!(s.contains(&"MINOR TREASURES".to_string()));
    }

    #[test]
    fn apostrophes_match_both_ways() {
        let e = LiteralEntry {
            text: "Xi's".into(),
            case: CaseMode::Exact,
            replacements: vec![],
            after: vec![],
        };
        assert!(e.surfaces().contains(&"Xi\u{2019}s".to_string()));
    }

    #[test]
    fn majority_prefers_frequent_then_first() {
        let s = Span::new(0, 1);
        assert_eq!(majority(&[(1, s), (0, s), (1, s)]), Some(1));
        assert_eq!(majority(&[(1, s), (0, s)]), Some(0));
        assert_eq!(majority(&[(1, s), (1, s)]), None);
    }
}
