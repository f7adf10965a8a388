//! Built-in detectors: checks that find whole families of machine-translation
//! artifacts without a list entry (a general nobody listed, a surname the
//! engine translated, a German sentence it skipped).
//!
//! A detector is a rule like any other: it has an id (`detect/NAME`), a
//! severity, a category, examples that `mtlint rules test` runs, and it
//! reports the same diagnostics. It runs over the document's words
//! ([`tokens::Token`]) with the built-in [`lexicon::Lexicon`] and the
//! [`gazetteer::Gazetteer`] of the loaded `names` rules. Each can be switched
//! off, given another severity, an allow-list and a threshold in the
//! `[detectors]` table of the configuration (see [`DetectorSettings`]).

pub mod furniture;
pub mod gazetteer;
pub mod lexicon;
pub mod name_as_word;
pub mod numbers;
pub mod repetition;
pub mod spacing;
pub mod tokens;
pub mod transliteration;
pub mod untranslated;
pub mod variant_spelling;

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::Deserialize;

use crate::diagnostic::{Applicability, Category, Diagnostic, Severity};
use crate::document::Document;
use crate::rules::{BadExample, CompiledRule, Origin, RuleBody, RuleKind, RuleMeta};
use crate::span::Span;
use gazetteer::Gazetteer;
use lexicon::Lexicon;
use tokens::Token;

/// What a detector is, for `rules list`/`explain` and its examples.
#[derive(Debug)]
pub struct DetectorInfo {
    /// Short name; the rule id is `detect/NAME`.
    pub name: &'static str,
    /// MQM category of its findings.
    pub category: Category,
    /// Default severity.
    pub severity: Severity,
    /// Whether its fixes may be applied unasked.
    pub applicability: Applicability,
    /// One line: what it finds.
    pub summary: &'static str,
    /// How it decides, and how to tune it.
    pub explain: &'static str,
    /// Texts it must flag, with the text after applying the first suggestion of each finding.
    pub bad: &'static [(&'static str, Option<&'static str>)],
    /// Texts it must leave alone.
    pub good: &'static [&'static str],
}

/// One finding of a detector, before it becomes a diagnostic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// What is wrong.
    pub span: Span,
    /// Message for the editor.
    pub message: String,
    /// Replacements for `span`, best first (`""` deletes).
    pub suggestions: Vec<String>,
}

/// Everything a detector may look at.
pub struct Context<'a> {
    /// The whole document.
    pub doc: &'a Document,
    /// Its words, in order.
    pub tokens: Vec<Token<'a>>,
    /// English words and names.
    pub lexicon: &'static Lexicon,
    /// Names from the loaded packs.
    pub gazetteer: &'a Gazetteer,
}

impl<'a> Context<'a> {
    /// Tokenises `doc`.
    pub fn new(doc: &'a Document, gazetteer: &'a Gazetteer) -> Self {
        Context {
            doc,
            tokens: tokens::tokenize(doc),
            lexicon: Lexicon::get(),
            gazetteer,
        }
    }

    /// The document text.
    pub fn text(&self) -> &'a str {
        self.doc.text()
    }
}

/// A built-in check over the words of a document.
pub trait Detector: Send + Sync {
    /// Its description.
    fn info(&self) -> &'static DetectorInfo;
    /// Appends its findings for the document to `out`.
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>);
}

/// Settings of one detector from the `[detectors.NAME]` table.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct DetectorSettings {
    /// Run it (default: true).
    pub enabled: Option<bool>,
    /// Severity of its findings.
    pub severity: Option<Severity>,
    /// Words or phrases it never reports (compared ignoring case).
    #[serde(default)]
    pub allow: Vec<String>,
    /// Detector-specific threshold (see `mtlint rules explain detect/NAME`).
    pub threshold: Option<f64>,
}

/// The `[detectors]` table: a switch for all of them and per-detector settings.
#[derive(Debug, Clone, PartialEq)]
pub struct DetectorsConfig {
    /// Run detectors at all (default: true).
    pub enabled: bool,
    /// Settings by detector name.
    pub settings: BTreeMap<String, DetectorSettings>,
}

