//! Suppression directives: comments in an article that silence rules.
//!
//! In Markdown and HTML a directive is an HTML comment; in plain text it is a
//! line of its own (which is then not checked as prose):
//!
//! ```text
//! <!-- mtlint-disable names/lavrov -->      silence until mtlint-enable (or the end)
//! <!-- mtlint-enable names/lavrov -->       end that silence
//! <!-- mtlint-disable-next-line -->         silence every rule on the next line
//! mtlint-disable-next-line names typography/*   (plain text)
//! ```
//!
//! A directive names rules as full ids (`names/lavrov`), packs (`names` or
//! `names/*`) or globs (`*/lavrov`, `detect/*`); without a rule it applies to
//! every rule. Words after `--` are a free-text reason. `mtlint-enable`
//! ends the silences that named the same rules, or all of them when it names
//! none. "The next line" is the next line of the file with any text on it.
//!
//! [`apply`] runs inside the engine, so every consumer honours directives;
//! it also reports directives that silenced nothing (on request) and rule
//! names that match no rule.

use std::collections::BTreeSet;
use std::sync::Arc;

use crate::diagnostic::{Applicability, Category, Diagnostic, Fix, Severity};
use crate::span::{LineIndex, Span};

/// Rule id of the report for a directive that silenced nothing.
pub const UNUSED_SUPPRESSION: &str = "mtlint/unused-suppression";
/// Rule id of the report for a directive that names no known rule.
pub const UNKNOWN_RULE: &str = "mtlint/unknown-rule";

/// What a directive does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DirectiveKind {
    /// `mtlint-disable`: silence from here on.
    Disable,
    /// `mtlint-enable`: end a silence.
    Enable,
    /// `mtlint-disable-next-line`: silence the next line.
    DisableNextLine,
}

impl DirectiveKind {
    /// The keyword as written.
    pub fn keyword(self) -> &'static str {
        match self {
            DirectiveKind::Disable => "mtlint-disable",
            DirectiveKind::Enable => "mtlint-enable",
            DirectiveKind::DisableNextLine => "mtlint-disable-next-line",
        }
    }

    fn from_keyword(word: &str) -> Option<DirectiveKind> {
        [
            DirectiveKind::Disable,
            DirectiveKind::Enable,
            DirectiveKind::DisableNextLine,
        ]
        .into_iter()
        .find(|k| k.keyword() == word)
    }
}

/// A rule name in a directive, as written, with its place in the source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RulePattern {
    /// The name: an id, a pack, or a glob.
    pub text: String,
    /// Where it is written.
    pub span: Span,
}

impl RulePattern {
    /// Whether the pattern selects rule `id`.
    pub fn matches(&self, id: &str) -> bool {
        pattern_matches(&self.text, id)
    }

    /// The pattern with `pack/*` written as `pack`, to compare a disable with an enable.
    fn normalized(&self) -> &str {
        self.text.strip_suffix("/*").unwrap_or(&self.text)
    }
}

/// One directive in a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Directive {
    /// What it does.
    pub kind: DirectiveKind,
    /// The whole directive (the comment, or the line's text) in the source.
    pub span: Span,
    /// The rules it names; empty: every rule.
    pub rules: Vec<RulePattern>,
}

/// Whether a line of plain text (without its line break) is a directive.
pub fn is_directive_line(line: &str) -> bool {
    parse_body(line, 0).is_some()
}

/// Parses the directive written at `span` of `source` (an HTML comment or a
/// plain-text line); `None` when it is not a directive.
pub fn parse(source: &str, span: Span) -> Option<Directive> {
    let text = source.get(span.start..span.end)?;
    let (kind, rules) = parse_body(text, span.start)?;
    Some(Directive { kind, span, rules })
}

fn parse_body(text: &str, base: usize) -> Option<(DirectiveKind, Vec<RulePattern>)> {
    let mut body = text.trim();
    let mut offset = base + (text.len() - text.trim_start().len());
    if let Some(inner) = body.strip_prefix("<!--") {
        body = inner.strip_suffix("-->").unwrap_or(inner);
        offset += 4;
    }
    let mut words = body
        .split_inclusive(|c: char| c.is_whitespace() || c == ',')
        .scan(offset, |pos, piece| {
            let start = *pos;
            *pos += piece.len();
            let word = piece.trim_end_matches(|c: char| c.is_whitespace() || c == ',');
            Some((start, word))
        })
        .filter(|(_, w)| !w.is_empty());
    let (_, keyword) = words.next()?;
    let kind = DirectiveKind::from_keyword(keyword)?;
    let rules = words
        .take_while(|(_, w)| *w != "--")
        .map(|(start, w)| RulePattern {
            text: w.to_string(),
            span: Span::new(start, start + w.len()),
        })
        .collect();
    Some((kind, rules))
}

