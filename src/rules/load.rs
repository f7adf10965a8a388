//! Parsing, validating and compiling rule packs, with errors that name the
//! file, line, column and rule.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use regex::{Regex, RegexBuilder};
use toml::Spanned;

use super::context::{Conditions, Phrase, DEFAULT_WINDOW};
use super::lines::{normalize_line, LineRule};
use super::literal::{LiteralEntry, LiteralRule};
use super::pattern::PatternRule;
use super::raw::{RawPackFile, RawRule, RULE_KEYS};
use super::{BadExample, CompiledRule, Origin, Pack, RuleBody, RuleKind, RuleMeta};
use crate::diagnostic::{Applicability, Category, Severity};
use crate::span::LineIndex;
use crate::text::{gerund, map_first_word, map_last_word, past, plural, CaseMode};

/// Why a pack could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum PackError {
    /// A problem at a place in a pack file.
    #[error("{path}:{line}:{column}: {message}")]
    At {
        /// The pack file.
        path: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What is wrong, naming the rule when there is one.
        message: String,
    },
    /// The file could not be read.
    #[error("{path}: {message}")]
    Io {
        /// The file or folder.
        path: String,
        /// The OS error.
        message: String,
    },
    /// Compiling all rules together failed (e.g. the regex set grew too large).
    #[error("{0}")]
    Build(String),
}

const CONTEXT_KEYS: &[&str] = &[
    "near",
    "not_near",
    "window",
    "preceded_by",
    "followed_by",
    "not_preceded_by",
    "not_followed_by",
    "except",
];

fn allowed_keys(kind: RuleKind) -> Vec<&'static str> {
    let own: &[&str] = match kind {
        RuleKind::Term => &["find", "replace", "case", "inflect"],
        RuleKind::Pattern => &["regex", "replace", "report", "same", "case"],
        RuleKind::Names => &["canonical", "variants", "as_word", "given", "case"],
        RuleKind::Title => &["find", "replace", "holders", "countries", "case"],
        RuleKind::Consistency => &["forms", "case"],
        RuleKind::Line => &["lines", "regex"],
        RuleKind::Detector => &[],
    };
    let mut keys = own.to_vec();
    if !matches!(kind, RuleKind::Consistency | RuleKind::Line) {
        keys.extend_from_slice(CONTEXT_KEYS);
    }
    keys
}

/// Turns serde's "unknown field" message into one with a suggestion.
fn explain_toml_error(message: &str) -> String {
    let first = message.lines().next().unwrap_or(message).trim();
    if let Some(rest) = first.strip_prefix("unknown field `") {
        if let Some((field, _)) = rest.split_once('`') {
            let mut msg = format!("unknown key `{field}`");
            if let Some(best) = closest(field, RULE_KEYS) {
                msg.push_str(&format!(" (did you mean `{best}`?)"));
            }
            return msg;
        }
    }
    first.to_string()
}

/// The closest of `candidates` to `word`, if it is close enough to be a typo.
#[doc(hidden)]
pub fn closest<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    candidates
        .iter()
        .map(|c| (strsim::jaro_winkler(word, c), *c))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// The id of the `[[rule]]` table that contains byte `offset`, read from the source text.
fn rule_id_near(source: &str, offset: usize) -> Option<String> {
    // the error may point at the `[[rule]]` header itself
    let end = crate::span::floor_char_boundary(source, offset + "[[rule]]".len());
    let head = source.get(..end)?;
    let table = head.rfind("[[rule]]")?;
    let rest = &source[table + "[[rule]]".len()..];
    let end = rest.find("[[rule]]").unwrap_or(rest.len());
    rest[..end].lines().find_map(|l| {
        let l = l.trim();
        let value = l.strip_prefix("id")?.trim_start().strip_prefix('=')?.trim();
        Some(value.trim_matches(|c| c == '"' || c == '\'').to_string())
    })
}

struct Ctx<'a> {
    path: &'a str,
    source: &'a str,
    index: LineIndex,
}

