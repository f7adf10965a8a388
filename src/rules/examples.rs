//! Running each rule's own `bad` and `good` examples.

use std::sync::Arc;

use super::{CompiledRule, Origin, RuleSet};
use crate::detect::gazetteer::Gazetteer;
use crate::diagnostic::{normalize, Edit};
use crate::document::Document;
use crate::fix::apply_edits;

/// An example that did not behave as its rule promises.
#[derive(Debug, Clone)]
pub struct ExampleFailure {
    /// Full rule id.
    pub rule: Arc<str>,
    /// Where the rule is defined.
    pub origin: Origin,
    /// The example text.
    pub example: String,
    /// What went wrong.
    pub problem: String,
}

/// Outcome of running examples.
#[derive(Debug, Default)]
pub struct ExampleReport {
    /// Rules whose examples were run.
    pub rules: usize,
    /// Examples run.
    pub examples: usize,
    /// Examples that failed.
    pub failures: Vec<ExampleFailure>,
}

/// Runs the examples of every rule, each rule alone; detectors see `gazetteer`
/// (usually the names of every loaded pack).
pub fn run(rules: &[CompiledRule], gazetteer: &Arc<Gazetteer>) -> ExampleReport {
    let mut report = ExampleReport::default();
    for rule in rules {
        report.rules += 1;
        report.examples += rule.meta.bad.len() + rule.meta.good.len();
        report.failures.extend(run_rule(rule, gazetteer));
    }
    report
}

/// Runs one rule's examples.
pub fn run_rule(rule: &CompiledRule, gazetteer: &Arc<Gazetteer>) -> Vec<ExampleFailure> {
    let meta = &rule.meta;
    let fail = |example: &str, problem: String| ExampleFailure {
        rule: meta.id.clone(),
        origin: meta.origin.clone(),
        example: example.to_string(),
        problem,
    };
    let set = match RuleSet::new(vec![rule.clone()], gazetteer.clone()) {
        Ok(set) => set,
        Err(e) => return vec![fail("", format!("does not compile: {e}"))],
    };
    let diagnose = |text: &str| {
        let mut out = Vec::new();
        set.check(&Document::plain(text), &mut out);
        normalize(&mut out);
        out
    };
    let mut failures = Vec::new();
    for bad in &meta.bad {
        let found = diagnose(&bad.text);
        if found.is_empty() {
            failures.push(fail(&bad.text, "bad example was not flagged".into()));
            continue;
        }
        if let Some(expected) = &bad.fixed {
            let edits: Vec<Edit> = found
                .iter()
                .filter_map(|d| d.fixes.first())
                .flat_map(|f| f.edits.iter().cloned())
                .collect();
            let (fixed, _) = apply_edits(&bad.text, &edits);
            if &fixed != expected {
                failures.push(fail(
                    &bad.text,
                    format!("fix gives {fixed:?}, expected {expected:?}"),
                ));
            } else if !diagnose(&fixed).is_empty() {
                failures.push(fail(
                    &bad.text,
                    format!("the fixed text {fixed:?} is flagged again"),
                ));
            }
        }
    }
    for good in &meta.good {
        let found = diagnose(good);
        if let Some(d) = found.first() {
            let text = good.get(d.span.start..d.span.end).unwrap_or("");
            failures.push(fail(good, format!("good example was flagged at {text:?}")));
        }
    }
    failures
}
