//! Rule packs: loading TOML, compiling rules into matchers, and running their examples.
//!
//! A pack is data (see `docs/rule-format.md`). Loading parses it into the raw
//! serde structs of [`raw`], validates it, and compiles every rule into a
//! [`CompiledRule`]. A [`RuleSet`] then groups all rules by matcher family:
//! every literal of every pack goes into one Aho-Corasick automaton, every
//! regex into one `RegexSet`, every furniture line into one hash map, so a
//! document is scanned once per family however many rules there are.

pub mod context;
pub mod embedded;
pub mod examples;
pub mod lines;
pub mod literal;
mod load;
pub mod overrides;
pub mod pattern;
pub mod raw;

use std::fmt;
use std::path::PathBuf;
use std::sync::Arc;

use crate::detect::gazetteer::Gazetteer;
use crate::diagnostic::{Applicability, Category, Diagnostic, Fix, Severity};
use crate::document::Document;
use crate::span::Span;

pub use load::{closest as closest_name, load_pack_file, load_pack_str, load_path, PackError};

/// The kinds of rule a pack can contain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RuleKind {
    /// Literal words or phrases.
    Term,
    /// A regular expression.
    Pattern,
    /// A gazetteer entry: canonical spelling and variants.
    Names,
    /// A wrong-country title before a known office holder.
    Title,
    /// One spelling per article.
    Consistency,
    /// A whole line of website furniture.
    Line,
    /// A built-in detector (`detect/…`).
    Detector,
}

impl RuleKind {
    /// The name used in TOML.
    pub fn as_str(self) -> &'static str {
        match self {
            RuleKind::Term => "term",
            RuleKind::Pattern => "pattern",
            RuleKind::Names => "names",
            RuleKind::Title => "title",
            RuleKind::Consistency => "consistency",
            RuleKind::Line => "line",
            RuleKind::Detector => "detector",
        }
    }
}

impl fmt::Display for RuleKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where a rule was defined.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    /// The pack file (`rules/names.toml` for built-in packs).
    pub path: PathBuf,
    /// 1-based line of the rule's `id`.
    pub line: usize,
    /// 1-based column of the rule's `id`.
    pub column: usize,
}

/// A bad example of a rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadExample {
    /// Text the rule must flag.
    pub text: String,
    /// Expected text after applying the first suggestion of each finding.
    pub fixed: Option<String>,
}

/// Everything about a rule except how it matches.
#[derive(Debug, Clone)]
pub struct RuleMeta {
    /// Full id, `pack/rule`.
    pub id: Arc<str>,
    /// The pack's id.
    pub pack: String,
    /// The rule's kind.
    pub kind: RuleKind,
    /// Severity of its findings.
    pub severity: Severity,
    /// MQM category.
    pub category: Category,
    /// Whether its fixes are safe to apply unasked.
    pub applicability: Applicability,
    /// Message template; `{match}` and `{suggestion}` are filled in.
    pub message: String,
    /// Longer rationale.
    pub explain: Option<String>,
    /// What it looks for, in words (for `rules explain`).
    pub summary: String,
    /// Texts it must flag.
    pub bad: Vec<BadExample>,
    /// Texts it must leave alone.
    pub good: Vec<String>,
    /// Where it was defined.
    pub origin: Origin,
}

impl RuleMeta {
    /// Builds a diagnostic for `span` of `text` with `suggestions` (best first;
    /// duplicates and no-op suggestions are dropped).
    pub fn diagnostic(
        &self,
        text: &str,
        span: Span,
        suggestions: impl IntoIterator<Item = String>,
    ) -> Diagnostic {
        let found = text.get(span.start..span.end).unwrap_or("");
        let mut fixes: Vec<Fix> = Vec::new();
        for s in suggestions {
            if s != found && !fixes.iter().any(|f| f.replacement_for(span) == Some(&s)) {
                fixes.push(Fix::replace(span, s, self.applicability));
            }
        }
        let first = fixes
            .first()
            .and_then(|f| f.replacement_for(span))
            .unwrap_or("");
        let message = self
            .message
            .replace("{match}", found.trim_end())
            .replace("{suggestion}", first);
        Diagnostic {
            rule: self.id.clone(),
            severity: self.severity,
            category: self.category,
            span,
            message,
            fixes,
        }
    }
}

/// How a compiled rule matches.
#[derive(Debug, Clone)]
pub enum RuleBody {
    /// Term, names, title and consistency rules.
    Literal(literal::LiteralRule),
    /// Regex rules.
    Pattern(pattern::PatternRule),
    /// Furniture lines.
    Line(lines::LineRule),
    /// A built-in detector.
    Detector(crate::detect::DetectorRule),
}

/// A rule ready to run.
#[derive(Debug, Clone)]
pub struct CompiledRule {
    /// Its metadata.
    pub meta: RuleMeta,
    /// How it matches.
    pub body: RuleBody,
}

/// A loaded pack.
#[derive(Debug, Clone)]
pub struct Pack {
    /// Pack id.
    pub id: String,
    /// What it covers.
    pub description: String,
    /// Where it came from.
    pub path: PathBuf,
    /// Loaded by default (`false`: only when a configuration asks for it).
    pub default: bool,
    /// Its rules, in file order.
    pub rules: Vec<CompiledRule>,
}

/// All rules of all loaded packs, compiled into one matcher per family.
pub struct RuleSet {
    rules: Vec<RuleMeta>,
    literal: literal::LiteralMatcher,
    patterns: pattern::PatternMatcher,
    lines: lines::LineMatcher,
    detectors: Vec<(usize, crate::detect::DetectorRule)>,
    gazetteer: Arc<Gazetteer>,
}

impl RuleSet {
    /// Compiles `rules` into matchers; detectors among them see `gazetteer`.
    /// Ids must already be unique (see [`load_path`]).
    pub fn new(rules: Vec<CompiledRule>, gazetteer: Arc<Gazetteer>) -> Result<RuleSet, PackError> {
        let mut metas = Vec::with_capacity(rules.len());
        let mut lit = Vec::new();
        let mut pat = Vec::new();
        let mut lin = Vec::new();
        let mut detectors = Vec::new();
        for (idx, rule) in rules.into_iter().enumerate() {
            match rule.body {
                RuleBody::Literal(l) => lit.push((idx, l)),
                RuleBody::Pattern(p) => pat.push((idx, p)),
                RuleBody::Line(l) => lin.push((idx, l)),
                RuleBody::Detector(d) => detectors.push((idx, d)),
            }
            metas.push(rule.meta);
        }
        Ok(RuleSet {
            rules: metas,
            literal: literal::LiteralMatcher::new(lit)?,
            patterns: pattern::PatternMatcher::new(pat)?,
            lines: lines::LineMatcher::new(lin)?,
            detectors,
            gazetteer,
        })
    }

    /// The rules, in load order.
    pub fn rules(&self) -> &[RuleMeta] {
        &self.rules
    }

    /// Runs every rule over the document's checkable regions.
    pub fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        self.literal.check(doc, &self.rules, out);
        self.patterns.check(doc, &self.rules, out);
        self.lines.check(doc, &self.rules, out);
        crate::detect::run(doc, &self.gazetteer, &self.detectors, &self.rules, out);
    }
}
