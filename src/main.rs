//! The `mtlint` command line: argument parsing, exit codes, and nothing else.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::{bail, Context, Result};
use clap::{Parser, Subcommand, ValueEnum};

use mtlint::config::Config;
use mtlint::detect::gazetteer::Gazetteer;
use mtlint::detect::DetectorsConfig;
use mtlint::input::{self, Source};
use mtlint::output::{self, FileReport};
use mtlint::rules::{self, examples, Pack};
use mtlint::{Document, Engine, EngineOptions, Severity};

/// Exit code: nothing at or above the failing severity was found.
const EXIT_CLEAN: u8 = 0;
/// Exit code: findings at or above the failing severity.
const EXIT_FINDINGS: u8 = 1;
/// Exit code: usage, I/O or rule-file error.
const EXIT_ERROR: u8 = 2;

#[derive(Parser)]
#[command(
    name = "mtlint",
    version,
    about = "A fast checker for machine-translated news"
)]
struct Cli {
    /// Load more rule packs from a TOML file or a folder of them (repeatable).
    #[arg(long = "rules", global = true, value_name = "FILE|DIR")]
    rules: Vec<PathBuf>,
    /// Do not load the built-in rule packs.
    #[arg(long, global = true)]
    no_default_rules: bool,
    /// Run only the built-in detectors (the packs still supply their names).
    #[arg(long, global = true, conflicts_with = "no_detectors")]
    detectors_only: bool,
    /// Do not run the built-in detectors.
    #[arg(long, global = true)]
    no_detectors: bool,
    /// Configuration file (detector settings: see the README).
    #[arg(long, global = true, value_name = "FILE")]
    config: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check articles (files or folders; `-` or nothing reads standard input).
    Check(CheckArgs),
    /// List, explain and test rules.
    #[command(subcommand)]
    Rules(RulesCommand),
}

#[derive(clap::Args)]
struct CheckArgs {
    /// Files or folders to check.
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Exit with 1 when a finding at or above this severity is reported.
    #[arg(long, value_enum, default_value_t = FailOn::Error)]
    fail_on: FailOn,
}

#[derive(Subcommand)]
enum RulesCommand {
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

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Human,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum ListFormat {
    Human,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum FailOn {
    Error,
    Warning,
    Info,
}

impl FailOn {
    fn severity(self) -> Severity {
        match self {
            FailOn::Error => Severity::Error,
            FailOn::Warning => Severity::Warning,
            FailOn::Info => Severity::Info,
        }
    }
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() {
                EXIT_ERROR
            } else {
                EXIT_CLEAN
            });
        }
    };
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(EXIT_ERROR)
        }
    }
}

fn load_packs(cli: &Cli) -> Result<Vec<Pack>> {
    let mut packs = if cli.no_default_rules {
        Vec::new()
    } else {
        rules::embedded::load().context("built-in rule packs")?
    };
    for path in &cli.rules {
        packs.extend(rules::load_path(path)?);
    }
    Ok(packs)
}

/// Detector settings from `--config`, switched off by `--no-detectors`.
fn detectors_config(cli: &Cli) -> Result<DetectorsConfig> {
    let mut config = match &cli.config {
        Some(path) => Config::load(path)?.detectors,
        None => DetectorsConfig::default(),
    };
    if cli.no_detectors {
        config.enabled = false;
    }
    Ok(config)
}

fn engine(cli: &Cli) -> Result<Engine> {
    let options = EngineOptions {
        rules: !cli.detectors_only,
        detectors: detectors_config(cli)?,
    };
    Ok(Engine::with_options(load_packs(cli)?, &options)?)
}

fn run(cli: Cli) -> Result<u8> {
    match &cli.command {
        Command::Check(args) => check(&cli, args),
        Command::Rules(RulesCommand::List { format }) => list(&cli, *format),
        Command::Rules(RulesCommand::Explain { id }) => explain(&cli, id),
        Command::Rules(RulesCommand::Test { packs }) => test(&cli, packs),
    }
}

fn check(cli: &Cli, args: &CheckArgs) -> Result<u8> {
    let engine = engine(cli)?;
    let sources = input::expand(&args.paths)?;
    let reports: Vec<FileReport> = sources.iter().map(|s| check_one(&engine, s)).collect();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match args.format {
        Format::Json => out.write_all(output::json::render(&reports).as_bytes())?,
        Format::Human => {
            for r in &reports {
                if let Some(e) = &r.error {
                    eprintln!("error: {e}");
                }
            }
            let color =
                stdout.is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
            out.write_all(output::human::render(&reports, color).as_bytes())?;
        }
    }
    out.flush()?;
    let fail = args.fail_on.severity();
    if reports.iter().any(|r| r.error.is_some()) {
        Ok(EXIT_ERROR)
    } else if reports
        .iter()
        .flat_map(|r| &r.diagnostics)
        .any(|d| d.severity >= fail)
    {
        Ok(EXIT_FINDINGS)
    } else {
        Ok(EXIT_CLEAN)
    }
}

fn check_one(engine: &Engine, source: &Source) -> FileReport {
    let path = source.display_name();
    match input::read(source) {
        Ok(text) => {
            let doc = Document::plain(text);
            let diagnostics = engine.check(&doc);
            FileReport {
                path,
                text: doc.text().to_string(),
                error: None,
                diagnostics,
            }
        }
        Err(e) => FileReport {
            path,
            text: String::new(),
            error: Some(e.to_string()),
            diagnostics: Vec::new(),
        },
    }
}

fn list(cli: &Cli, format: ListFormat) -> Result<u8> {
    let engine = engine(cli)?;
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

fn explain(cli: &Cli, id: &str) -> Result<u8> {
    let engine = engine(cli)?;
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

fn test(cli: &Cli, selection: &[String]) -> Result<u8> {
    let loaded = load_packs(cli)?;
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
        all.extend(mtlint::detect::compile(&detectors_config(cli)?));
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
