//! A desk's changes to the loaded rules: rules switched off, severities
//! overridden, and house spellings preferred over the packs' choices.

use std::collections::BTreeSet;

use crate::diagnostic::Severity;
use crate::text::CaseMode;

use super::literal::LiteralEntry;
use super::{CompiledRule, PackError, RuleBody, RuleKind};

/// What a configuration changes about the loaded rules.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RuleOverrides {
    /// Rule ids, pack ids or globs (`names/*`, `*/lavrov`) to switch off.
    pub disable: Vec<String>,
    /// Severity by rule id, pack id or glob; later entries win.
    pub severity: Vec<(String, Severity)>,
    /// House spellings: each must be a form some `names` or `consistency`
    /// rule knows; it becomes that rule's preferred spelling.
    pub prefer: Vec<String>,
}

/// Matches rule ids against a pattern: a pack id alone (`names`), a full id,
/// or a glob.
#[derive(Debug, Clone)]
pub struct IdPattern(globset::GlobMatcher);

impl IdPattern {
    /// Compiles `pattern`.
    pub fn new(pattern: &str) -> Result<IdPattern, PackError> {
        let glob = if pattern.contains('/') || pattern.contains(['*', '?', '[', '{']) {
            pattern.to_string()
        } else {
            format!("{pattern}/*")
        };
        globset::Glob::new(&glob)
            .map(|g| IdPattern(g.compile_matcher()))
            .map_err(|e| PackError::Build(format!("bad rule pattern `{pattern}`: {}", e.kind())))
    }

    /// Whether `id` matches.
    pub fn matches(&self, id: &str) -> bool {
        self.0.is_match(id)
    }
}

impl RuleOverrides {
    /// Applies the overrides to `rules` (before they are compiled into a set).
    pub fn apply(&self, rules: &mut Vec<CompiledRule>) -> Result<(), PackError> {
        let disable = self
            .disable
            .iter()
            .map(|p| IdPattern::new(p))
            .collect::<Result<Vec<_>, _>>()?;
        rules.retain(|r| !disable.iter().any(|p| p.matches(&r.meta.id)));
        for (pattern, severity) in &self.severity {
            let p = IdPattern::new(pattern)?;
            for r in rules.iter_mut().filter(|r| p.matches(&r.meta.id)) {
                r.meta.severity = *severity;
            }
        }
        for word in &self.prefer {
            if !prefer(rules, word) {
                return Err(PackError::Build(format!(
                    "style.prefer: no loaded `names` or `consistency` rule knows the spelling `{word}`"
                )));
            }
        }
        Ok(())
    }
}

/// Makes `word` the house spelling wherever a rule knows it; false when none does.
fn prefer(rules: &mut [CompiledRule], word: &str) -> bool {
    let plural = format!("{word}s");
    let mut family: BTreeSet<String> = BTreeSet::new();
    let mut known = false;
    // consistency rules: the house form is reported never, the others always
    for r in rules.iter_mut() {
        let RuleBody::Literal(lit) = &mut r.body else {
            continue;
        };
        if !lit.consistency {
            continue;
        }
        if let Some(i) = lit
            .entries
            .iter()
            .position(|e| e.text == word || e.text == plural)
        {
            lit.preferred = Some(i);
            family.extend(lit.entries.iter().map(|e| e.text.clone()));
            known = true;
        }
    }
    // names rules: the variant becomes the canonical spelling, or a canonical
    // spelling of the same family is replaced by it
    for r in rules.iter_mut() {
        if r.meta.kind != RuleKind::Names {
            continue;
        }
        let RuleBody::Literal(lit) = &mut r.body else {
            continue;
        };
        let Some(canonical) = lit
            .entries
            .first()
            .and_then(|e| e.replacements.first())
            .cloned()
        else {
            continue;
        };
        if let Some(i) = lit.entries.iter().position(|e| e.text == word) {
            lit.entries.remove(i);
            lit.entries.push(LiteralEntry {
                text: canonical,
                case: CaseMode::Exact,
                replacements: Vec::new(),
                after: Vec::new(),
            });
        } else if !family.contains(&canonical) || canonical == word {
            continue;
        }
        for e in &mut lit.entries {
            e.replacements = vec![word.to_string()];
        }
        known = true;
    }
    known
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::embedded;
    use crate::{Document, Engine, EngineOptions};

    fn engine(overrides: RuleOverrides) -> Engine {
        let packs = embedded::load_default().unwrap_or_default();
        let options = EngineOptions {
            overrides,
            ..EngineOptions::default()
        };
        match Engine::with_options(packs, &options) {
            Ok(e) => e,
            Err(e) => panic!("{e}"),
        }
    }

    fn found(engine: &Engine, text: &str) -> Vec<(String, String)> {
        engine
            .check(&Document::plain(text))
            .into_iter()
            .map(|d| {
                (
                    text[d.span.start..d.span.end].to_string(),
                    d.suggestions().next().unwrap_or("").to_string(),
                )
            })
            .collect()
    }

    #[test]
    fn patterns_name_packs_ids_and_globs() {
        let p = |s: &str| IdPattern::new(s).map(|p| p.matches("names/lavrov"));
        assert!(matches!(p("names"), Ok(true)));
        assert!(matches!(p("names/*"), Ok(true)));
        assert!(matches!(p("*/lavrov"), Ok(true)));
        assert!(matches!(p("names/lavrov"), Ok(true)));
        assert!(matches!(p("name"), Ok(false)));
        assert!(IdPattern::new("names/[").is_err());
    }

    #[test]
    fn house_spelling_wins() {
        let e = engine(RuleOverrides {
            prefer: vec!["Kiev".into(), "Zelenskyy".into(), "rouble".into()],
            ..RuleOverrides::default()
        });
        let text = "In Kyiv, Selenskyj said the ruble fell. Kiew was dark. Zelensky spoke.";
        let f = found(&e, text);
        for (flagged, fix) in [
            ("Kyiv", "Kiev"),
            ("Selenskyj", "Zelenskyy"),
            ("ruble", "rouble"),
            ("Kiew", "Kiev"),
            ("Zelensky", "Zelenskyy"),
        ] {
            assert!(
                f.iter().any(|(a, b)| a == flagged && b == fix),
                "{flagged} → {fix} missing in {f:?}"
            );
        }
        assert!(found(&e, "Kiev was quiet. The rouble rose.").is_empty());
    }

    #[test]
    fn unknown_house_spelling_is_an_error() {
        let options = EngineOptions {
            overrides: RuleOverrides {
                prefer: vec!["Kyyyiv".into()],
                ..RuleOverrides::default()
            },
            ..EngineOptions::default()
        };
        let packs = embedded::load_default().unwrap_or_default();
        let e = Engine::with_options(packs, &options)
            .err()
            .map(|e| e.to_string());
        assert!(e.is_some_and(|e| e.contains("`Kyyyiv`")));
    }

    #[test]
    fn disable_and_severity() {
        let e = engine(RuleOverrides {
            disable: vec!["names/lavrov".into(), "detect".into()],
            severity: vec![("names/*".into(), Severity::Info)],
            ..RuleOverrides::default()
        });
        assert!(e.rule("names/lavrov").is_none());
        assert!(e.rules().iter().all(|r| !r.id.starts_with("detect/")));
        assert_eq!(
            e.rule("names/kyiv").map(|r| r.severity),
            Some(Severity::Info)
        );
    }
}
