//! Pattern rules: a `RegexSet` finds which regexes match a document at all,
//! then only those are run to locate their matches.

use std::sync::OnceLock;

use regex::{Regex, RegexBuilder, RegexSet, RegexSetBuilder};

/// Lazy-DFA cache of the prefilter set: large enough that scanning with
/// dozens of Unicode-aware patterns does not thrash.
const SET_DFA_CACHE: usize = 64 << 20;

/// Compiled size limit of one rule's regex.
pub const REGEX_SIZE_LIMIT: usize = 1 << 22;

/// Rules per prefilter set.
const SET_CHUNK: usize = 8;

use super::context::Conditions;
use super::load::PackError;
use super::RuleMeta;
use crate::diagnostic::Diagnostic;
use crate::document::Document;
use crate::span::{ceil_char_boundary, Span};
use crate::text::{capitalize_first, starts_sentence};

/// A compiled pattern rule.
#[derive(Debug, Clone)]
pub struct PatternRule {
    /// The regex source (with `(?i)` in front when case-insensitive).
    pub source: String,
    /// The compiled regex, built on first use: most rules never match in a
    /// given article, and compiling ~200 Unicode regexes up front would cost
    /// a third of a second per run.
    regex: OnceLock<Option<Regex>>,
    /// Replacement templates (`$1`, `${name}`), best first.
    pub replace: Vec<String>,
    /// Capture group to report instead of the whole match.
    pub report: Option<usize>,
    /// Capture groups that must hold the same words (ignoring case).
    pub same: Vec<usize>,
    /// When a match counts.
    pub conditions: Conditions,
}

/// `src` without its `\b` and `\B` assertions: a looser regex that matches
/// wherever `src` does. Unicode word boundaries make the lazy DFA give up on
/// non-ASCII text, so the prefilter set is built from these.
fn without_word_boundaries(src: &str) -> String {
    let mut out = String::with_capacity(src.len());
    let mut chars = src.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('b' | 'B') => {}
                Some(next) => {
                    out.push(c);
                    out.push(next);
                }
                None => out.push(c),
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// All pattern rules of a rule set.
pub struct PatternMatcher {
    /// Prefilter sets over consecutive chunks of `rules`.
    sets: Vec<RegexSet>,
    rules: Vec<(usize, PatternRule)>,
}

impl PatternMatcher {
    /// Builds the prefilter sets, one per chunk of rules: one set over all
    /// rules has a lazy DFA so large that scanning spends most of its time
    /// building states; small sets stay warm.
    pub fn new(rules: Vec<(usize, PatternRule)>) -> Result<Self, PackError> {
        let sets = rules
            .chunks(SET_CHUNK)
            .map(|chunk| {
                RegexSetBuilder::new(
                    chunk
                        .iter()
                        .map(|(_, r)| without_word_boundaries(&r.source)),
                )
                .dfa_size_limit(SET_DFA_CACHE)
                .build()
                .map_err(|e| PackError::Build(format!("regex set: {e}")))
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(PatternMatcher { sets, rules })
    }

    /// Reports every pattern finding in `doc`. The set says which rules can
    /// match at all; only those are run, with their exact regexes.
    ///
    /// Patterns match within one line (a paragraph of prose): the set runs on
    /// each line, and a rule's regex only on the lines where the set says it
    /// can match, so a rule that matches once in a long text costs one line.
    pub fn check(&self, doc: &Document, metas: &[RuleMeta], out: &mut Vec<Diagnostic>) {
        for (region, hay) in doc.region_texts() {
            let mut offset = region.start;
            for line in hay.split_inclusive('\n') {
                for (chunk, set) in self.sets.iter().enumerate() {
                    for i in set.matches(line).iter() {
                        let (idx, rule) = &self.rules[chunk * SET_CHUNK + i];
                        rule.scan(doc.text(), line, offset, &metas[*idx], out);
                    }
                }
                offset += line.len();
            }
        }
    }
}

impl PatternRule {
    /// A rule over `source`, which must already have been validated (see `load`).
    pub fn new(
        source: String,
        replace: Vec<String>,
        report: Option<usize>,
        same: Vec<usize>,
        conditions: Conditions,
    ) -> Self {
        PatternRule {
            source,
            regex: OnceLock::new(),
            replace,
            report,
            same,
            conditions,
        }
    }

    /// The compiled regex (`None` only if it exceeds the size limit).
    fn regex(&self) -> Option<&Regex> {
        self.regex
            .get_or_init(|| {
                RegexBuilder::new(&self.source)
                    .size_limit(REGEX_SIZE_LIMIT)
                    .build()
                    .ok()
            })
            .as_ref()
    }

    fn same_ok(&self, caps: &regex::Captures<'_>) -> bool {
        let mut groups = self.same.iter().map(|&g| caps.get(g).map(|m| m.as_str()));
        let Some(Some(first)) = groups.next() else {
            return self.same.is_empty();
        };
        let first = first.to_lowercase();
        groups.all(|g| g.is_some_and(|g| g.to_lowercase() == first))
    }

    fn scan(
        &self,
        text: &str,
        hay: &str,
        offset: usize,
        meta: &RuleMeta,
        out: &mut Vec<Diagnostic>,
    ) {
        let Some(regex) = self.regex() else { return };
        let mut pos = 0;
        while pos <= hay.len() {
            let Some(caps) = regex.captures_at(hay, pos) else {
                break;
            };
            let Some(whole) = caps.get(0) else { break };
            if !self.same_ok(&caps) {
                // try again from the next character: a later start may satisfy `same`
                pos = ceil_char_boundary(hay, whole.start() + 1);
                continue;
            }
            pos = if whole.end() > whole.start() {
                whole.end()
            } else {
                ceil_char_boundary(hay, whole.end() + 1)
            };
            let reported = match self.report {
                Some(g) => match caps.get(g) {
                    Some(m) => m,
                    None => continue,
                },
                None => whole,
            };
            let span = Span::new(reported.start(), reported.end()).shifted(offset);
            if !self.conditions.allows(text, span) {
                continue;
            }
            let capitalise = starts_sentence(text, span.start)
                && reported
                    .as_str()
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase);
            let suggestions = self.replace.iter().map(|t| {
                let mut full = String::new();
                caps.expand(t, &mut full);
                if capitalise {
                    capitalize_first(&full)
                } else {
                    full
                }
            });
            out.push(meta.diagnostic(text, span, suggestions));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefilter_drops_only_word_boundaries() {
        assert_eq!(
            without_word_boundaries(r"\bgen \B(\d)\\b\."),
            r"gen (\d)\\b\."
        );
    }
}
