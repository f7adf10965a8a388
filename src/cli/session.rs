//! What every subcommand shares: the global options, the engine(s), and the
//! read → parse → check pipeline for one input.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::{Context, Result};

use mtlint::config::Config;
use mtlint::detect::DetectorsConfig;
use mtlint::document::InputFormat;
use mtlint::input::{self, Source};
use mtlint::output::FileReport;
use mtlint::rules::{self, Pack};
use mtlint::score::{Score, Weights};
use mtlint::{Document, Engine, EngineOptions};

/// Options that apply to every subcommand.
#[derive(clap::Args, Debug, Clone, Default)]
pub struct GlobalArgs {
    /// Load more rule packs from a TOML file or a folder of them (repeatable).
    #[arg(long = "rules", global = true, value_name = "FILE|DIR")]
    pub rules: Vec<PathBuf>,
    /// Do not load the built-in rule packs.
    #[arg(long, global = true)]
    pub no_default_rules: bool,
    /// Run only the built-in detectors (the packs still supply their names).
    #[arg(long, global = true, conflicts_with = "no_detectors")]
    pub detectors_only: bool,
    /// Do not run the built-in detectors.
    #[arg(long, global = true)]
    pub no_detectors: bool,
    /// Configuration file (see the README).
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Read inputs as this format instead of choosing by extension.
    #[arg(long, global = true, value_name = "FORMAT", value_parser = parse_format)]
    pub input_format: Option<InputFormat>,
}

fn parse_format(s: &str) -> Result<InputFormat, String> {
    s.parse()
}

/// The engine and settings a run uses.
#[derive(Clone)]
pub struct Session {
    /// The global options.
    pub args: GlobalArgs,
    engine: Arc<Engine>,
    weights: Weights,
    /// Add `mtlint/unused-suppression` findings to each report.
    report_unused_suppressions: bool,
}

impl Session {
    /// Loads the configuration and rule packs and compiles the engine.
    pub fn new(args: GlobalArgs) -> Result<Session> {
        let config = match &args.config {
            Some(path) => Config::load(path)?,
            None => Config::default(),
        };
        let engine = Arc::new(build_engine(&args, &config)?);
        Ok(Session {
            args,
            engine,
            weights: Weights::default(),
            report_unused_suppressions: false,
        })
    }

    /// The same session, reporting suppression directives that silence nothing.
    pub fn reporting_unused_suppressions(&self, on: bool) -> Session {
        Session {
            report_unused_suppressions: on,
            ..self.clone()
        }
    }

    /// The engine that checks `path` (stdin: `None`).
    pub fn engine_for(&self, _path: Option<&Path>) -> Arc<Engine> {
        self.engine.clone()
    }

    /// The format to read `path` as.
    pub fn format_for(&self, path: Option<&Path>) -> InputFormat {
        self.args
            .input_format
            .or_else(|| path.map(InputFormat::from_path))
            .unwrap_or_default()
    }

    /// Reads and checks one input.
    pub fn check_source(&self, source: &Source) -> FileReport {
        let path = source.display_name();
        match input::read(source) {
            Ok(text) => {
                let file = match source {
                    Source::File(p) => Some(p.as_path()),
                    Source::Stdin => None,
                };
                self.check_text(path, text, file)
            }
            Err(e) => FileReport::failed(path, e.to_string()),
        }
    }

    /// Checks `text` read from `file` (format and configuration follow `file`).
    pub fn check_text(&self, name: String, text: String, file: Option<&Path>) -> FileReport {
        let doc = Document::parse(text, self.format_for(file));
        let checked = self.engine_for(file).check_detailed(&doc);
        let mut diagnostics = checked.diagnostics;
        // mtlint's own reports about directives say nothing about the translation
        let score = if diagnostics.iter().any(|d| d.rule.starts_with("mtlint/")) {
            let prose: Vec<_> = diagnostics
                .iter()
                .filter(|d| !d.rule.starts_with("mtlint/"))
                .cloned()
                .collect();
            Score::of(&prose, doc.word_count(), &self.weights)
        } else {
            Score::of(&diagnostics, doc.word_count(), &self.weights)
        };
        if self.report_unused_suppressions && !checked.unused_suppressions.is_empty() {
            diagnostics.extend(checked.unused_suppressions);
            diagnostics.sort_by(|a, b| {
                (a.span.start, a.span.end, &a.rule).cmp(&(b.span.start, b.span.end, &b.rule))
            });
        }
        FileReport {
            path: name,
            text: doc.source().to_string(),
            error: None,
            diagnostics,
            score,
        }
    }
}

/// The built-in packs (unless switched off) and those named with `--rules`.
pub fn load_packs(args: &GlobalArgs) -> Result<Vec<Pack>> {
    let mut packs = if args.no_default_rules {
        Vec::new()
    } else {
        rules::embedded::load().context("built-in rule packs")?
    };
    for path in &args.rules {
        packs.extend(rules::load_path(path)?);
    }
    Ok(packs)
}

/// Detector settings from the configuration, switched off by `--no-detectors`.
pub fn detectors_config(args: &GlobalArgs, config: &Config) -> DetectorsConfig {
    let mut detectors = config.detectors.clone();
    if args.no_detectors {
        detectors.enabled = false;
    }
    detectors
}

fn build_engine(args: &GlobalArgs, config: &Config) -> Result<Engine> {
    let options = EngineOptions {
        rules: !args.detectors_only,
        detectors: detectors_config(args, config),
    };
    Ok(Engine::with_options(load_packs(args)?, &options)?)
}