/// Whether `pattern` (an id, a pack, or a glob with `*` and `?`) selects rule `id`.
pub fn pattern_matches(pattern: &str, id: &str) -> bool {
    if pattern.contains(['*', '?']) {
        glob(pattern.as_bytes(), id.as_bytes())
    } else if pattern.contains('/') {
        pattern == id
    } else {
        id.strip_prefix(pattern).is_some_and(|r| r.starts_with('/'))
    }
}

/// `*` matches any run of characters, `?` one byte; everything else itself.
fn glob(pattern: &[u8], text: &[u8]) -> bool {
    let (mut p, mut t) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while t < text.len() {
        match pattern.get(p) {
            Some(b'*') => {
                star = Some((p, t));
                p += 1;
            }
            Some(&c) if c == b'?' || c == text[t] => {
                p += 1;
                t += 1;
            }
            _ => match star {
                Some((sp, st)) => {
                    p = sp + 1;
                    t = st + 1;
                    star = Some((sp, st + 1));
                }
                None => return false,
            },
        }
    }
    pattern[p..].iter().all(|&c| c == b'*')
}

/// The rule ids and pack ids a directive may name.
#[derive(Debug, Clone, Default)]
pub struct KnownRules {
    ids: Vec<Arc<str>>,
    packs: BTreeSet<String>,
}

impl KnownRules {
    /// Known rules: `ids` (full `pack/rule` ids), their packs, and mtlint's own reports.
    pub fn new(ids: impl IntoIterator<Item = Arc<str>>) -> KnownRules {
        let mut ids: Vec<Arc<str>> = ids.into_iter().collect();
        ids.push(Arc::from(UNUSED_SUPPRESSION));
        ids.push(Arc::from(UNKNOWN_RULE));
        ids.sort();
        ids.dedup();
        let packs = ids
            .iter()
            .filter_map(|id| id.split_once('/').map(|(p, _)| p.to_string()))
            .collect();
        KnownRules { ids, packs }
    }

    /// Whether `pattern` selects at least one known rule.
    pub fn knows(&self, pattern: &str) -> bool {
        self.packs
            .contains(pattern.strip_suffix("/*").unwrap_or(pattern))
            || self.ids.iter().any(|id| pattern_matches(pattern, id))
    }

    /// The known id or pack closest to `pattern`, for a did-you-mean.
    pub fn closest(&self, pattern: &str) -> Option<&str> {
        let candidates: Vec<&str> = self
            .ids
            .iter()
            .map(|id| &**id)
            .chain(self.packs.iter().map(String::as_str))
            .collect();
        crate::rules::closest_name(pattern, &candidates)
    }
}

/// The result of applying a document's directives to its diagnostics.
#[derive(Debug, Clone, Default)]
pub struct Outcome {
    /// Diagnostics no directive silenced, with reports of unknown rule
    /// names, sorted by position.
    pub diagnostics: Vec<Diagnostic>,
    /// One report per directive (or rule name in it) that silenced nothing.
    pub unused: Vec<Diagnostic>,
}

/// One silence: which rules, over which source bytes, from which directive.
#[derive(Debug)]
struct Silence {
    directive: usize,
    /// Index into the directive's rules; `None`: every rule.
    rule: Option<usize>,
    range: Span,
    used: bool,
}

