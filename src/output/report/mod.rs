//! Correction reports for editors (`mtlint report`): an HTML page or a
//! Markdown document per run.
//!
//! Both renderers work from the same view of the run, built here from the
//! [`FileReport`]s: per article the score, the counts by severity, every
//! finding with its line and column, an excerpt and the suggested fix, the
//! findings grouped by MQM category and rule, and the text with the safe
//! fixes applied ([`crate::fix::fix_text`]) together with a word diff
//! against the original. With several articles a summary comes first; its
//! overall score is the word-weighted mean of the articles' scores.
//!
//! The output is deterministic: the same input gives the same bytes (no
//! timestamps, no random ids).

pub mod html;
pub mod markdown;

use std::collections::BTreeMap;
use std::time::Duration;

use similar::{ChangeTag, TextDiff};

use super::FileReport;
use crate::diagnostic::{Applicability, Category, Diagnostic, Severity};
use crate::fix::{fix_text, FixMode};
use crate::score::Score;
use crate::span::{floor_char_boundary, LineIndex, Position};

/// Characters of context shown on each side of a flagged passage.
const EXCERPT_CONTEXT: usize = 40;

/// Counts of findings by severity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Error findings.
    pub errors: usize,
    /// Warning findings.
    pub warnings: usize,
    /// Info findings.
    pub infos: usize,
}

impl Counts {
    /// Counts `diagnostics` by severity.
    pub fn of<'a>(diagnostics: impl IntoIterator<Item = &'a Diagnostic>) -> Counts {
        let mut c = Counts::default();
        for d in diagnostics {
            c.add(d.severity);
        }
        c
    }

    fn add(&mut self, severity: Severity) {
        match severity {
            Severity::Error => self.errors += 1,
            Severity::Warning => self.warnings += 1,
            Severity::Info => self.infos += 1,
        }
    }

    /// All findings.
    pub fn total(&self) -> usize {
        self.errors + self.warnings + self.infos
    }

    /// The count of one severity.
    pub fn get(&self, severity: Severity) -> usize {
        match severity {
            Severity::Error => self.errors,
            Severity::Warning => self.warnings,
            Severity::Info => self.infos,
        }
    }
}

/// Severities from the most to the least serious.
pub const SEVERITIES: [Severity; 3] = [Severity::Error, Severity::Warning, Severity::Info];

/// A flagged passage with some text around it, cut at line breaks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Excerpt<'a> {
    /// Text before the passage, on the same line.
    pub before: &'a str,
    /// The flagged passage itself.
    pub flagged: &'a str,
    /// Text after the passage, on the same line.
    pub after: &'a str,
    /// Whether `before` was shortened.
    pub cut_before: bool,
    /// Whether `after` was shortened.
    pub cut_after: bool,
}

/// What the first fix of a finding does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Suggestion<'a> {
    /// Replace the flagged passage with this text.
    Replace(&'a str),
    /// Delete the flagged passage.
    Delete,
    /// Several edits or edits elsewhere: (original text, replacement) each.
    Edits(Vec<(&'a str, &'a str)>),
}

/// One finding, ready to show.
#[derive(Debug, Clone)]
pub struct Finding<'a> {
    /// Id unique in the report (`a1-d3`: article 1, diagnostic 3); the HTML
    /// highlight carries it as its `id`.
    pub id: String,
    /// The diagnostic.
    pub diagnostic: &'a Diagnostic,
    /// Where it starts (1-based line, character column).
    pub start: Position,
    /// The passage and its context.
    pub excerpt: Excerpt<'a>,
    /// The first fix, if any.
    pub suggestion: Option<Suggestion<'a>>,
    /// Other replacements offered for the same passage.
    pub alternatives: Vec<&'a str>,
    /// Whether the first fix may be applied unasked.
    pub applicability: Option<Applicability>,
}

