//! Context conditions: when a literal or pattern match counts as a finding.

use crate::span::Span;
use crate::text::{
    is_word_char, words_after, words_after_in_sentence, words_before, words_before_in_sentence,
};

/// A word or phrase from a condition list. Words written with a capital
/// letter must match exactly ("US" is not "us"); lowercase words match any
/// capitalisation; a trailing `*` makes the last word a prefix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phrase {
    /// (word as written — lowercased when it has no capital, has a capital)
    words: Vec<(String, bool)>,
    prefix_last: bool,
}

/// Words of a text, as written and lowercased.
pub struct Words<'a> {
    orig: Vec<&'a str>,
    lower: Vec<String>,
}

impl<'a> Words<'a> {
    /// Wraps words taken from a text.
    pub fn new(orig: Vec<&'a str>) -> Self {
        let lower = orig.iter().map(|w| w.to_lowercase()).collect();
        Words { orig, lower }
    }

    fn len(&self) -> usize {
        self.orig.len()
    }
}

impl Phrase {
    /// Parses `"diplomat*"`, `"the G20"`, `"U.S."`; `None` when it has no words.
    pub fn parse(s: &str) -> Option<Phrase> {
        let trimmed = s.trim();
        let prefix_last = trimmed.ends_with('*');
        let words: Vec<(String, bool)> = trimmed
            .trim_end_matches('*')
            .split(|c: char| !is_word_char(c))
            .filter(|w| !w.is_empty())
            .map(|w| {
                if w.chars().any(char::is_uppercase) {
                    (w.to_string(), true)
                } else {
                    (w.to_string(), false)
                }
            })
            .collect();
        if words.is_empty() {
            return None;
        }
        Some(Phrase { words, prefix_last })
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// True when the phrase has no words (never, for parsed phrases).
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Does the phrase equal the `len()` words of `words` starting at `at`?
    fn equals_at(&self, words: &Words<'_>, at: usize) -> bool {
        at + self.len() <= words.len()
            && self.words.iter().enumerate().all(|(i, (p, exact))| {
                let w = if *exact {
                    words.orig[at + i]
                } else {
                    words.lower[at + i].as_str()
                };
                if self.prefix_last && i + 1 == self.words.len() {
                    w.starts_with(p.as_str())
                } else {
                    w == p
                }
            })
    }

    /// Does the phrase occur anywhere in `words`?
    fn occurs_in(&self, words: &Words<'_>) -> bool {
        words.len() >= self.len()
            && (0..=words.len() - self.len()).any(|at| self.equals_at(words, at))
    }

    fn ends(&self, words: &Words<'_>) -> bool {
        words.len() >= self.len() && self.equals_at(words, words.len() - self.len())
    }

    fn starts(&self, words: &Words<'_>) -> bool {
        self.equals_at(words, 0)
    }
}

/// The context conditions of one rule (see docs/rule-format.md).
#[derive(Debug, Clone, Default)]
pub struct Conditions {
    /// At least one must occur within `window` words.
    pub near: Vec<Phrase>,
    /// None may occur within `window` words.
    pub not_near: Vec<Phrase>,
    /// Words either side for `near`/`not_near`.
    pub window: usize,
    /// The words right before must be one of these …
    pub preceded_by: Vec<Phrase>,
    /// … or the words right after one of these.
    pub followed_by: Vec<Phrase>,
    /// The words right before must be none of these.
    pub not_preceded_by: Vec<Phrase>,
    /// The words right after must be none of these.
    pub not_followed_by: Vec<Phrase>,
    /// Longer phrases that make the match legitimate.
    pub except: Vec<Phrase>,
}

/// Default `window` for `near`/`not_near`.
pub const DEFAULT_WINDOW: usize = 25;

fn max_len(list: &[Phrase]) -> usize {
    list.iter().map(Phrase::len).max().unwrap_or(0)
}

/// Are the words right before byte `start` one of `list`?
pub fn is_preceded_by(text: &str, start: usize, list: &[Phrase]) -> bool {
    let before = Words::new(words_before_in_sentence(text, start, max_len(list)));
    list.iter().any(|p| p.ends(&before))
}

impl Conditions {
    /// True when the rule has no conditions at all.
    pub fn is_empty(&self) -> bool {
        self.near.is_empty()
            && self.not_near.is_empty()
            && self.preceded_by.is_empty()
            && self.followed_by.is_empty()
            && self.not_preceded_by.is_empty()
            && self.not_followed_by.is_empty()
            && self.except.is_empty()
    }

