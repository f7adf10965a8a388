//! `mtlint rules`: list, explain and test the loaded rules.

use std::io::Write;
use std::path::PathBuf;
use std::sync::Arc;

use anyhow::{bail, Result};
use clap::{Subcommand, ValueEnum};

use mtlint::config::Config;
use mtlint::detect::gazetteer::Gazetteer;
use mtlint::rules::{self, examples};

use super::session::{detectors_config, load_packs, GlobalArgs, Session};
use super::{EXIT_CLEAN, EXIT_FINDINGS};

/// The `rules` subcommands.
#[derive(Subcommand)]
pub enum RulesCommand {
    /// List every loaded rule: id, kind, severity, pack.
    List {
        /// Output format.
        #[arg(long, value_enum, default_value_t = ListFormat::Human)]
        format: ListFormat,
    },
    /// Show a rule's message, rationale and examples.
    Explain {
        /// Full rule id, e.g. `names/lavrov` (a unique rule name alone also works).
        id: String,
    },
    /// Run every rule's own examples; exit 1 when one fails.
    Test {
        /// Pack ids to test, or pack files/folders to load and test (default: all loaded packs).
        packs: Vec<String>,
    },
}

/// Output formats of `rules list`.
#[derive(Clone, Copy, ValueEnum)]
pub enum ListFormat {
    /// An aligned table.
    Human,
    /// A JSON array of rules.
    Json,
}

/// Runs `mtlint rules list`.
pub fn list(session: &Session, format: ListFormat) -> Result<u8> {
    let engine = session.engine_for(None);
    let mut out = String::new();
    match format {
        ListFormat::Json => {
            let rows: Vec<serde_json::Value> = engine
                .rules()
                .iter()
                .map(|r| {
                    serde_json::json!({
                        "id": &*r.id, "kind": r.kind.as_str(), "severity": r.severity.as_str(),
                        "category": r.category.as_str(), "fix": r.applicability.as_str(), "pack": r.pack,
                    })
                })
                .collect();
            out = serde_json::to_string_pretty(&rows)?;
            out.push('\n');
        }
        ListFormat::Human => {
            let width = engine.rules().iter().map(|r| r.id.len()).max().unwrap_or(2);
            out.push_str(&format!(
                "{:width$}  {:11}  {:8}  PACK\n",
                "ID", "KIND", "SEVERITY"
            ));
            for r in engine.rules() {
                out.push_str(&format!(
                    "{:width$}  {:11}  {:8}  {}\n",
                    &*r.id,
                    r.kind.as_str(),
                    r.severity.as_str(),
                    r.pack
                ));
            }
            out.push_str(&format!(
                "{} rules in {} packs\n",
                engine.rules().len(),
                engine.packs().len()
            ));
        }
    }
    std::io::stdout().write_all(out.as_bytes())?;
    Ok(EXIT_CLEAN)
}

/// Runs `mtlint rules explain`.
pub fn explain(session: &Session, id: &str) -> Result<u8> {
    let engine = session.engine_for(None);
    let rule = match engine.rule(id) {
        Some(r) => r,
        None => {
            let matches: Vec<_> = engine
                .rules()
                .iter()
                .filter(|r| r.id.rsplit('/').next() == Some(id))
                .collect();
            match matches.as_slice() {
                [one] => *one,
                [] => bail!("no rule `{id}` (see `mtlint rules list`)"),
                many => {
                    let ids: Vec<&str> = many.iter().map(|r| &*r.id).collect();
                    bail!("`{id}` is ambiguous: {}", ids.join(", "))
                }
            }
        }
    };
    let mut s = format!(
        "{}\n  kind: {}   severity: {}   category: {}   fix: {}\n  defined at {}:{}:{}\n\n{}\n",
        rule.id,
        rule.kind,
        rule.severity,
        rule.category,
        rule.applicability.as_str(),
        rule.origin.path.display(),
        rule.origin.line,
        rule.origin.column,
        rule.message,
    );
    if rule.summary != rule.message {
        s.push_str(&format!("  ({})\n", rule.summary));
    }
    if let Some(explain) = &rule.explain {
        s.push_str(&format!("\n{}\n", explain.trim()));
    }
    s.push_str("\nFlags:\n");
    for b in &rule.bad {
        s.push_str(&format!("  ✗ {}\n", b.text));
        if let Some(f) = &b.fixed {
            s.push_str(&format!("  → {f}\n"));
        }
    }
    s.push_str("\nLeaves alone:\n");
    for g in &rule.good {
        s.push_str(&format!("  ✓ {g}\n"));
    }
    std::io::stdout().write_all(s.as_bytes())?;
    Ok(EXIT_CLEAN)
}

/// Runs `mtlint rules test`.
pub fn test(args: &GlobalArgs, selection: &[String]) -> Result<u8> {
    let config = match Config::discover(std::path::Path::new("")) {
        Some(path) if !args.no_config && args.config.is_none() => Config::load(&path)?,
        _ => match &args.config {
            Some(path) if !args.no_config => Config::load(path)?,
            _ => Config::default(),
        },
    };
    let loaded = load_packs(args, &config)?;
    // detectors' examples see the names of every loaded pack
    let gazetteer = Arc::new(Gazetteer::from_rules(loaded.iter().flat_map(|p| &p.rules)));
    let mut packs = Vec::new();
    let mut ids = Vec::new();
    for s in selection {
        let p = PathBuf::from(s);
        if p.exists() {
            packs.extend(rules::load_path(&p)?);
        } else if s == "detect" || loaded.iter().any(|p| &p.id == s) {
            ids.push(s.clone());
        } else {
            bail!("no pack `{s}` (neither a loaded pack id, `detect`, nor a path)");
        }
    }
    let from_paths = !packs.is_empty();
    if !from_paths || !ids.is_empty() {
        packs.extend(
            loaded
                .into_iter()
                .filter(|p| ids.is_empty() || ids.contains(&p.id)),
        );
    }
    let mut all: Vec<_> = packs.into_iter().flat_map(|p| p.rules).collect();
    let wants_detectors = (!from_paths && ids.is_empty()) || ids.iter().any(|id| id == "detect");
    if wants_detectors {
        all.extend(mtlint::detect::compile(&detectors_config(args, &config)));
    }
    let report = examples::run(&all, &gazetteer);
    let mut out = String::new();
    for f in &report.failures {
        out.push_str(&format!(
            "FAIL {} ({}:{}:{})\n  example: {:?}\n  {}\n",
            f.rule,
            f.origin.path.display(),
            f.origin.line,
            f.origin.column,
            f.example,
            f.problem
        ));
    }
    let failed_rules = {
        let mut ids: Vec<&str> = report.failures.iter().map(|f| &*f.rule).collect();
        ids.dedup();
        ids.len()
    };
    out.push_str(&format!(
        "{} passed, {} failed: rule examples ({} examples in {} rules)\n",
        report.examples - report.failures.len(),
        report.failures.len(),
        report.examples,
        report.rules
    ));
    if failed_rules > 0 {
        out.push_str(&format!("{failed_rules} rules have failing examples\n"));
    }
    std::io::stdout().write_all(out.as_bytes())?;
    Ok(if report.failures.is_empty() {
        EXIT_CLEAN
    } else {
        EXIT_FINDINGS
    })
}