impl Ctx<'_> {
    fn err(&self, offset: usize, rule: Option<&str>, message: impl Into<String>) -> PackError {
        let pos = self.index.position(self.source, offset);
        let message = message.into();
        PackError::At {
            path: self.path.to_string(),
            line: pos.line,
            column: pos.column,
            message: match rule {
                Some(id) => format!("rule `{id}`: {message}"),
                None => message,
            },
        }
    }
}

fn valid_id(id: &str, allow_dot: bool) -> bool {
    let mut chars = id.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        && chars.all(|c| {
            c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || (allow_dot && c == '.')
        })
}

/// Parses and compiles one pack from its TOML source; `path` is used in errors.
pub fn load_pack_str(source: &str, path: &Path) -> Result<Pack, PackError> {
    let shown = path.display().to_string();
    let ctx = Ctx {
        path: &shown,
        source,
        index: LineIndex::new(source),
    };
    let raw: RawPackFile = toml::from_str(source).map_err(|e| {
        let offset = e.span().map_or(0, |s| s.start);
        let rule = rule_id_near(source, offset);
        ctx.err(offset, rule.as_deref(), explain_toml_error(e.message()))
    })?;
    let header = raw.pack.into_inner();
    let pack_id = header.id.get_ref().clone();
    if !valid_id(&pack_id, false) {
        return Err(ctx.err(
            header.id.span().start,
            None,
            format!("pack id `{pack_id}` must use lowercase letters, digits and '-'"),
        ));
    }
    let mut seen = BTreeSet::new();
    let mut rules = Vec::with_capacity(raw.rule.len());
    for rule in raw.rule {
        let rule = rule.into_inner();
        let id = rule.id.get_ref().clone();
        if !seen.insert(id.clone()) {
            return Err(ctx.err(
                rule.id.span().start,
                Some(&id),
                "duplicate rule id in this pack",
            ));
        }
        rules.push(compile_rule(&ctx, &pack_id, rule)?);
    }
    Ok(Pack {
        id: pack_id,
        description: header.description.unwrap_or_default(),
        path: path.to_path_buf(),
        default: header.default.unwrap_or(true),
        rules,
    })
}

/// Reads and compiles one pack file.
pub fn load_pack_file(path: &Path) -> Result<Pack, PackError> {
    let source = std::fs::read_to_string(path).map_err(|e| PackError::Io {
        path: path.display().to_string(),
        message: e.to_string(),
    })?;
    load_pack_str(&source, path)
}

/// Loads a pack file, or every `*.toml` pack in a folder (sorted by name).
pub fn load_path(path: &Path) -> Result<Vec<Pack>, PackError> {
    let io = |e: std::io::Error| PackError::Io {
        path: path.display().to_string(),
        message: e.to_string(),
    };
    if path.is_dir() {
        let mut files: Vec<PathBuf> = std::fs::read_dir(path)
            .map_err(io)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "toml") && p.is_file())
            .collect();
        files.sort();
        files.iter().map(|f| load_pack_file(f)).collect()
    } else {
        Ok(vec![load_pack_file(path)?])
    }
}

fn phrases(
    ctx: &Ctx,
    at: usize,
    id: &str,
    key: &str,
    list: Option<Vec<String>>,
) -> Result<Vec<Phrase>, PackError> {
    list.unwrap_or_default()
        .iter()
        .map(|s| {
            Phrase::parse(s)
                .ok_or_else(|| ctx.err(at, Some(id), format!("`{key}` entry {s:?} has no words")))
        })
        .collect()
}

fn parse_case(
    ctx: &Ctx,
    id: &str,
    case: Option<Spanned<String>>,
    default: CaseMode,
) -> Result<CaseMode, PackError> {
    let Some(case) = case else { return Ok(default) };
    match case.get_ref().as_str() {
        "smart" => Ok(CaseMode::Smart),
        "exact" => Ok(CaseMode::Exact),
        "any" => Ok(CaseMode::Any),
        other => Err(ctx.err(
            case.span().start,
            Some(id),
            format!("unknown case `{other}` (expected smart, exact or any)"),
        )),
    }
}

