//! The engine: every loaded rule over a document, with sorted, deduplicated output.
//! No I/O and no printing happen here.

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::detect::gazetteer::Gazetteer;
use crate::detect::{self, DetectorsConfig};

use crate::diagnostic::{normalize, Diagnostic};
use crate::document::Document;
use crate::rules::{Pack, PackError, RuleMeta, RuleSet};
use crate::suppress::{self, KnownRules};

/// What to run besides the packs' rules.
#[derive(Debug, Clone, PartialEq)]
pub struct EngineOptions {
    /// Report the packs' rules (false: detectors only).
    pub rules: bool,
    /// Which detectors run, and how.
    pub detectors: DetectorsConfig,
}

impl Default for EngineOptions {
    fn default() -> Self {
        EngineOptions {
            rules: true,
            detectors: DetectorsConfig::default(),
        }
    }
}

/// Checks documents against a fixed set of rule packs.
pub struct Engine {
    rules: RuleSet,
    packs: Vec<PackInfo>,
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
        let gazetteer = Arc::new(Gazetteer::from_rules(&rules));
        let known = KnownRules::new(
            rules.iter().map(|r| r.meta.id.clone()).chain(
                detect::names()
                    .into_iter()
                    .map(|n| Arc::from(format!("detect/{n}"))),
            ),
        );
        if !options.rules {
            rules.clear();
        }
        rules.extend(detect::compile(&options.detectors));
        Ok(Engine {
            rules: RuleSet::new(rules, gazetteer)?,
            packs: infos,
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
