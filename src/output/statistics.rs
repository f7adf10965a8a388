//! `--statistics`: how often each rule fired over a run.

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::Serialize;

use super::FileReport;
use crate::diagnostic::{Category, Severity};

/// Findings per rule over a run.
#[derive(Debug, Clone, Default)]
pub struct Statistics {
    rules: BTreeMap<Arc<str>, RuleCount>,
}

/// How often one rule fired.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RuleCount {
    /// Full rule id.
    #[serde(serialize_with = "rule_name")]
    pub rule: Arc<str>,
    /// Number of findings.
    pub count: usize,
    /// Severity of its (first) finding.
    pub severity: Severity,
    /// MQM category of its (first) finding.
    #[serde(serialize_with = "category_name")]
    pub category: Category,
}

fn rule_name<S: serde::Serializer>(r: &Arc<str>, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(r)
}

fn category_name<S: serde::Serializer>(c: &Category, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(c.as_str())
}

impl Statistics {
    /// Counts the findings of one more file.
    pub fn add(&mut self, report: &FileReport) {
        for d in &report.diagnostics {
            self.rules
                .entry(d.rule.clone())
                .or_insert_with(|| RuleCount {
                    rule: d.rule.clone(),
                    count: 0,
                    severity: d.severity,
                    category: d.category,
                })
                .count += 1;
        }
    }

    /// Every rule that fired, most frequent first, ties by rule id.
    pub fn sorted(&self) -> Vec<&RuleCount> {
        let mut rows: Vec<&RuleCount> = self.rules.values().collect();
        rows.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.rule.cmp(&b.rule)));
        rows
    }

    /// Whether nothing fired.
    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }

    /// A plain-text table: count, rule id, severity and category, one rule a line.
    pub fn table(&self) -> String {
        let rows = self.sorted();
        let width = rows.iter().map(|r| r.rule.len()).max().unwrap_or(0);
        let digits = rows.first().map_or(1, |r| r.count.to_string().len()).max(5);
        let mut s = String::new();
        for r in rows {
            s.push_str(&format!(
                "{:>digits$}  {:width$}  {:7}  {}\n",
                r.count,
                &*r.rule,
                r.severity.as_str(),
                r.category
            ));
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Diagnostic;
    use crate::score::{Score, Weights};
    use crate::span::Span;

    fn report(rules: &[&str]) -> FileReport {
        let diagnostics: Vec<Diagnostic> = rules
            .iter()
            .map(|r| Diagnostic {
                rule: (*r).into(),
                severity: Severity::Warning,
                category: Category::Spelling,
                span: Span::new(0, 1),
                message: String::new(),
                fixes: Vec::new(),
            })
            .collect();
        FileReport {
            path: "a.txt".into(),
            text: "x".into(),
            error: None,
            score: Score::of(&diagnostics, 1, &Weights::default()),
            diagnostics,
        }
    }

    #[test]
    fn sorted_by_count_then_id() {
        let mut s = Statistics::default();
        s.add(&report(&["b/x", "a/y", "c/z", "c/z"]));
        s.add(&report(&["b/x"]));
        let order: Vec<(&str, usize)> = s.sorted().iter().map(|r| (&*r.rule, r.count)).collect();
        assert_eq!(order, [("b/x", 2), ("c/z", 2), ("a/y", 1)]);
        assert!(s
            .table()
            .starts_with("    2  b/x  warning  fluency/spelling\n"));
    }
}