fn compile_rule(ctx: &Ctx, pack: &str, mut raw: RawRule) -> Result<CompiledRule, PackError> {
    let id = raw.id.get_ref().clone();
    let at = raw.id.span().start;
    let err = |offset: usize, msg: String| ctx.err(offset, Some(&id), msg);
    if !valid_id(&id, true) {
        return Err(err(
            at,
            "rule id must use lowercase letters, digits, '-' and '.'".into(),
        ));
    }
    let kind = match raw.kind.get_ref().as_str() {
        "term" => RuleKind::Term,
        "pattern" => RuleKind::Pattern,
        "names" => RuleKind::Names,
        "title" => RuleKind::Title,
        "consistency" => RuleKind::Consistency,
        "line" => RuleKind::Line,
        other => {
            return Err(err(
                raw.kind.span().start,
                format!("unknown kind `{other}` (expected term, pattern, names, title, consistency or line)"),
            ))
        }
    };
    let allowed = allowed_keys(kind);
    if let Some(key) = raw.keys_set().into_iter().find(|k| !allowed.contains(k)) {
        return Err(err(
            at,
            format!("key `{key}` does not apply to kind `{kind}`"),
        ));
    }
    let severity = match &raw.severity {
        Some(s) => s.get_ref().parse().map_err(|m| err(s.span().start, m))?,
        None => match kind {
            RuleKind::Names | RuleKind::Title | RuleKind::Line => Severity::Error,
            _ => Severity::Warning,
        },
    };
    let category = match &raw.category {
        Some(c) => c.get_ref().parse().map_err(|m| err(c.span().start, m))?,
        None => match kind {
            RuleKind::Term => Category::Mistranslation,
            RuleKind::Pattern => Category::Typography,
            RuleKind::Names => Category::NameFormat,
            RuleKind::Title => Category::WrongTerm,
            RuleKind::Consistency => Category::TermInconsistent,
            RuleKind::Line => Category::WebsiteFurniture,
            RuleKind::Detector => Category::Mistranslation,
        },
    };
    let applicability = match &raw.fix {
        Some(f) => match f.get_ref().as_str() {
            "safe" => Applicability::Safe,
            "needs-review" => Applicability::NeedsReview,
            other => {
                return Err(err(
                    f.span().start,
                    format!("unknown fix `{other}` (expected safe or needs-review)"),
                ))
            }
        },
        None => match kind {
            RuleKind::Names | RuleKind::Consistency | RuleKind::Line => Applicability::Safe,
            _ => Applicability::NeedsReview,
        },
    };
    let message = match raw.message.take() {
        Some(m) if !m.trim().is_empty() => m,
        _ => match kind {
            RuleKind::Names => {
                "“{match}” is a German or machine spelling; English news writes “{suggestion}”"
                    .into()
            }
            RuleKind::Title => {
                "“{match}” is not what this office is called in English; write “{suggestion}”"
                    .into()
            }
            RuleKind::Consistency => {
                "This article spells it two ways; it mostly writes “{suggestion}”".into()
            }
            RuleKind::Line => "Website furniture leaked into the article: “{match}”".into(),
            RuleKind::Term | RuleKind::Pattern | RuleKind::Detector => {
                return Err(err(at, format!("kind `{kind}` needs a `message`")))
            }
        },
    };
    if raw.bad.is_empty() {
        return Err(err(
            at,
            "needs at least one `bad` example (a text it must flag)".into(),
        ));
    }
    if raw.good.is_empty() {
        return Err(err(
            at,
            "needs at least one `good` example (a text it must leave alone)".into(),
        ));
    }
    let bad = std::mem::take(&mut raw.bad)
        .into_iter()
        .map(|b| BadExample {
            text: b.text,
            fixed: b.fixed,
        })
        .collect();
    let good = std::mem::take(&mut raw.good);
    let explain = raw.explain.take();

    let mut conditions = Conditions {
        near: phrases(ctx, at, &id, "near", raw.near.take())?,
        not_near: phrases(ctx, at, &id, "not_near", raw.not_near.take())?,
        window: raw.window.unwrap_or(DEFAULT_WINDOW),
        preceded_by: phrases(ctx, at, &id, "preceded_by", raw.preceded_by.take())?,
        followed_by: phrases(ctx, at, &id, "followed_by", raw.followed_by.take())?,
        not_preceded_by: phrases(ctx, at, &id, "not_preceded_by", raw.not_preceded_by.take())?,
        not_followed_by: phrases(ctx, at, &id, "not_followed_by", raw.not_followed_by.take())?,
        except: phrases(ctx, at, &id, "except", raw.except.take())?,
    };
    let replace = raw.replace.take().map(|r| r.0).unwrap_or_default();

    let (body, summary) = match kind {
        RuleKind::Term => {
            let find = non_empty(raw.find.take(), "find").map_err(|m| err(at, m))?;
            let case = parse_case(ctx, &id, raw.case.take(), CaseMode::Smart)?;
            let forms = match raw.inflect.as_ref().map(|s| s.get_ref().as_str()) {
                None => vec![identity as fn(&str) -> String],
                Some("noun") => vec![identity, noun_plural],
                Some("verb") => vec![identity, verb_s, verb_ed, verb_ing],
                Some(other) => {
                    let offset = raw.inflect.as_ref().map_or(at, |s| s.span().start);
                    return Err(err(
                        offset,
                        format!("unknown inflect `{other}` (expected noun or verb)"),
                    ));
                }
            };
            let mut entries = Vec::new();
            for f in &find {
                for form in &forms {
                    entries.push(LiteralEntry {
                        text: form(f),
                        case,
                        replacements: replace
                            .iter()
                            .map(|r| if r.is_empty() { String::new() } else { form(r) })
                            .collect(),
                        after: vec![],
                    });
                }
            }
            dedup_entries(&mut entries);
            let summary = format!("finds {}", quoted(entries.iter().map(|e| e.text.as_str())));
            (
                RuleBody::Literal(LiteralRule {
                    entries,
                    conditions,
                    consistency: false,
                    preferred: None,
                }),
                summary,
            )
        }
        RuleKind::Names => {
            let canonical = raw
                .canonical
                .take()
                .filter(|c| !c.trim().is_empty())
                .ok_or_else(|| err(at, "kind `names` needs a `canonical` spelling".into()))?;
            let variants = raw.variants.take().unwrap_or_default();
            let as_word = raw.as_word.take().unwrap_or_default();
            if variants.is_empty() && as_word.is_empty() {
                return Err(err(
                    at,
                    "kind `names` needs `variants` (or `as_word`)".into(),
                ));
            }
            if let Some(v) = variants
                .iter()
                .chain(&as_word)
                .find(|v| **v == canonical || v.trim().is_empty())
            {
                return Err(err(
                    at,
                    format!("variant {v:?} is empty or the canonical spelling itself"),
                ));
            }
            let given = phrases(ctx, at, &id, "given", raw.given.take())?;
            if !as_word.is_empty() && given.is_empty() {
                return Err(err(
                    at,
                    "`as_word` variants need `given` (first names or titles before them)".into(),
                ));
            }
            let case = parse_case(ctx, &id, raw.case.take(), CaseMode::Exact)?;
            let mut entries: Vec<LiteralEntry> = variants
                .iter()
                .map(|v| LiteralEntry {
                    text: v.clone(),
                    case,
                    replacements: vec![canonical.clone()],
                    after: vec![],
                })
                .collect();
            entries.extend(as_word.iter().map(|v| LiteralEntry {
                text: v.clone(),
                case: CaseMode::Exact,
                replacements: vec![canonical.clone()],
                after: given.clone(),
            }));
            let summary = format!(
                "writes {canonical:?} for {}",
                quoted(variants.iter().chain(&as_word).map(String::as_str))
            );
            (
                RuleBody::Literal(LiteralRule {
                    entries,
                    conditions,
                    consistency: false,
                    preferred: None,
                }),
                summary,
            )
        }
        RuleKind::Title => {
            let find = non_empty(raw.find.take(), "find").map_err(|m| err(at, m))?;
            let [right] = replace.as_slice() else {
                return Err(err(
                    at,
                    "kind `title` needs exactly one `replace` (the right title)".into(),
                ));
            };
            let holders = raw.holders.take().unwrap_or_default();
            let countries = raw.countries.take().unwrap_or_default();
            if holders.is_empty() && countries.is_empty() {
                return Err(err(
                    at,
                    "kind `title` needs `holders` or `countries`".into(),
                ));
            }
            for h in &holders {
                conditions.followed_by.extend(Phrase::parse(h));
                if let Some(surname) = surname(h) {
                    conditions.followed_by.extend(Phrase::parse(surname));
                }
            }
            conditions
                .preceded_by
                .extend(countries.iter().filter_map(|c| Phrase::parse(c)));
            let case = parse_case(ctx, &id, raw.case.take(), CaseMode::Smart)?;
            let entries = find
                .iter()
                .map(|f| LiteralEntry {
                    text: f.clone(),
                    case,
                    replacements: vec![right.clone()],
                    after: vec![],
                })
                .collect();
            let summary = format!(
                "writes {right:?} for {} before {} or after {}",
                quoted(find.iter().map(String::as_str)),
                quoted(holders.iter().map(String::as_str)),
                quoted(countries.iter().map(String::as_str))
            );
            (
                RuleBody::Literal(LiteralRule {
                    entries,
                    conditions,
                    consistency: false,
                    preferred: None,
                }),
                summary,
            )
        }
        RuleKind::Consistency => {
            let forms = non_empty(raw.forms.take(), "forms").map_err(|m| err(at, m))?;
            if forms.len() < 2 {
                return Err(err(
                    at,
                    "kind `consistency` needs at least two `forms`".into(),
                ));
            }
            let case = parse_case(ctx, &id, raw.case.take(), CaseMode::Smart)?;
            let summary = format!(
                "one of {} per article",
                quoted(forms.iter().map(String::as_str))
            );
            let entries = forms
                .into_iter()
                .map(|f| LiteralEntry {
                    text: f,
                    case,
                    replacements: vec![],
                    after: vec![],
                })
                .collect();
            (
                RuleBody::Literal(LiteralRule {
                    entries,
                    conditions,
                    consistency: true,
                    preferred: None,
                }),
                summary,
            )
        }
        RuleKind::Pattern => {
            let Some(src) = raw.regex.take() else {
                return Err(err(at, "kind `pattern` needs a `regex`".into()));
            };
            let case = parse_case(ctx, &id, raw.case.take(), CaseMode::Exact)?;
            let source = if case == CaseMode::Any {
                format!("(?i){}", src.get_ref())
            } else {
                src.get_ref().clone()
            };
            // validate now, compile on first use (see PatternRule)
            let captures = capture_groups(&source).map_err(|m| err(src.span().start, m))?;
            let group = |name: &str| -> Result<usize, PackError> {
                if let Ok(n) = name.parse::<usize>() {
                    if n <= captures.len() {
                        return Ok(n);
                    }
                }
                captures
                    .iter()
                    .find(|(_, n)| n.as_deref() == Some(name))
                    .map(|(i, _)| *i)
                    .ok_or_else(|| {
                        err(
                            src.span().start,
                            format!("the regex has no capture group `{name}`"),
                        )
                    })
            };
            let report = raw.report.as_deref().map(group).transpose()?;
            let same = raw
                .same
                .take()
                .unwrap_or_default()
                .iter()
                .map(|g| group(g))
                .collect::<Result<Vec<_>, _>>()?;
            if same.len() == 1 {
                return Err(err(at, "`same` needs at least two capture groups".into()));
            }
            for t in &replace {
                for name in template_groups(t) {
                    group(&name)?;
                }
            }
            let summary = format!("matches /{}/", src.get_ref());
            (
                RuleBody::Pattern(PatternRule::new(source, replace, report, same, conditions)),
                summary,
            )
        }
        RuleKind::Line => {
            let lines: Vec<String> = raw
                .lines
                .take()
                .unwrap_or_default()
                .iter()
                .map(|l| normalize_line(l))
                .filter(|l| !l.is_empty())
                .collect();
            let regex = match raw.regex.take() {
                Some(src) => Some(
                    compile_regex(&format!("^(?:{})$", src.get_ref()), false)
                        .map_err(|m| err(src.span().start, m))?,
                ),
                None => None,
            };
            if lines.is_empty() && regex.is_none() {
                return Err(err(at, "kind `line` needs `lines` or a `regex`".into()));
            }
            let summary = format!(
                "deletes the lines {}",
                quoted(lines.iter().map(String::as_str))
            );
            (RuleBody::Line(LineRule { lines, regex }), summary)
        }
        RuleKind::Detector => {
            return Err(err(
                at,
                "detectors are built in; configure them in `[detectors]`".into(),
            ))
        }
    };
    let pos = ctx.index.position(ctx.source, at);
    Ok(CompiledRule {
        meta: RuleMeta {
            id: Arc::from(format!("{pack}/{id}")),
            pack: pack.to_string(),
            kind,
            severity,
            category,
            applicability,
            message,
            explain,
            summary,
            bad,
            good,
            origin: Origin {
                path: PathBuf::from(ctx.path),
                line: pos.line,
                column: pos.column,
            },
        },
        body,
    })
}