/// Applies `directives` (in source order) to `diagnostics` of `source`.
pub fn apply(
    source: &str,
    directives: &[Directive],
    known: &KnownRules,
    diagnostics: Vec<Diagnostic>,
) -> Outcome {
    if directives.is_empty() {
        return Outcome {
            diagnostics,
            unused: Vec::new(),
        };
    }
    let lines = LineIndex::new(source);
    let (mut silences, enables_used) = silences(source, &lines, directives);
    let mut kept = Vec::with_capacity(diagnostics.len());
    for d in diagnostics {
        let mut silenced = false;
        for s in &mut silences {
            let in_range = s.range.start <= d.span.start && d.span.start < s.range.end;
            let rule_ok = match s.rule {
                None => true,
                Some(i) => directives[s.directive].rules[i].matches(&d.rule),
            };
            if in_range && rule_ok {
                s.used = true;
                silenced = true;
            }
        }
        if !silenced {
            kept.push(d);
        }
    }
    // unknown rule names
    for dir in directives {
        for r in &dir.rules {
            if !known.knows(&r.text) {
                kept.push(unknown_rule(r, known.closest(&r.text)));
            }
        }
    }
    kept.sort_by(|a, b| {
        (a.span.start, a.span.end, &a.rule).cmp(&(b.span.start, b.span.end, &b.rule))
    });
    // unused: per directive, which of its rules (or the directive itself) did nothing
    let mut unused = Vec::new();
    for (i, dir) in directives.iter().enumerate() {
        let used_rule = |r: Option<usize>| match dir.kind {
            DirectiveKind::Enable => enables_used.contains(&(i, r)),
            _ => silences
                .iter()
                .any(|s| s.directive == i && s.rule == r && s.used),
        };
        if dir.rules.is_empty() {
            if !used_rule(None) {
                unused.push(unused_directive(source, &lines, dir));
            }
            continue;
        }
        // an unknown name is reported as such, not again as unused
        let idle: Vec<usize> = (0..dir.rules.len())
            .filter(|r| !used_rule(Some(*r)) && known.knows(&dir.rules[*r].text))
            .collect();
        if idle.len() == dir.rules.len() {
            unused.push(unused_directive(source, &lines, dir));
        } else {
            for r in idle {
                unused.push(unused_rule(source, dir, r));
            }
        }
    }
    Outcome {
        diagnostics: kept,
        unused,
    }
}

/// The silences `directives` open, and which (directive, rule) of each
/// `mtlint-enable` ended one.
fn silences(
    source: &str,
    lines: &LineIndex,
    directives: &[Directive],
) -> (Vec<Silence>, BTreeSet<(usize, Option<usize>)>) {
    let mut out: Vec<Silence> = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    let mut enables_used = BTreeSet::new();
    for (i, dir) in directives.iter().enumerate() {
        let rules: Vec<Option<usize>> = if dir.rules.is_empty() {
            vec![None]
        } else {
            (0..dir.rules.len()).map(Some).collect()
        };
        match dir.kind {
            DirectiveKind::Disable => {
                for rule in rules {
                    open.push(out.len());
                    out.push(Silence {
                        directive: i,
                        rule,
                        range: Span::new(dir.span.end, source.len()),
                        used: false,
                    });
                }
            }
            DirectiveKind::DisableNextLine => {
                let range = next_line(source, lines, dir.span.end);
                for rule in rules {
                    out.push(Silence {
                        directive: i,
                        rule,
                        range,
                        used: false,
                    });
                }
            }
            DirectiveKind::Enable => {
                for rule in rules {
                    let mut closed = false;
                    open.retain(|&s| {
                        let silence = &mut out[s];
                        let closes = match (rule, silence.rule) {
                            (None, _) => true,
                            (Some(r), Some(o)) => {
                                dir.rules[r].normalized()
                                    == directives[silence.directive].rules[o].normalized()
                            }
                            (Some(_), None) => false,
                        };
                        if closes {
                            silence.range.end = dir.span.start.max(silence.range.start);
                            closed = true;
                        }
                        !closes
                    });
                    if closed {
                        enables_used.insert((i, rule));
                    }
                }
            }
        }
    }
    (out, enables_used)
}

/// The first line after the one holding byte `end - 1` that has any text on
/// it, as a source span including its line break (empty at the end of the file).
fn next_line(source: &str, lines: &LineIndex, end: usize) -> Span {
    let mut line = lines.line_of(end.saturating_sub(1).min(source.len())) + 1;
    loop {
        let start = lines.line_start(line);
        if line > 0 && start == 0 {
            // past the last line
            return Span::new(source.len(), source.len());
        }
        let content = lines.line_span(source, line);
        let text = source.get(content.start..content.end).unwrap_or("");
        if !text.trim().is_empty() {
            let next = lines.line_start(line + 1);
            let stop = if next > start { next } else { source.len() };
            return Span::new(start, stop);
        }
        line += 1;
    }
}