/// The findings of one rule within a category.
#[derive(Debug, Clone)]
pub struct RuleGroup {
    /// The rule id.
    pub rule: String,
    /// Indices into [`Article::findings`], in text order.
    pub findings: Vec<usize>,
}

/// The findings of one MQM category.
#[derive(Debug, Clone)]
pub struct CategoryGroup {
    /// The category.
    pub category: Category,
    /// Counts by severity.
    pub counts: Counts,
    /// The rules that fired, by id.
    pub rules: Vec<RuleGroup>,
}

/// A piece of the corrected text: unchanged, or a change from the original.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// Text present in both.
    Same(String),
    /// Text removed (`deleted`) and put in its place (`inserted`); `line` is
    /// the 1-based line of the original where the change starts.
    Changed {
        /// Removed from the original.
        deleted: String,
        /// Added in the corrected text.
        inserted: String,
        /// Line of the original.
        line: usize,
    },
}

/// The safe-fixed text and how it differs from the original.
#[derive(Debug, Clone)]
pub struct Correction {
    /// The text with the safe fixes applied (`fix_text` in [`FixMode::Safe`]).
    pub text: String,
    /// How many edits were applied.
    pub applied: usize,
    /// The corrected text as a diff against the original.
    pub pieces: Vec<Piece>,
}

/// One article of the report.
#[derive(Debug, Clone)]
pub struct Article<'a> {
    /// 1-based position in the report.
    pub number: usize,
    /// Anchor of the article's section (`article-1`).
    pub anchor: String,
    /// The checked file.
    pub report: &'a FileReport,
    /// Its score (as in the report, with no negative zeros).
    pub score: Score,
    /// Counts by severity.
    pub counts: Counts,
    /// Every finding, in text order.
    pub findings: Vec<Finding<'a>>,
    /// Findings by category (in [`Category::ALL`] order), then rule.
    pub categories: Vec<CategoryGroup>,
    /// The safe-fixed text.
    pub correction: Correction,
}

/// The figures of the whole run.
#[derive(Debug, Clone, Copy)]
pub struct Overview {
    /// Articles in the report (including unreadable ones).
    pub articles: usize,
    /// Articles that could not be read.
    pub failed: usize,
    /// Words of all articles.
    pub words: usize,
    /// Findings by severity.
    pub counts: Counts,
    /// Mean of the articles' scores, weighted by their words.
    pub score: f64,
    /// Penalty points of the run per 1,000 words.
    pub penalty_per_kword: f64,
}

/// The report's content, shared by the HTML and Markdown renderers.
#[derive(Debug, Clone)]
pub struct View<'a> {
    /// The articles, in input order.
    pub articles: Vec<Article<'a>>,
    /// The run as a whole.
    pub overview: Overview,
}