fn identity(s: &str) -> String {
    s.to_string()
}
fn noun_plural(s: &str) -> String {
    map_last_word(s, plural)
}
fn verb_s(s: &str) -> String {
    map_first_word(s, plural)
}
fn verb_ed(s: &str) -> String {
    map_first_word(s, past)
}
fn verb_ing(s: &str) -> String {
    map_first_word(s, gerund)
}

fn dedup_entries(entries: &mut Vec<LiteralEntry>) {
    let mut seen = BTreeSet::new();
    entries.retain(|e| seen.insert(e.text.clone()));
}

fn non_empty(list: Option<Vec<String>>, key: &str) -> Result<Vec<String>, String> {
    let list = list.unwrap_or_default();
    if list.is_empty() {
        return Err(format!("needs a non-empty `{key}` list"));
    }
    if list.iter().any(|s| s.trim().is_empty()) {
        return Err(format!("`{key}` has an empty entry"));
    }
    Ok(list)
}

fn quoted<'a>(items: impl Iterator<Item = &'a str>) -> String {
    let all: Vec<String> = items.map(|s| format!("“{s}”")).collect();
    if all.is_empty() {
        "nothing".into()
    } else {
        all.join(", ")
    }
}

/// The surname of a holder's full name, skipping suffixes such as "Jr.".
fn surname(full: &str) -> Option<&str> {
    let words: Vec<&str> = full.split_whitespace().collect();
    if words.len() < 2 {
        return None;
    }
    words
        .iter()
        .rev()
        .find(|w| !matches!(w.trim_end_matches('.'), "Jr" | "Sr" | "II" | "III" | "IV"))
        .copied()
}

