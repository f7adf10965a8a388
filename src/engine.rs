//! The engine: every loaded rule over a document, with sorted, deduplicated output.
//! No I/O and no printing happen here.

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::detect::gazetteer::Gazetteer;
use crate::detect::{self, DetectorsConfig};

use crate::diagnostic::{normalize, Diagnostic};
use crate::document::Document;
use crate::rules::overrides::RuleOverrides;
use crate::rules::{Pack, PackError, RuleKind, RuleMeta, RuleSet};
use crate::suppress::{self, KnownRules};

/// What to run besides the packs' rules.
#[derive(Debug, Clone, PartialEq)]
pub struct EngineOptions {
    /// Report the packs' rules (false: detectors only).
    pub rules: bool,
    /// Which detectors run, and how.
    pub detectors: DetectorsConfig,
    /// Rules switched off, severities changed, house spellings.
    pub overrides: RuleOverrides,
    /// Words and names never reported (see [`Allow`]).
    pub allow: Vec<String>,
}

impl Default for EngineOptions {
    fn default() -> Self {
        EngineOptions {
            rules: true,
            detectors: DetectorsConfig::default(),
            overrides: RuleOverrides::default(),
            allow: Vec::new(),
        }
    }
}

/// Checks documents against a fixed set of rule packs.
pub struct Engine {
    rules: RuleSet,
    packs: Vec<PackInfo>,
    allow: Allow,
    /// Every rule id a suppression directive may name (also rules not run).
    known: KnownRules,
}

/// What [`Engine::check_detailed`] finds.
#[derive(Debug, Clone, Default)]
pub struct Checked {
    /// The findings no suppression directive silenced (with reports of
    /// directives that name no known rule), sorted by position.
    pub diagnostics: Vec<Diagnostic>,
    /// One `mtlint/unused-suppression` warning per directive (or rule name
    /// in one) that silenced nothing; each fix deletes it.
    pub unused_suppressions: Vec<Diagnostic>,
}

/// What the engine knows about a loaded pack.
#[derive(Debug, Clone)]
pub struct PackInfo {
    /// Pack id.
    pub id: String,
    /// Its description.
    pub description: String,
    /// Where it was loaded from.
    pub path: std::path::PathBuf,
    /// How many rules it has.
    pub rules: usize,
}

impl Engine {
    /// Compiles `packs` and the default detectors into one engine. Two packs
    /// with the same id are an error.
    pub fn new(packs: Vec<Pack>) -> Result<Engine, PackError> {
        Engine::with_options(packs, &EngineOptions::default())
    }

    /// Compiles `packs` with the given detector settings; with
    /// `options.rules == false` the packs only feed the detectors' gazetteer.
    pub fn with_options(packs: Vec<Pack>, options: &EngineOptions) -> Result<Engine, PackError> {
        let mut seen: BTreeMap<String, std::path::PathBuf> = BTreeMap::new();
        let mut infos = Vec::new();
        let mut rules = Vec::new();
        for pack in packs {
            if let Some(first) = seen.get(&pack.id) {
                return Err(PackError::Build(format!(
                    "{}: pack id `{}` is already used by {}",
                    pack.path.display(),
                    pack.id,
                    first.display()
                )));
            }
            seen.insert(pack.id.clone(), pack.path.clone());
            infos.push(PackInfo {
                id: pack.id,
                description: pack.description,
                path: pack.path,
                rules: pack.rules.len(),
            });
            rules.extend(pack.rules);
        }
        rules.extend(detect::compile(&options.detectors));
        // directives may name any loaded rule, also one the configuration disables
        let known = KnownRules::new(
            rules.iter().map(|r| r.meta.id.clone()).chain(
                detect::names()
                    .into_iter()
                    .map(|n| Arc::from(format!("detect/{n}"))),
            ),
        );
        options.overrides.apply(&mut rules)?;
        let gazetteer = Arc::new(Gazetteer::from_rules(&rules));
        if !options.rules {
            rules.retain(|r| r.meta.kind == RuleKind::Detector);
        }
        Ok(Engine {
            rules: RuleSet::new(rules, gazetteer)?,
            packs: infos,
            allow: Allow::new(&options.allow),
            known,
        })
    }

    /// Every rule, in load order.
    pub fn rules(&self) -> &[RuleMeta] {
        self.rules.rules()
    }

    /// The rule with full id `id`.
    pub fn rule(&self, id: &str) -> Option<&RuleMeta> {
        self.rules().iter().find(|r| &*r.id == id)
    }

    /// The loaded packs.
    pub fn packs(&self) -> &[PackInfo] {
        &self.packs
    }

    /// All findings in `doc`, sorted by position then rule id, in byte
    /// offsets of [`Document::source`]. Different rules may report
    /// overlapping spans; one rule reports a stretch of text once (its
    /// longest match: "key rate" inside "key rate cut" is dropped). Findings
    /// silenced by a suppression directive are left out (see [`suppress`]).
    pub fn check(&self, doc: &Document) -> Vec<Diagnostic> {
        self.check_detailed(doc).diagnostics
    }

    /// Like [`Engine::check`], and also the directives that silenced nothing.
    pub fn check_detailed(&self, doc: &Document) -> Checked {
        let mut out = Vec::new();
        self.rules.check(doc, &mut out);
        self.allow.filter(doc.text(), &mut out);
        normalize(&mut out);
        for d in &mut out {
            doc.diagnostic_to_source(d);
        }
        let directives = doc.directives();
        if directives.is_empty() {
            return Checked {
                diagnostics: out,
                unused_suppressions: Vec::new(),
            };
        }
        let outcome = suppress::apply(doc.source(), &directives, &self.known, out);
        Checked {
            diagnostics: outcome.diagnostics,
            unused_suppressions: outcome.unused,
        }
    }
}

/// A desk's allow-list: a finding is dropped when its text is an allowed
/// entry (ignoring case) or contains one as whole words (an entry with a
/// capital letter must match exactly).
#[derive(Debug, Clone, Default)]
struct Allow {
    entries: Vec<(String, bool)>,
}

impl Allow {
    fn new(entries: &[String]) -> Allow {
        Allow {
            entries: entries
                .iter()
                .map(|e| e.trim())
                .filter(|e| !e.is_empty())
                .map(|e| (e.to_string(), e.chars().any(char::is_uppercase)))
                .collect(),
        }
    }

    fn filter(&self, text: &str, diags: &mut Vec<Diagnostic>) {
        if self.entries.is_empty() {
            return;
        }
        diags.retain(|d| {
            let found = text.get(d.span.start..d.span.end).unwrap_or("").trim();
            !self.entries.iter().any(|(entry, exact)| {
                found.eq_ignore_ascii_case(entry)
                    || found.to_lowercase() == entry.to_lowercase()
                    || contains_words(found, entry, *exact)
            })
        });
    }
}

/// Whether `entry` occurs in `found` with word boundaries on both sides.
fn contains_words(found: &str, entry: &str, exact: bool) -> bool {
    let (hay, needle) = if exact {
        (found.to_string(), entry.to_string())
    } else {
        (found.to_lowercase(), entry.to_lowercase())
    };
    let mut from = 0;
    while let Some(i) = hay.get(from..).and_then(|h| h.find(&needle)) {
        let start = from + i;
        let end = start + needle.len();
        let before = hay[..start].chars().next_back();
        let after = hay[end..].chars().next();
        if !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric) {
            return true;
        }
        from = end;
    }
    false
}
