//! The names the rule packs know: canonical English spellings and their variants.

use std::collections::{BTreeSet, HashMap};

use crate::rules::{CompiledRule, RuleBody, RuleKind};

/// Canonical spellings and their known variants, from every `names` rule loaded.
#[derive(Debug, Default, Clone)]
pub struct Gazetteer {
    canonical: BTreeSet<String>,
    variants: HashMap<String, String>,
}

impl Gazetteer {
    /// Collects the `names` rules of `rules`.
    pub fn from_rules<'a>(rules: impl IntoIterator<Item = &'a CompiledRule>) -> Gazetteer {
        let mut g = Gazetteer::default();
        for rule in rules {
            if rule.meta.kind != RuleKind::Names {
                continue;
            }
            if let RuleBody::Literal(lit) = &rule.body {
                for e in &lit.entries {
                    if let Some(canonical) = e.replacements.first() {
                        g.canonical.insert(canonical.clone());
                        g.variants.insert(e.text.clone(), canonical.clone());
                    }
                }
            }
        }
        g
    }

    /// True when nothing is known.
    pub fn is_empty(&self) -> bool {
        self.canonical.is_empty()
    }

    /// Is `word` a canonical spelling?
    pub fn is_canonical(&self, word: &str) -> bool {
        self.canonical.contains(word)
    }

    /// The canonical spelling of a listed variant.
    pub fn canonical_of(&self, variant: &str) -> Option<&str> {
        self.variants.get(variant).map(String::as_str)
    }

    /// The canonical spelling most similar to `word` (Jaro-Winkler, lowercased),
    /// if its similarity is at least `min`.
    pub fn closest(&self, word: &str, min: f64) -> Option<&str> {
        let w = word.to_lowercase();
        self.canonical
            .iter()
            .map(|c| (strsim::jaro_winkler(&w, &c.to_lowercase()), c))
            .filter(|(s, _)| *s >= min)
            .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)))
            .map(|(_, c)| c.as_str())
    }

    /// Every canonical spelling.
    pub fn canonical(&self) -> impl Iterator<Item = &str> {
        self.canonical.iter().map(String::as_str)
    }
}