/// What deleting a directive removes: its whole line when nothing else is
/// on it, else just the directive.
fn deletion(source: &str, lines: &LineIndex, span: Span) -> Span {
    let line = lines.line_of(span.start);
    let content = lines.line_span(source, line);
    let before = source.get(content.start..span.start).unwrap_or("x");
    let after = source
        .get(span.end.min(content.end)..content.end)
        .unwrap_or("x");
    if before.trim().is_empty() && after.trim().is_empty() && span.end <= content.end {
        let next = lines.line_start(line + 1);
        let end = if next > content.start {
            next
        } else {
            source.len()
        };
        Span::new(content.start, end)
    } else {
        span
    }
}

fn shown(source: &str, span: Span) -> String {
    let text = source.get(span.start..span.end).unwrap_or("").trim();
    let text = text.strip_prefix("<!--").unwrap_or(text);
    let text = text.strip_suffix("-->").unwrap_or(text);
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The report for a directive none of whose rules silenced anything; its
/// span is what deleting it removes (the whole line when it stands alone).
fn unused_directive(source: &str, lines: &LineIndex, dir: &Directive) -> Diagnostic {
    let what = match dir.kind {
        DirectiveKind::Enable => "ends no silence",
        _ => "silences nothing",
    };
    let span = deletion(source, lines, dir.span);
    Diagnostic {
        rule: Arc::from(UNUSED_SUPPRESSION),
        severity: Severity::Warning,
        category: Category::Suppression,
        span,
        message: format!(
            "unused suppression: “{}” {what}; delete it",
            shown(source, dir.span)
        ),
        fixes: vec![Fix::replace(span, "", Applicability::Safe)],
    }
}

/// The report for one rule name of a directive that silenced nothing while
/// the directive's other names did; the fix rewrites the directive without it.
fn unused_rule(source: &str, dir: &Directive, index: usize) -> Diagnostic {
    let rule = &dir.rules[index];
    let text = source.get(dir.span.start..dir.span.end).unwrap_or("");
    // the name and the separator before it, relative to the directive
    let end = rule.span.end.saturating_sub(dir.span.start).min(text.len());
    let start = rule.span.start.saturating_sub(dir.span.start).min(end);
    let head = text.get(..start).unwrap_or("");
    let cut = head
        .trim_end_matches(|c: char| c == ',' || c.is_whitespace())
        .len();
    let rewritten = format!(
        "{}{}",
        head.get(..cut).unwrap_or(""),
        text.get(end..).unwrap_or("")
    );
    let what = match dir.kind {
        DirectiveKind::Enable => "ends no silence",
        _ => "silences nothing",
    };
    Diagnostic {
        rule: Arc::from(UNUSED_SUPPRESSION),
        severity: Severity::Warning,
        category: Category::Suppression,
        span: dir.span,
        message: format!(
            "unused suppression: “{}” in “{}” {what}; remove it",
            rule.text,
            dir.kind.keyword()
        ),
        fixes: vec![Fix::replace(dir.span, rewritten, Applicability::Safe)],
    }
}

fn unknown_rule(rule: &RulePattern, closest: Option<&str>) -> Diagnostic {
    let hint = closest.map_or_else(String::new, |c| format!(" (did you mean “{c}”?)"));
    Diagnostic {
        rule: Arc::from(UNKNOWN_RULE),
        severity: Severity::Warning,
        category: Category::Suppression,
        span: rule.span,
        message: format!(
            "“{}” names no rule or pack{hint}; see `mtlint rules list`",
            rule.text
        ),
        fixes: closest
            .map(|c| Fix::replace(rule.span, c, Applicability::NeedsReview))
            .into_iter()
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn diag(rule: &str, start: usize, end: usize) -> Diagnostic {
        Diagnostic {
            rule: Arc::from(rule),
            severity: Severity::Error,
            category: Category::NameFormat,
            span: Span::new(start, end),
            message: String::new(),
            fixes: Vec::new(),
        }
    }

    fn known() -> KnownRules {
        KnownRules::new(
            [
                "names/lavrov",
                "names/zelensky",
                "typography/dash",
                "detect/repetition",
            ]
            .into_iter()
            .map(Arc::from),
        )
    }

    fn directives(source: &str) -> Vec<Directive> {
        source
            .match_indices("<!--")
            .filter_map(|(i, _)| {
                let end = source[i..].find("-->").map(|n| i + n + 3)?;
                parse(source, Span::new(i, end))
            })
            .collect()
    }

    fn at(source: &str, word: &str, nth: usize) -> usize {
        source
            .match_indices(word)
            .nth(nth)
            .map_or(usize::MAX, |(i, _)| i)
    }

    #[test]
    fn directive_syntax() {
        let d = parse(
            "<!-- mtlint-disable names/lavrov, typography/* -- quoted -->",
            Span::new(0, 60),
        );
        let d = d.expect("a directive");
        assert_eq!(d.kind, DirectiveKind::Disable);
        let names: Vec<&str> = d.rules.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(names, ["names/lavrov", "typography/*"]);
        assert_eq!(d.rules[0].span, Span::new(20, 32));
        assert!(is_directive_line("  mtlint-disable-next-line names"));
        assert!(!is_directive_line("mtlint-disabled is not a keyword"));
        assert!(!is_directive_line("Say mtlint-disable in prose"));
    }

    #[test]
    fn patterns() {
        assert!(pattern_matches("names/lavrov", "names/lavrov"));
        assert!(pattern_matches("names", "names/lavrov"));
        assert!(pattern_matches("names/*", "names/lavrov"));
        assert!(pattern_matches("*/lav?ov", "names/lavrov"));
        assert!(!pattern_matches("name", "names/lavrov"));
        assert!(!pattern_matches("names/lav", "names/lavrov"));
        assert!(known().knows("detect"));
        assert!(!known().knows("nmaes/lavrov"));
        assert_eq!(known().closest("names/lavrow"), Some("names/lavrov"));
    }

    #[test]
    fn disable_enable_and_next_line() {
        let src = "Lawrow.\n<!-- mtlint-disable names -->\nLawrow – Selenskyj.\n<!-- mtlint-enable names -->\nLawrow.\n<!-- mtlint-disable-next-line -->\n\nLawrow.\nLawrow.\n";
        let lav = |n| {
            let s = at(src, "Lawrow", n);
            diag("names/lavrov", s, s + 6)
        };
        let z = at(src, "Selenskyj", 0);
        let diags = vec![
            lav(0),
            lav(1),
            diag("names/zelensky", z, z + 9),
            lav(2),
            lav(3),
            lav(4),
        ];
        let out = apply(src, &directives(src), &known(), diags);
        let starts: Vec<usize> = out.diagnostics.iter().map(|d| d.span.start).collect();
        assert_eq!(
            starts,
            [
                at(src, "Lawrow", 0),
                at(src, "Lawrow", 2),
                at(src, "Lawrow", 4)
            ]
        );
        assert!(out.unused.is_empty(), "{:?}", out.unused);
    }

    #[test]
    fn unused_and_unknown_are_reported() {
        let src = "Text.\n<!-- mtlint-disable names/lavrov nmaes/zelensky -->\nMore.\n<!-- mtlint-enable -->\n";
        let out = apply(src, &directives(src), &known(), Vec::new());
        assert_eq!(out.diagnostics.len(), 1);
        let unknown = &out.diagnostics[0];
        assert_eq!(&*unknown.rule, UNKNOWN_RULE);
        assert!(
            unknown.message.contains("names/zelensky"),
            "{}",
            unknown.message
        );
        assert_eq!(unknown.suggestions().next(), Some("names/zelensky"));
        assert_eq!(out.unused.len(), 1, "{:?}", out.unused);
        let (fixed, _) = crate::fix::apply_edits(src, &out.unused[0].fixes[0].edits);
        // the unknown name stays for its own report to fix
        assert_eq!(
            fixed,
            "Text.\n<!-- mtlint-disable nmaes/zelensky -->\nMore.\n<!-- mtlint-enable -->\n"
        );
    }

    #[test]
    fn an_unknown_name_is_not_also_unused() {
        let src = "<!-- mtlint-disable-next-line nmaes -->\nText.\n";
        let out = apply(src, &directives(src), &known(), Vec::new());
        assert_eq!(out.diagnostics.len(), 1);
        assert!(out.unused.is_empty(), "{:?}", out.unused);
    }

    #[test]
    fn one_idle_rule_of_several() {
        let src = "<!-- mtlint-disable-next-line names, typography -->\nLawrow\n";
        let s = at(src, "Lawrow", 0);
        let out = apply(
            src,
            &directives(src),
            &known(),
            vec![diag("names/lavrov", s, s + 6)],
        );
        assert!(out.diagnostics.is_empty());
        assert_eq!(out.unused.len(), 1);
        let (fixed, _) = crate::fix::apply_edits(src, &out.unused[0].fixes[0].edits);
        assert_eq!(fixed, "<!-- mtlint-disable-next-line names -->\nLawrow\n");
    }
}
