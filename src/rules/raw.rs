//! The TOML shape of a rule pack, exactly as written by people. Unknown keys are rejected.

use std::fmt;

use serde::de::{self, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer};
use toml::Spanned;

/// A whole pack file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPackFile {
    /// The `[pack]` header.
    pub pack: Spanned<RawPackHeader>,
    /// The `[[rule]]` tables.
    #[serde(default)]
    pub rule: Vec<Spanned<RawRule>>,
}

/// The `[pack]` table.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPackHeader {
    /// Pack id: lowercase letters, digits and `-`.
    pub id: Spanned<String>,
    /// What the pack is about.
    #[serde(default)]
    pub description: Option<String>,
    /// Whether the pack is loaded unless a configuration names it (default true).
    #[serde(default)]
    pub default: Option<bool>,
}

/// One `[[rule]]` table. Every kind's keys live here; `load` checks which keys a kind may use.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct RawRule {
    pub id: Spanned<String>,
    pub kind: Spanned<String>,
    pub message: Option<String>,
    pub explain: Option<String>,
    pub severity: Option<Spanned<String>>,
    pub category: Option<Spanned<String>>,
    pub fix: Option<Spanned<String>>,
    #[serde(default)]
    pub bad: Vec<RawBad>,
    #[serde(default)]
    pub good: Vec<String>,

    pub find: Option<Vec<String>>,
    pub replace: Option<StringOrList>,
    pub case: Option<Spanned<String>>,
    pub inflect: Option<Spanned<String>>,

    pub near: Option<Vec<String>>,
    pub not_near: Option<Vec<String>>,
    pub window: Option<usize>,
    pub preceded_by: Option<Vec<String>>,
    pub followed_by: Option<Vec<String>>,
    pub not_preceded_by: Option<Vec<String>>,
    pub not_followed_by: Option<Vec<String>>,
    pub except: Option<Vec<String>>,

    pub regex: Option<Spanned<String>>,
    pub report: Option<String>,
    pub same: Option<Vec<String>>,

    pub canonical: Option<String>,
    pub variants: Option<Vec<String>>,
    pub as_word: Option<Vec<String>>,
    pub given: Option<Vec<String>>,

    pub holders: Option<Vec<String>>,
    pub countries: Option<Vec<String>>,

    pub forms: Option<Vec<String>>,

    pub lines: Option<Vec<String>>,
}

/// The keys of [`RawRule`], for "did you mean" hints.
pub const RULE_KEYS: &[&str] = &[
    "id",
    "kind",
    "message",
    "explain",
    "severity",
    "category",
    "fix",
    "bad",
    "good",
    "find",
    "replace",
    "case",
    "inflect",
    "near",
    "not_near",
    "window",
    "preceded_by",
    "followed_by",
    "not_preceded_by",
    "not_followed_by",
    "except",
    "regex",
    "report",
    "same",
    "canonical",
    "variants",
    "as_word",
    "given",
    "holders",
    "countries",
    "forms",
    "lines",
];

impl RawRule {
    /// The names of the optional kind-specific keys this rule sets.
    pub fn keys_set(&self) -> Vec<&'static str> {
        let mut keys = Vec::new();
        macro_rules! check {
            ($($field:ident),*) => { $( if self.$field.is_some() { keys.push(stringify!($field)); } )* };
        }
        check!(
            find,
            replace,
            case,
            inflect,
            near,
            not_near,
            window,
            preceded_by,
            followed_by,
            not_preceded_by,
            not_followed_by,
            except,
            regex,
            report,
            same,
            canonical,
            variants,
            as_word,
            given,
            holders,
            countries,
            forms,
            lines
        );
        keys
    }
}

/// A bad example: a text, or a text with the expected result of applying the fix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawBad {
    /// Text the rule must flag.
    pub text: String,
    /// The text after applying the rule's first suggestion to each finding.
    pub fixed: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBadTable {
    text: String,
    fixed: Option<String>,
}

impl<'de> Deserialize<'de> for RawBad {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawBad;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string or a table { text = \"...\", fixed = \"...\" }")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawBad, E> {
                Ok(RawBad {
                    text: v.to_string(),
                    fixed: None,
                })
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<RawBad, A::Error> {
                let t = RawBadTable::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(RawBad {
                    text: t.text,
                    fixed: t.fixed,
                })
            }
        }
        d.deserialize_any(V)
    }
}

/// `replace = "x"` or `replace = ["x", "y"]`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StringOrList(pub Vec<String>);

impl<'de> Deserialize<'de> for StringOrList {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = StringOrList;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string or a list of strings")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<StringOrList, E> {
                Ok(StringOrList(vec![v.to_string()]))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<StringOrList, A::Error> {
                let mut out = Vec::new();
                while let Some(s) = seq.next_element::<String>()? {
                    out.push(s);
                }
                Ok(StringOrList(out))
            }
        }
        d.deserialize_any(V)
    }
}
