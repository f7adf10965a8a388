//! What a check reports: diagnostics, their severities, categories and fixes.

use std::fmt;
use std::str::FromStr;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::span::Span;

/// How serious a finding is. Ordered: `Info < Warning < Error`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth a look; never fails a run by default.
    Info,
    /// Probably wrong.
    Warning,
    /// Certainly an artifact.
    Error,
}

impl Severity {
    /// The lowercase name used in TOML, JSON and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Severity {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "info" => Ok(Severity::Info),
            "warning" => Ok(Severity::Warning),
            "error" => Ok(Severity::Error),
            other => Err(format!(
                "unknown severity `{other}` (expected error, warning or info)"
            )),
        }
    }
}

macro_rules! categories {
    ($($variant:ident => $name:literal,)*) => {
        /// An error category from the MQM (Multidimensional Quality Metrics) typology.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Category { $(#[doc = $name] $variant,)* }

        impl Category {
            /// Every category, in a stable order.
            pub const ALL: &'static [Category] = &[$(Category::$variant,)*];

            /// The `dimension/subtype` name used in rule packs and output.
            pub fn as_str(self) -> &'static str {
                match self { $(Category::$variant => $name,)* }
            }
        }
    };
}

categories! {
    Mistranslation => "accuracy/mistranslation",
    Untranslated => "accuracy/untranslated",
    Addition => "accuracy/addition",
    Omission => "accuracy/omission",
    Grammar => "fluency/grammar",
    Spelling => "fluency/spelling",
    Punctuation => "fluency/punctuation",
    Typography => "fluency/typography",
    Repetition => "fluency/repetition",
    FluencyInconsistency => "fluency/inconsistency",
    TermInconsistent => "terminology/inconsistent",
    WrongTerm => "terminology/wrong-term",
    Awkward => "style/awkward",
    NumberFormat => "locale/number-format",
    DateFormat => "locale/date-format",
    TimeFormat => "locale/time-format",
    CurrencyFormat => "locale/currency-format",
    NameFormat => "locale/name-format",
    QuoteMarks => "locale/quote-marks",
    WebsiteFurniture => "other/website-furniture",
    Suppression => "other/suppression",
}

impl FromStr for Category {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Category::ALL
            .iter()
            .copied()
            .find(|c| c.as_str() == s)
            .ok_or_else(|| {
                let names: Vec<&str> = Category::ALL.iter().map(|c| c.as_str()).collect();
                format!(
                    "unknown category `{s}` (expected one of: {})",
                    names.join(", ")
                )
            })
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Whether a fix may be applied without a human looking at it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Applicability {
    /// Unambiguous: a listed spelling, a duplicated word, website furniture.
    Safe,
    /// Probably right, but the context could make the original legitimate.
    NeedsReview,
}

impl Applicability {
    /// The kebab-case name used in TOML and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Applicability::Safe => "safe",
            Applicability::NeedsReview => "needs-review",
        }
    }
}

/// Replace the bytes of `span` with `replacement` (`""` deletes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    /// What to replace.
    pub span: Span,
    /// The new text.
    pub replacement: String,
}

/// One way to fix a diagnostic: a set of non-overlapping edits applied together.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    /// The edits, sorted by position.
    pub edits: Vec<Edit>,
    /// Whether it may be applied unasked.
    pub applicability: Applicability,
}

impl Fix {
    /// A fix that replaces `span` with `replacement`.
    pub fn replace(
        span: Span,
        replacement: impl Into<String>,
        applicability: Applicability,
    ) -> Self {
        Fix {
            edits: vec![Edit {
                span,
                replacement: replacement.into(),
            }],
            applicability,
        }
    }

    /// The replacement text when the fix is a single edit of exactly `span`.
    pub fn replacement_for(&self, span: Span) -> Option<&str> {
        match self.edits.as_slice() {
            [edit] if edit.span == span => Some(edit.replacement.as_str()),
            _ => None,
        }
    }
}

/// One finding: a rule, where it applies and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Full rule id, `pack/rule`.
    pub rule: Arc<str>,
    /// How serious it is.
    pub severity: Severity,
    /// MQM category.
    pub category: Category,
    /// The offending text, in byte offsets of the checked document.
    pub span: Span,
    /// What is wrong, for the editor.
    pub message: String,
    /// Possible fixes, best first; may be empty.
    pub fixes: Vec<Fix>,
}

impl Diagnostic {
    /// Replacement texts of the fixes that replace exactly the diagnostic's span.
    pub fn suggestions(&self) -> impl Iterator<Item = &str> {
        self.fixes
            .iter()
            .filter_map(move |f| f.replacement_for(self.span))
    }
}

/// Sorts diagnostics by position, then rule id (pack rules before the
/// built-in `detect/` ones), drops a rule's matches that lie inside a longer
/// match of the same rule, and drops a finding that an earlier rule already
/// made with the same span and the same first suggestion. Different rules may
/// still report overlapping spans, except that a built-in detector stays
/// quiet where a rule-pack finding already covers some of the same text: the
/// detectors exist for what no list knows.
pub fn normalize(diags: &mut Vec<Diagnostic>) {
    diags.sort_by(|a, b| {
        (&a.rule, a.span.start, std::cmp::Reverse(a.span.end)).cmp(&(
            &b.rule,
            b.span.start,
            std::cmp::Reverse(b.span.end),
        ))
    });
    let mut reach: Option<(Arc<str>, usize)> = None;
    diags.retain(|d| {
        let inside = reach
            .as_ref()
            .is_some_and(|(rule, end)| *rule == d.rule && d.span.end <= *end);
        if !inside {
            reach = Some((d.rule.clone(), d.span.end));
        }
        !inside
    });
    let detector = |d: &Diagnostic| d.rule.starts_with("detect/");
    diags.sort_by(|a, b| {
        (a.span.start, a.span.end, detector(a), &a.rule).cmp(&(
            b.span.start,
            b.span.end,
            detector(b),
            &b.rule,
        ))
    });
    // the same span and first suggestion as an earlier finding: said already
    let mut group: Vec<(Span, Option<String>)> = Vec::new();
    diags.retain(|d| {
        if group.first().is_some_and(|(span, _)| *span != d.span) {
            group.clear();
        }
        let first = d.suggestions().next().map(str::to_string);
        let said = first.is_some() && group.iter().any(|(_, s)| *s == first);
        group.push((d.span, first));
        !said
    });
    drop_detectors_under_packs(diags);
}

/// Drops detector findings that overlap a rule-pack finding.
fn drop_detectors_under_packs(diags: &mut Vec<Diagnostic>) {
    let is_detector = |d: &Diagnostic| d.rule.starts_with("detect/");
    // pack spans in position order, with the furthest end reached so far
    let mut packs: Vec<(usize, usize)> = Vec::new();
    let mut max_end = 0;
    for d in diags.iter().filter(|d| !is_detector(d)) {
        max_end = max_end.max(d.span.end);
        packs.push((d.span.start, max_end));
    }
    if packs.is_empty() {
        return;
    }
    diags.retain(|d| {
        if !is_detector(d) {
            return true;
        }
        let end = d.span.end.max(d.span.start + 1);
        let n = packs.partition_point(|(start, _)| *start < end);
        n == 0 || packs[n - 1].1 <= d.span.start
    });
}