/// Names of the groups a replacement template refers to (`$1`, `$name`, `${name}`).
fn template_groups(t: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = t;
    while let Some(i) = rest.find('$') {
        rest = &rest[i + 1..];
        if let Some(stripped) = rest.strip_prefix('$') {
            rest = stripped;
            continue;
        }
        if let Some(braced) = rest.strip_prefix('{') {
            if let Some(end) = braced.find('}') {
                out.push(braced[..end].to_string());
                rest = &braced[end + 1..];
            }
            continue;
        }
        let name: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        if !name.is_empty() {
            rest = &rest[name.len()..];
            out.push(name);
        }
    }
    out
}

/// Parses a regex and lists its capture groups (index, name), without
/// compiling it.
fn capture_groups(src: &str) -> Result<Vec<(usize, Option<String>)>, String> {
    use regex_syntax::hir::{Hir, HirKind};
    fn walk(h: &Hir, out: &mut Vec<(usize, Option<String>)>) {
        match h.kind() {
            HirKind::Capture(c) => {
                out.push((c.index as usize, c.name.as_deref().map(str::to_string)));
                walk(&c.sub, out);
            }
            HirKind::Concat(subs) | HirKind::Alternation(subs) => {
                subs.iter().for_each(|s| walk(s, out))
            }
            HirKind::Repetition(r) => walk(&r.sub, out),
            _ => {}
        }
    }
    let hir = regex_syntax::ParserBuilder::new()
        .build()
        .parse(src)
        .map_err(|e| format!("bad regex: {}", e.to_string().replace('\n', " ")))?;
    let mut out = Vec::new();
    walk(&hir, &mut out);
    Ok(out)
}