type Build = fn(&DetectorSettings) -> Box<dyn Detector>;

/// Every built-in detector, in a stable order.
pub fn registry() -> Vec<(&'static DetectorInfo, Build)> {
    vec![
        // registry: one line per detector, in id order
        (&furniture::INFO, furniture::build),
        (&name_as_word::INFO, name_as_word::build),
        (&numbers::INFO, numbers::build),
        (&repetition::INFO, repetition::build),
        (&spacing::INFO, spacing::build),
        (&transliteration::INFO, transliteration::build),
        (&untranslated::INFO, untranslated::build),
        (&variant_spelling::INFO, variant_spelling::build),
    ]
}

/// Names of every built-in detector.
pub fn names() -> Vec<&'static str> {
    registry().iter().map(|(info, _)| info.name).collect()
}

/// The enabled detectors as rules, with their configured severity and allow-list.
pub fn compile(config: &DetectorsConfig) -> Vec<CompiledRule> {
    if !config.enabled {
        return Vec::new();
    }
    registry()
        .into_iter()
        .filter_map(|(info, build)| {
            let settings = config.settings.get(info.name).cloned().unwrap_or_default();
            if settings.enabled == Some(false) {
                return None;
            }
            let meta = RuleMeta {
                id: Arc::from(format!("detect/{}", info.name)),
                pack: "detect".to_string(),
                kind: RuleKind::Detector,
                severity: settings.severity.unwrap_or(info.severity),
                category: info.category,
                applicability: info.applicability,
                message: info.summary.to_string(),
                explain: Some(info.explain.to_string()),
                summary: info.summary.to_string(),
                bad: info
                    .bad
                    .iter()
                    .map(|(text, fixed)| BadExample {
                        text: text.to_string(),
                        fixed: fixed.map(str::to_string),
                    })
                    .collect(),
                good: info.good.iter().map(|g| g.to_string()).collect(),
                origin: Origin {
                    path: format!("src/detect/{}.rs", info.name.replace('-', "_")).into(),
                    line: 1,
                    column: 1,
                },
            };
            let allow = settings.allow.iter().map(|a| a.to_lowercase()).collect();
            Some(CompiledRule {
                meta,
                body: RuleBody::Detector(DetectorRule {
                    detector: Arc::from(build(&settings)),
                    allow,
                }),
            })
        })
        .collect()
}

/// A detector ready to run as a rule.
#[derive(Clone)]
pub struct DetectorRule {
    /// The detector.
    pub detector: Arc<dyn Detector>,
    /// Lowercased texts it never reports.
    pub allow: Vec<String>,
}

impl std::fmt::Debug for DetectorRule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DetectorRule")
            .field("detector", &self.detector.info().name)
            .field("allow", &self.allow)
            .finish()
    }
}

/// Runs `detectors` (each with its rule metadata) over `doc`.
pub fn run(
    doc: &Document,
    gazetteer: &Gazetteer,
    detectors: &[(usize, DetectorRule)],
    metas: &[RuleMeta],
    out: &mut Vec<Diagnostic>,
) {
    if detectors.is_empty() {
        return;
    }
    let cx = Context::new(doc, gazetteer);
    let text = doc.text();
    let mut found = Vec::new();
    for (idx, rule) in detectors {
        found.clear();
        rule.detector.check(&cx, &mut found);
        for f in found.drain(..) {
            let flagged = text.get(f.span.start..f.span.end).unwrap_or("");
            if rule.allow.iter().any(|a| a == &flagged.to_lowercase()) {
                continue;
            }
            let mut d = metas[*idx].diagnostic(text, f.span, f.suggestions);
            d.message = f.message;
            out.push(d);
        }
    }
}

impl Default for DetectorsConfig {
    fn default() -> Self {
        DetectorsConfig {
            enabled: true,
            settings: BTreeMap::new(),
        }
    }
}