impl<'a> View<'a> {
    /// Builds the view of `reports`.
    pub fn new(reports: &'a [FileReport]) -> View<'a> {
        let articles: Vec<Article<'a>> = reports
            .iter()
            .enumerate()
            .map(|(i, r)| Article::new(i + 1, r))
            .collect();
        let overview = Overview::of(&articles);
        View { articles, overview }
    }
}

impl Overview {
    fn of(articles: &[Article<'_>]) -> Overview {
        let words: usize = articles.iter().map(|a| a.score.words).sum();
        // `+ 0.0` turns the empty sum's -0.0 into 0.0
        let penalty: f64 = articles.iter().map(|a| a.score.penalty).sum::<f64>() + 0.0;
        let mut counts = Counts::default();
        for a in articles {
            counts.errors += a.counts.errors;
            counts.warnings += a.counts.warnings;
            counts.infos += a.counts.infos;
        }
        let (score, penalty_per_kword) = if words == 0 {
            (if penalty > 0.0 { 0.0 } else { 100.0 }, 0.0)
        } else {
            let weighted: f64 = articles
                .iter()
                .map(|a| a.score.score * a.score.words as f64)
                .sum();
            (weighted / words as f64, penalty * 1000.0 / words as f64)
        };
        Overview {
            articles: articles.len(),
            failed: articles.iter().filter(|a| a.report.error.is_some()).count(),
            words,
            counts,
            score: round2(score),
            penalty_per_kword: round2(penalty_per_kword),
        }
    }
}

impl<'a> Article<'a> {
    fn new(number: usize, report: &'a FileReport) -> Article<'a> {
        let index = LineIndex::new(&report.text);
        let findings: Vec<Finding<'a>> = report
            .diagnostics
            .iter()
            .enumerate()
            .map(|(i, d)| Finding::new(format!("a{number}-d{}", i + 1), d, report, &index))
            .collect();
        let categories = group(&findings);
        let (text, applied) = fix_text(&report.text, &report.diagnostics, FixMode::Safe);
        let pieces = replay(&report.text, &report.diagnostics, &index)
            .filter(|pieces| corrected_text(pieces) == text)
            .unwrap_or_else(|| diff(&report.text, &text, &index));
        Article {
            number,
            anchor: format!("article-{number}"),
            report,
            score: Score {
                penalty: report.score.penalty + 0.0,
                penalty_per_kword: report.score.penalty_per_kword + 0.0,
                score: report.score.score + 0.0,
                ..report.score
            },
            counts: Counts::of(&report.diagnostics),
            findings,
            categories,
            correction: Correction {
                text,
                applied,
                pieces,
            },
        }
    }

    /// Findings whose first fix needs review (not applied to the corrected text).
    pub fn needs_review(&self) -> usize {
        self.findings
            .iter()
            .filter(|f| f.applicability == Some(Applicability::NeedsReview))
            .count()
    }
}

impl<'a> Finding<'a> {
    fn new(id: String, d: &'a Diagnostic, r: &'a FileReport, index: &LineIndex) -> Finding<'a> {
        let text = r.text.as_str();
        let first = d.fixes.first();
        let suggestion = first.map(|f| match f.replacement_for(d.span) {
            Some("") => Suggestion::Delete,
            Some(s) => Suggestion::Replace(s),
            None => Suggestion::Edits(
                f.edits
                    .iter()
                    .map(|e| {
                        (
                            text.get(e.span.start..e.span.end).unwrap_or(""),
                            e.replacement.as_str(),
                        )
                    })
                    .collect(),
            ),
        });
        let alternatives = d
            .fixes
            .iter()
            .skip(1)
            .filter_map(|f| f.replacement_for(d.span))
            .collect();
        Finding {
            id,
            diagnostic: d,
            start: index.position(text, d.span.start),
            excerpt: excerpt(text, d.span.start, d.span.end),
            suggestion,
            alternatives,
            applicability: first.map(|f| f.applicability),
        }
    }
}

/// The byte range `start..end` of `text`, clamped to the text and to char
/// boundaries.
pub fn clamp(text: &str, start: usize, end: usize) -> (usize, usize) {
    let start = floor_char_boundary(text, start);
    let end = floor_char_boundary(text, end).max(start);
    (start, end)
}

fn excerpt(text: &str, start: usize, end: usize) -> Excerpt<'_> {
    let (start, end) = clamp(text, start, end);
    // a passage that takes a whole line with its break: show the line alone
    let inner = &text[start..end];
    let lead = inner.len() - inner.trim_start_matches(['\r', '\n']).len();
    let start = if lead < inner.len() {
        start + lead
    } else {
        start
    };
    let end = start + text[start..end].trim_end_matches(['\r', '\n']).len();
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[end..]
        .find(['\n', '\r'])
        .map_or(text.len(), |i| end + i);
    let before_full = &text[line_start..start];
    let after_full = &text[end..line_end];
    let before_cut = before_full
        .char_indices()
        .rev()
        .nth(EXCERPT_CONTEXT - 1)
        .map(|(i, _)| i);
    let after_cut = after_full
        .char_indices()
        .nth(EXCERPT_CONTEXT)
        .map(|(i, _)| i);
    // cut at a space, so that no word is shown in part
    let before = before_cut.map_or(before_full, |i| {
        let rest = &before_full[i..];
        rest.find(' ').map_or(rest, |k| &rest[k + 1..])
    });
    let after = after_cut.map_or(after_full, |i| {
        let head = &after_full[..i];
        head.rfind(' ').map_or(head, |k| &head[..k])
    });
    Excerpt {
        before,
        flagged: &text[start..end],
        after,
        cut_before: before_cut.is_some_and(|i| i > 0),
        cut_after: after_cut.is_some(),
    }
}

fn group(findings: &[Finding<'_>]) -> Vec<CategoryGroup> {
    let mut by_category: BTreeMap<Category, BTreeMap<&str, Vec<usize>>> = BTreeMap::new();
    for (i, f) in findings.iter().enumerate() {
        by_category
            .entry(f.diagnostic.category)
            .or_default()
            .entry(&f.diagnostic.rule)
            .or_default()
            .push(i);
    }
    by_category
        .into_iter()
        .map(|(category, rules)| {
            let counts = Counts::of(rules.values().flatten().map(|&i| findings[i].diagnostic));
            CategoryGroup {
                category,
                counts,
                rules: rules
                    .into_iter()
                    .map(|(rule, findings)| RuleGroup {
                        rule: rule.to_string(),
                        findings,
                    })
                    .collect(),
            }
        })
        .collect()
}

/// The safe edits as pieces, when they can be shown as they are: the edits
/// of the fixes [`crate::fix::plan`] chooses, in position order. The caller checks the result against
/// [`fix_text`] and falls back to [`diff`] when they differ.
fn replay(text: &str, diagnostics: &[Diagnostic], index: &LineIndex) -> Option<Vec<Piece>> {
    let plan = crate::fix::plan(text, diagnostics, FixMode::Safe);
    let mut edits: Vec<&crate::diagnostic::Edit> =
        plan.chosen.iter().flat_map(|p| p.edits()).collect();
    edits.sort_by_key(|e| (e.span.start, e.span.end));
    let mut pieces = Vec::new();
    let mut pos = 0;
    for e in edits {
        if e.span.start < pos {
            continue;
        }
        let same = text.get(pos..e.span.start)?;
        let deleted = text.get(e.span.start..e.span.end)?;
        if !same.is_empty() {
            pieces.push(Piece::Same(same.to_string()));
        }
        if !deleted.is_empty() || !e.replacement.is_empty() {
            pieces.push(Piece::Changed {
                deleted: deleted.to_string(),
                inserted: e.replacement.clone(),
                line: index.position(text, e.span.start).line,
            });
        }
        pos = e.span.end;
    }
    let rest = text.get(pos..)?;
    if !rest.is_empty() || pieces.is_empty() {
        pieces.push(Piece::Same(rest.to_string()));
    }
    // a deleted last line takes the line break before it with it when the
    // file has no final line break (as `fix` writes it)
    if !text.ends_with('\n') {
        if let [.., Piece::Same(same), Piece::Changed {
            deleted, inserted, ..
        }] = pieces.as_mut_slice()
        {
            if inserted.is_empty() {
                let cut = if same.ends_with("\r\n") { 2 } else { 1 };
                if same.ends_with('\n') {
                    let at = same.len() - cut;
                    deleted.insert_str(0, &same[at..]);
                    same.truncate(at);
                }
            }
        }
    }
    Some(pieces)
}

/// The corrected text that `pieces` describe.
pub fn corrected_text(pieces: &[Piece]) -> String {
    pieces
        .iter()
        .map(|p| match p {
            Piece::Same(s) => s.as_str(),
            Piece::Changed { inserted, .. } => inserted.as_str(),
        })
        .collect()
}

/// The original text that `pieces` describe.
pub fn original_text(pieces: &[Piece]) -> String {
    pieces
        .iter()
        .map(|p| match p {
            Piece::Same(s) => s.as_str(),
            Piece::Changed { deleted, .. } => deleted.as_str(),
        })
        .collect()
}

/// A word diff of `original` against `fixed`, with runs of removed and added
/// words merged into one change each.
fn diff(original: &str, fixed: &str, index: &LineIndex) -> Vec<Piece> {
    if original == fixed {
        return vec![Piece::Same(original.to_string())];
    }
    let diff = TextDiff::configure()
        .timeout(Duration::from_secs(2))
        .diff_words(original, fixed);
    let mut pieces = Vec::new();
    let mut offset = 0; // in the original
    let mut pending: Option<(String, String, usize)> = None;
    for change in diff.iter_all_changes() {
        let value = change.value();
        match change.tag() {
            ChangeTag::Equal => {
                if let Some((deleted, inserted, line)) = pending.take() {
                    pieces.push(Piece::Changed {
                        deleted,
                        inserted,
                        line,
                    });
                }
                match pieces.last_mut() {
                    Some(Piece::Same(s)) => s.push_str(value),
                    _ => pieces.push(Piece::Same(value.to_string())),
                }
                offset += value.len();
            }
            ChangeTag::Delete | ChangeTag::Insert => {
                let (deleted, inserted, _) = pending.get_or_insert_with(|| {
                    (
                        String::new(),
                        String::new(),
                        index.position(original, offset).line,
                    )
                });
                if change.tag() == ChangeTag::Delete {
                    deleted.push_str(value);
                    offset += value.len();
                } else {
                    inserted.push_str(value);
                }
            }
        }
    }
    if let Some((deleted, inserted, line)) = pending {
        pieces.push(Piece::Changed {
            deleted,
            inserted,
            line,
        });
    }
    pieces
}

/// Rounds to two decimals.
fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// The last component of a path as shown (`a/b/c.txt` → `c.txt`).
pub fn file_name(path: &str) -> &str {
    path.rsplit(['/', '\\'])
        .find(|s| !s.is_empty())
        .unwrap_or(path)
}

/// `1234567` as `1,234,567`.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `n` with the singular or plural noun (`1 error`, `2 errors`, `1 info`).
pub fn count_label(n: usize, severity: Severity) -> String {
    let noun = match (severity, n) {
        (Severity::Error, 1) => "error",
        (Severity::Error, _) => "errors",
        (Severity::Warning, 1) => "warning",
        (Severity::Warning, _) => "warnings",
        (Severity::Info, _) => "info",
    };
    format!("{} {noun}", thousands(n))
}

/// A category's name for people: `accuracy/mistranslation` → `Accuracy › Mistranslation`.
pub fn category_title(category: Category) -> String {
    category
        .as_str()
        .split('/')
        .map(|part| {
            let words = part.replace('-', " ");
            let mut chars = words.chars();
            match chars.next() {
                Some(c) => c.to_uppercase().chain(chars).collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<String>>()
        .join(" › ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Fix;
    use crate::score::Weights;
    use crate::span::Span;

    fn report(text: &str, diags: Vec<Diagnostic>, words: usize) -> FileReport {
        FileReport {
            path: "a.txt".into(),
            text: text.into(),
            error: None,
            score: Score::of(&diags, words, &Weights::default()),
            diagnostics: diags,
        }
    }

    fn diag(
        rule: &str,
        start: usize,
        end: usize,
        fix: Option<(&str, Applicability)>,
    ) -> Diagnostic {
        Diagnostic {
            rule: rule.into(),
            severity: Severity::Error,
            category: Category::NameFormat,
            span: Span::new(start, end),
            message: "m".into(),
            fixes: fix
                .map(|(r, a)| Fix::replace(Span::new(start, end), r, a))
                .into_iter()
                .collect(),
        }
    }

    #[test]
    fn thousands_separators() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(1234567), "1,234,567");
    }

    #[test]
    fn category_titles_read_as_words() {
        assert_eq!(
            category_title(Category::WebsiteFurniture),
            "Other › Website furniture"
        );
    }

    #[test]
    fn excerpt_stays_on_the_line_and_is_cut_at_spaces() {
        let text = format!(
            "first\n{}Lawrow{}\nlast",
            "word ".repeat(10),
            " y".repeat(5)
        );
        let start = text.find("Lawrow").unwrap_or_default();
        let e = excerpt(&text, start, start + 6);
        assert_eq!(e.flagged, "Lawrow");
        assert_eq!(e.before, "word ".repeat(7));
        assert!(e.cut_before);
        assert_eq!(e.after, " y".repeat(5));
        assert!(!e.cut_after);
        let long = "x".repeat(60);
        let e = excerpt(&long, 55, 56);
        assert_eq!(
            e.before.len(),
            EXCERPT_CONTEXT,
            "no space: cut inside the word"
        );
        let e = excerpt("Lawrow\nCopy the link\nNext", 7, 21);
        assert_eq!((e.before, e.flagged, e.after), ("", "Copy the link", ""));
    }

    #[test]
    fn diff_marks_the_safe_fix_and_keeps_both_texts() {
        let text = "Rubio meets Lawrow in Riad.\nNext line.";
        let diags = vec![
            diag("n/lavrov", 12, 18, Some(("Lavrov", Applicability::Safe))),
            diag(
                "n/riyadh",
                22,
                26,
                Some(("Riyadh", Applicability::NeedsReview)),
            ),
        ];
        let r = report(text, diags, 7);
        let view = View::new(std::slice::from_ref(&r));
        let c = &view.articles[0].correction;
        assert_eq!(c.text, "Rubio meets Lavrov in Riad.\nNext line.");
        assert_eq!(c.applied, 1);
        assert_eq!(
            c.pieces[1],
            Piece::Changed {
                deleted: "Lawrow".into(),
                inserted: "Lavrov".into(),
                line: 1
            }
        );
        assert_eq!(original_text(&c.pieces), text);
        assert_eq!(corrected_text(&c.pieces), c.text);
        // the fallback diff says the same
        let pieces = diff(text, &c.text, &LineIndex::new(text));
        assert_eq!(original_text(&pieces), text);
        assert_eq!(corrected_text(&pieces), c.text);
        assert!(pieces.contains(&c.pieces[1]));
        assert_eq!(view.articles[0].needs_review(), 1);
    }

    #[test]
    fn overall_score_is_weighted_by_words() {
        let a = report("x", vec![diag("r/a", 0, 1, None)], 100); // 75
        let b = report("y", vec![], 300); // 100
        let reports = [a, b];
        let view = View::new(&reports);
        assert_eq!(view.articles[0].score.score, 75.0);
        assert!(view.articles[1].score.penalty_per_kword.is_sign_positive());
        assert_eq!(view.overview.score, 93.75);
        assert_eq!(view.overview.penalty_per_kword, 62.5);
        assert_eq!(view.overview.counts.errors, 1);
    }

    #[test]
    fn findings_are_grouped_by_category_then_rule() {
        let text = "aa bb aa";
        let mut d2 = diag("r/b", 3, 5, None);
        d2.category = Category::Mistranslation;
        let diags = vec![diag("r/a", 0, 2, None), d2, diag("r/a", 6, 8, None)];
        let r = report(text, diags, 3);
        let view = View::new(std::slice::from_ref(&r));
        let cats = &view.articles[0].categories;
        assert_eq!(cats[0].category, Category::Mistranslation);
        assert_eq!(cats[1].category, Category::NameFormat);
        assert_eq!(cats[1].rules[0].findings, vec![0, 2]);
        assert_eq!(cats[1].counts.errors, 2);
    }
}