    /// Does a match at `span` of `text` count?
    pub fn allows(&self, text: &str, span: Span) -> bool {
        if self.is_empty() {
            return true;
        }
        let reach = max_len(&self.preceded_by)
            .max(max_len(&self.not_preceded_by))
            .max(max_len(&self.followed_by))
            .max(max_len(&self.not_followed_by))
            .max(max_len(&self.except));
        let before = Words::new(words_before_in_sentence(text, span.start, reach));
        let after = Words::new(words_after_in_sentence(text, span.end, reach));

        let anchored = !self.preceded_by.is_empty() || !self.followed_by.is_empty();
        if anchored {
            let pre = self.preceded_by.iter().any(|p| p.ends(&before));
            let post = self.followed_by.iter().any(|p| p.starts(&after));
            if !pre && !post {
                return false;
            }
        }
        if self.not_preceded_by.iter().any(|p| p.ends(&before))
            || self.not_followed_by.iter().any(|p| p.starts(&after))
        {
            return false;
        }
        if !self.except.is_empty() && self.excepted(text, span, &before, &after) {
            return false;
        }
        if !self.near.is_empty() || !self.not_near.is_empty() {
            let around = [
                Words::new(words_before(text, span.start, self.window)),
                Words::new(words_after(text, span.end, self.window)),
            ];
            let seen = |list: &[Phrase]| {
                list.iter()
                    .any(|p| around.iter().any(|side| p.occurs_in(side)))
            };
            if !self.near.is_empty() && !seen(&self.near) {
                return false;
            }
            if seen(&self.not_near) {
                return false;
            }
        }
        true
    }

    /// Is the match part of one of the `except` phrases?
    fn excepted(&self, text: &str, span: Span, before: &Words<'_>, after: &Words<'_>) -> bool {
        let matched = text.get(span.start..span.end).unwrap_or("");
        let mut orig: Vec<&str> = before.orig.clone();
        let first = orig.len();
        orig.extend(
            matched
                .split(|c: char| !is_word_char(c))
                .filter(|w| !w.is_empty()),
        );
        let last = orig.len();
        orig.extend_from_slice(&after.orig);
        let all = Words::new(orig);
        self.except.iter().any(|p| {
            (0..=all.len().saturating_sub(p.len()))
                .any(|at| at <= first && at + p.len() >= last && p.equals_at(&all, at))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn phrases(list: &[&str]) -> Vec<Phrase> {
        list.iter().filter_map(|s| Phrase::parse(s)).collect()
    }

    fn span_of(text: &str, needle: &str) -> Span {
        let s = text.find(needle).unwrap_or_default();
        Span::new(s, s + needle.len())
    }

    #[test]
    fn near_uses_prefixes_within_the_window() {
        let c = Conditions {
            near: phrases(&["diplomat*"]),
            window: 5,
            ..Default::default()
        };
        let t = "Diplomats were expelled, hurting the messages.";
        assert!(c.allows(t, span_of(t, "messages")));
        let far = "Diplomats were expelled. One two three four five six messages.";
        assert!(!c.allows(far, span_of(far, "messages")));
    }

    #[test]
    fn either_anchor_is_enough() {
        let c = Conditions {
            preceded_by: phrases(&["U.S."]),
            followed_by: phrases(&["Rubio", "Marco Rubio"]),
            ..Default::default()
        };
        let t = "Foreign Minister Marco Rubio";
        assert!(c.allows(t, span_of(t, "Foreign Minister")));
        let u = "the U.S. Foreign Minister said";
        assert!(c.allows(u, span_of(u, "Foreign Minister")));
        let v = "Foreign Minister Sergei Lavrov";
        assert!(!c.allows(v, span_of(v, "Foreign Minister")));
    }

    #[test]
    fn except_covers_the_match() {
        let c = Conditions {
            except: phrases(&["peaks and troughs"]),
            ..Default::default()
        };
        let t = "the peaks and troughs of trade";
        assert!(!c.allows(t, span_of(t, "peaks")));
        let u = "summits and peaks";
        assert!(c.allows(u, span_of(u, "peaks")));
    }
}