fn compile_regex(src: &str, case_insensitive: bool) -> Result<Regex, String> {
    RegexBuilder::new(src)
        .case_insensitive(case_insensitive)
        .size_limit(super::pattern::REGEX_SIZE_LIMIT)
        .build()
        .map_err(|e| format!("bad regex: {}", e.to_string().replace('\n', " ")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(src: &str) -> Result<Pack, PackError> {
        load_pack_str(src, Path::new("test.toml"))
    }

    const HEAD: &str = "[pack]\nid = \"t\"\n";

    #[test]
    fn unknown_key_names_place_rule_and_suggestion() {
        let src = format!(
            "{HEAD}[[rule]]\nid = \"peaks\"\nkind = \"term\"\nfind = [\"peaks\"]\nraplace = \"summits\"\n"
        );
        let e = load(&src).err().map(|e| e.to_string()).unwrap_or_default();
        assert!(
            e.starts_with("test.toml:7:1: rule `peaks`: unknown key `raplace`"),
            "{e}"
        );
        assert!(e.contains("did you mean `replace`?"), "{e}");
    }

    #[test]
    fn bad_regex_points_at_the_regex() {
        let src = format!(
            "{HEAD}[[rule]]\nid = \"x\"\nkind = \"pattern\"\nmessage = \"m\"\nregex = '(unclosed'\nbad = [\"a\"]\ngood = [\"b\"]\n"
        );
        let e = load(&src).err().map(|e| e.to_string()).unwrap_or_default();
        assert!(e.starts_with("test.toml:7:9: rule `x`: bad regex"), "{e}");
    }

    #[test]
    fn duplicate_ids_and_missing_fields_are_rejected() {
        let rule = "[[rule]]\nid = \"a\"\nkind = \"line\"\nlines = [\"Print\"]\nbad = [\"Print\"]\ngood = [\"x\"]\n";
        let e = load(&format!("{HEAD}{rule}{rule}"))
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(
            e.contains("test.toml:10:6: rule `a`: duplicate rule id"),
            "{e}"
        );
        let e = load(&format!("{HEAD}[[rule]]\nid = \"b\"\nkind = \"term\"\nmessage = \"m\"\nbad = [\"x\"]\ngood = [\"y\"]\n"))
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(e.contains("rule `b`: needs a non-empty `find` list"), "{e}");
        let e = load(&format!("{HEAD}[[rule]]\nid = \"c\"\nfind = [\"x\"]\n"))
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(e.contains("rule `c`: missing field `kind`"), "{e}");
    }

    #[test]
    fn keys_of_other_kinds_are_rejected() {
        let src = format!(
            "{HEAD}[[rule]]\nid = \"x\"\nkind = \"term\"\nmessage = \"m\"\nfind = [\"a\"]\nregex = 'a'\nbad = [\"a\"]\ngood = [\"b\"]\n"
        );
        let e = load(&src).err().map(|e| e.to_string()).unwrap_or_default();
        assert!(
            e.contains("key `regex` does not apply to kind `term`"),
            "{e}"
        );
    }

    #[test]
    fn template_groups_are_found() {
        assert_eq!(
            template_groups("$1.$2 ${unit} $$ $name"),
            vec!["1", "2", "unit", "name"]
        );
        assert_eq!(surname("Robert F. Kennedy Jr."), Some("Kennedy"));
    }
}
