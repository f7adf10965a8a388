//! Built-in word lists (see `data/README.md`): English words, given names, surnames.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

const ENGLISH: &str = include_str!("../../data/english-words.txt");
const FIRST_NAMES: &str = include_str!("../../data/first-names.txt");
const SURNAMES: &str = include_str!("../../data/surnames.txt");

/// What the detectors know about English.
pub struct Lexicon {
    /// Lowercase common words ("blinking", "nail").
    words: HashSet<&'static str>,
    /// Capitalised entries of the word list, lowercased ("moscow", "smith").
    proper: HashSet<String>,
    /// Given names, lowercased.
    first_names: HashSet<String>,
    /// Surnames, lowercased, with their frequency rank (0 = most frequent).
    surnames: HashMap<String, usize>,
}

impl Lexicon {
    /// The shared lexicon, built on first use.
    pub fn get() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(|| {
            let mut words = HashSet::new();
            let mut proper = HashSet::new();
            for w in ENGLISH.lines() {
                if w.chars().next().is_some_and(char::is_uppercase) {
                    proper.insert(w.to_lowercase());
                } else {
                    words.insert(w);
                }
            }
            Lexicon {
                words,
                proper,
                first_names: FIRST_NAMES.lines().map(str::to_lowercase).collect(),
                surnames: SURNAMES
                    .lines()
                    .enumerate()
                    .map(|(i, s)| (s.to_lowercase(), i))
                    .collect(),
            }
        })
    }

    /// Is `word` (any case) an ordinary lowercase English word?
    pub fn is_word(&self, word: &str) -> bool {
        self.words.contains(word) || self.words.contains(word.to_lowercase().as_str())
    }

    /// Is `word` (any case) an English word or a name the English word list knows?
    pub fn is_known(&self, word: &str) -> bool {
        self.is_word(word) || self.proper.contains(&word.to_lowercase())
    }

    /// Is `word` (any case) a capitalised entry of the English word list ("Rhine", "Smith")?
    pub fn is_proper(&self, word: &str) -> bool {
        self.proper.contains(&word.to_lowercase())
    }

    /// Is `word` a given name?
    pub fn is_first_name(&self, word: &str) -> bool {
        self.first_names.contains(&word.to_lowercase())
    }

    /// Frequency rank of `word` as a surname (0 = most common), if it is one.
    pub fn surname_rank(&self, word: &str) -> Option<usize> {
        self.surnames.get(&word.to_lowercase()).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_loaded() {
        let lx = Lexicon::get();
        assert!(lx.is_word("blinking") && lx.is_word("Blinking"));
        assert!(!lx.is_word("Lawrow"));
        assert!(lx.is_known("Moscow"));
        assert!(lx.is_first_name("Antony") || lx.is_first_name("Anthony"));
        assert_eq!(lx.surname_rank("Smith"), Some(0));
    }
}
