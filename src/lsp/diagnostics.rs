//! mtlint findings as protocol diagnostics: range, severity, rule id as the
//! code, and for consistency findings the places of the other spellings.

use std::collections::HashMap;
use std::path::Path;

use lsp_types::{
    CodeDescription, DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString,
    Url,
};

use super::position::{Encoding, LineMap};
use crate::diagnostic::{Diagnostic, Severity};
use crate::engine::Engine;
use crate::rules::{RuleKind, RuleMeta};
use crate::span::Span;

/// The `source` field of every diagnostic mtlint publishes.
pub const SOURCE: &str = "mtlint";

/// At most this many related places per finding.
const MAX_RELATED: usize = 10;

/// The protocol severity of an mtlint severity.
pub fn severity(s: Severity) -> DiagnosticSeverity {
    match s {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
    }
}

/// One document's text and where it lives, for converting its findings.
#[derive(Debug, Clone, Copy)]
pub struct Target<'a> {
    /// The document.
    pub uri: &'a Url,
    /// Its text, as checked.
    pub text: &'a str,
    /// The text's lines.
    pub lines: &'a LineMap,
    /// The negotiated position encoding.
    pub encoding: Encoding,
}

impl Target<'_> {
    /// The protocol range of `span`.
    pub fn range(&self, span: Span) -> lsp_types::Range {
        self.lines.range(self.text, span, self.encoding)
    }
}

/// Converts every finding of one document, in order.
pub fn to_lsp(
    target: Target<'_>,
    diagnostics: &[Diagnostic],
    engine: &Engine,
) -> Vec<lsp_types::Diagnostic> {
    let metas: HashMap<&str, &RuleMeta> = engine.rules().iter().map(|r| (&*r.id, r)).collect();
    diagnostics
        .iter()
        .map(|d| {
            let meta = metas.get(&*d.rule).copied();
            let related = if is_consistency(d, meta) {
                related_spellings(target, d, diagnostics)
            } else {
                Vec::new()
            };
            lsp_types::Diagnostic {
                range: target.range(d.span),
                severity: Some(severity(d.severity)),
                code: Some(NumberOrString::String(d.rule.to_string())),
                code_description: meta.and_then(docs_link),
                source: Some(SOURCE.to_string()),
                message: d.message.clone(),
                related_information: (!related.is_empty()).then_some(related),
                tags: None,
                data: None,
            }
        })
        .collect()
}

/// Whether `d` says that the text spells one thing several ways.
fn is_consistency(d: &Diagnostic, meta: Option<&RuleMeta>) -> bool {
    &*d.rule == "detect/variant-spelling" || meta.is_some_and(|m| m.kind == RuleKind::Consistency)
}

/// A link to the rule's definition when it comes from a pack file on disk
/// (built-in rules have no page of their own; hover shows their explanation).
fn docs_link(meta: &RuleMeta) -> Option<CodeDescription> {
    let builtin = Path::new("rules").join(format!("{}.toml", meta.pack));
    if meta.origin.path == builtin {
        return None;
    }
    let path = std::path::absolute(&meta.origin.path).ok()?;
    if !path.is_file() {
        return None;
    }
    Some(CodeDescription {
        href: Url::from_file_path(path).ok()?,
    })
}

/// The places that spell the name the way the fix does: other findings of
/// the same rule with the same fix, and the preferred spelling itself.
pub fn related_spellings(
    target: Target<'_>,
    d: &Diagnostic,
    all: &[Diagnostic],
) -> Vec<DiagnosticRelatedInformation> {
    let Some(preferred) = d.suggestions().next() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let place = |span: Span, message: String| DiagnosticRelatedInformation {
        location: Location {
            uri: target.uri.clone(),
            range: target.range(span),
        },
        message,
    };
    for (span, found) in occurrences(target.text, preferred) {
        if out.len() == MAX_RELATED {
            return out;
        }
        out.push(place(span, format!("written “{found}” here")));
    }
    for other in all {
        if out.len() == MAX_RELATED {
            break;
        }
        if other.rule == d.rule
            && other.span != d.span
            && other.suggestions().next() == Some(preferred)
        {
            let found = target
                .text
                .get(other.span.start..other.span.end)
                .unwrap_or("");
            out.push(place(other.span, format!("also written “{found}” here")));
        }
    }
    out
}

/// Where `word` stands in `text` as a whole word (ignoring case), with the
/// text found there.
fn occurrences<'t>(text: &'t str, word: &str) -> Vec<(Span, &'t str)> {
    let Ok(re) = regex::Regex::new(&format!(r"(?i)\b{}\b", regex::escape(word))) else {
        return Vec::new();
    };
    re.find_iter(text)
        .take(MAX_RELATED)
        .map(|m| (Span::new(m.start(), m.end()), m.as_str()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::embedded;
    use crate::Document;

    fn uri() -> Url {
        Url::parse("file:///tmp/a.txt").expect("valid url")
    }

    #[test]
    fn findings_keep_rule_severity_and_utf16_range() {
        let engine = Engine::new(embedded::load_default().expect("packs")).expect("engine");
        let text = "🙂 Sergei Lawrow met Rubio.";
        let found = engine.check(&Document::plain(text));
        let lines = LineMap::new(text);
        let u = uri();
        let target = Target {
            uri: &u,
            text,
            lines: &lines,
            encoding: Encoding::Utf16,
        };
        let out = to_lsp(target, &found, &engine);
        let lavrov = out
            .iter()
            .find(|d| d.code == Some(NumberOrString::String("names/lavrov".into())))
            .expect("names/lavrov reported");
        assert_eq!(lavrov.range.start.character, 10);
        assert_eq!(lavrov.range.end.character, 16);
        assert_eq!(lavrov.severity, Some(DiagnosticSeverity::ERROR));
        assert_eq!(lavrov.source.as_deref(), Some(SOURCE));
        assert!(
            lavrov.code_description.is_none(),
            "built-in rules link nowhere"
        );
    }

    #[test]
    fn consistency_findings_point_at_the_preferred_spelling() {
        let engine = Engine::new(embedded::load_default().expect("packs")).expect("engine");
        let text = "Zelensky met the chancellor. Later, Zelenskyy spoke. Zelensky then left.";
        let found = engine.check(&Document::plain(text));
        let lines = LineMap::new(text);
        let u = uri();
        let target = Target {
            uri: &u,
            text,
            lines: &lines,
            encoding: Encoding::Utf8,
        };
        let out = to_lsp(target, &found, &engine);
        let d = out
            .iter()
            .find(|d| d.range.start.character == 36)
            .expect("Zelenskyy reported");
        let related = d.related_information.as_ref().expect("related places");
        let starts: Vec<u32> = related
            .iter()
            .map(|r| r.location.range.start.character)
            .collect();
        assert_eq!(starts, [0, 53]);
        assert_eq!(related[0].message, "written “Zelensky” here");
    }
}
