//! Every built-in rule's and detector's own examples: bad ones are flagged (and fixed as
//! promised), good ones are left alone.

use std::sync::Arc;

use mtlint::detect::{self, gazetteer::Gazetteer};
use mtlint::rules::{embedded, examples};

#[test]
fn every_builtin_rule_passes_its_examples() {
    let packs = embedded::load().expect("built-in packs load");
    let mut rules: Vec<_> = packs.into_iter().flat_map(|p| p.rules).collect();
    let gazetteer = Arc::new(Gazetteer::from_rules(&rules));
    rules.extend(detect::compile(&Default::default()));
    assert!(rules.len() > 1000);
    let report = examples::run(&rules, &gazetteer);
    let failures: Vec<String> = report
        .failures
        .iter()
        .map(|f| {
            format!(
                "{} ({}:{}): {:?}: {}",
                f.rule,
                f.origin.path.display(),
                f.origin.line,
                f.example,
                f.problem
            )
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} failing examples:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn builtin_packs_are_broad() {
    let packs = embedded::load().expect("built-in packs load");
    let count = |id: &str| {
        packs
            .iter()
            .find(|p| p.id == id)
            .map_or(0, |p| p.rules.len())
    };
    assert!(count("names") >= 400, "names: {}", count("names"));
    assert!(count("false-friends") + count("idioms") >= 150);
    let furniture_lines: usize = packs
        .iter()
        .filter(|p| p.id == "furniture")
        .flat_map(|p| &p.rules)
        .filter_map(|r| match &r.body {
            mtlint::rules::RuleBody::Line(l) => {
                Some(l.lines.len() + usize::from(l.regex.is_some()))
            }
            _ => None,
        })
        .sum();
    assert!(furniture_lines >= 60, "furniture lines: {furniture_lines}");
}
