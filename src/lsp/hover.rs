//! Hover text for a finding: the rule, the message, the rule's explanation
//! and its examples, as Markdown.

use crate::diagnostic::Diagnostic;
use crate::rules::RuleMeta;

/// Markdown describing finding `d` of rule `meta` (`None`: a rule the
/// engine does not list, such as mtlint's own reports on directives).
pub fn markdown(d: &Diagnostic, meta: Option<&RuleMeta>) -> String {
    let mut s = format!(
        "**{}** · {} · {}\n\n{}\n",
        d.rule,
        d.severity,
        d.category,
        escape(&d.message)
    );
    let Some(meta) = meta else {
        return s;
    };
    if let Some(explain) = &meta.explain {
        s.push_str(&format!("\n{}\n", escape(explain.trim())));
    } else if meta.summary != meta.message && !meta.summary.is_empty() {
        s.push_str(&format!("\n{}\n", escape(&meta.summary)));
    }
    if !meta.bad.is_empty() {
        s.push_str("\n**Flags**\n\n");
        for b in &meta.bad {
            s.push_str(&format!("- ✗ {}\n", escape(&b.text)));
            if let Some(fixed) = &b.fixed {
                s.push_str(&format!("  → {}\n", escape(fixed)));
            }
        }
    }
    if !meta.good.is_empty() {
        s.push_str("\n**Leaves alone**\n\n");
        for g in &meta.good {
            s.push_str(&format!("- ✓ {}\n", escape(g)));
        }
    }
    s.push_str(&format!(
        "\n`mtlint rules explain {}` · fix: {}\n",
        meta.id,
        meta.applicability.as_str()
    ));
    s
}

/// `text` with the characters Markdown would read as markup escaped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::embedded;
    use crate::{Document, Engine};

    #[test]
    fn hover_explains_the_rule_with_examples() {
        let engine = Engine::new(embedded::load_default().expect("packs")).expect("engine");
        let found = engine.check(&Document::plain("Sergei Lawrow met Rubio."));
        let d = &found[0];
        let md = markdown(d, engine.rule(&d.rule));
        assert!(
            md.starts_with("**names/lavrov** · error · locale/name-format"),
            "{md}"
        );
        assert!(md.contains("Lavrov"), "{md}");
        assert!(md.contains("**Flags**") && md.contains("- ✗ "), "{md}");
        assert!(md.contains("`mtlint rules explain names/lavrov`"), "{md}");
    }

    #[test]
    fn markup_in_messages_is_escaped() {
        assert_eq!(escape("a*b_c <x>"), "a\\*b\\_c \\<x\\>");
    }
}
