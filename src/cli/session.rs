//! What every subcommand shares: the global options, the configuration that
//! applies to each file, one compiled engine per configuration, and the
//! read → parse → check pipeline for one input.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

use anyhow::{Context, Result};

use mtlint::config::Config;
use mtlint::detect::DetectorsConfig;
use mtlint::document::InputFormat;
use mtlint::input::{self, Source};
use mtlint::output::FileReport;
use mtlint::rules::overrides::RuleOverrides;
use mtlint::rules::{self, Pack};
use mtlint::score::Score;
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
    /// Use this configuration file for every input instead of looking for
    /// mtlint.toml / .mtlint.toml next to each file and above it.
    #[arg(long, global = true, value_name = "FILE", conflicts_with = "no_config")]
    pub config: Option<PathBuf>,
    /// Ignore configuration files.
    #[arg(long, global = true)]
    pub no_config: bool,
    /// Read inputs as this format instead of choosing by extension.
    #[arg(long, global = true, value_name = "FORMAT", value_parser = parse_format)]
    pub input_format: Option<InputFormat>,
}

fn parse_format(s: &str) -> Result<InputFormat, String> {
    s.parse()
}

/// A configuration with its compiled engine.
struct Setup {
    config: Config,
    engine: Arc<Engine>,
}

/// The engines and settings a run uses: one per configuration file met.
pub struct Session {
    /// The global options.
    pub args: GlobalArgs,
    /// The setup for stdin and for commands that take no files.
    default: Arc<Setup>,
    /// Setups by configuration file (`None`: no file).
    setups: Mutex<HashMap<Option<PathBuf>, Arc<Setup>>>,
    /// Discovered configuration file by folder.
    found: Mutex<HashMap<PathBuf, Option<PathBuf>>>,
    /// Add `mtlint/unused-suppression` findings to each report.
    report_unused_suppressions: AtomicBool,
}

impl Session {
    /// Reads the configuration that applies in the current folder (or
    /// `--config`) and compiles its engine; other configurations are loaded
    /// as files under them are met.
    pub fn new(args: GlobalArgs) -> Result<Session> {
        let key = config_path(&args, Path::new(""));
        let default = Arc::new(load_setup(&args, key.as_deref())?);
        let setups = HashMap::from([(key, default.clone())]);
        Ok(Session {
            args,
            default,
            setups: Mutex::new(setups),
            found: Mutex::new(HashMap::new()),
            report_unused_suppressions: AtomicBool::new(false),
        })
    }

    /// Like [`Session::new`], but when the current folder's configuration
    /// (or `--config`) does not load, the built-in defaults take its place
    /// and its error is returned beside the session; files under it still
    /// get that error from [`Session::config_for`]. For the language server,
    /// which must keep running on a broken configuration.
    pub fn new_tolerant(args: GlobalArgs) -> Result<(Session, Option<anyhow::Error>)> {
        let key = config_path(&args, Path::new(""));
        let (default, key, error) = match load_setup(&args, key.as_deref()) {
            Ok(setup) => (setup, key, None),
            Err(e) => (load_setup(&args, None)?, None, Some(e)),
        };
        let default = Arc::new(default);
        let setups = HashMap::from([(key, default.clone())]);
        let session = Session {
            args,
            default,
            setups: Mutex::new(setups),
            found: Mutex::new(HashMap::new()),
            report_unused_suppressions: AtomicBool::new(false),
        };
        Ok((session, error))
    }

    /// Whether reports include suppression directives that silence nothing.
    pub fn report_unused_suppressions(&self, on: bool) {
        self.report_unused_suppressions.store(on, Ordering::Relaxed);
    }

    /// The configuration file that applies to `path` (stdin: the current folder).
    pub fn config_path_for(&self, path: Option<&Path>) -> Option<PathBuf> {
        if self.args.no_config || self.args.config.is_some() {
            return config_path(&self.args, Path::new(""));
        }
        let dir = match path {
            Some(p) if p.is_dir() => p.to_path_buf(),
            Some(p) => p.parent().map(Path::to_path_buf).unwrap_or_default(),
            None => PathBuf::new(),
        };
        let mut found = self.found.lock().unwrap_or_else(PoisonError::into_inner);
        found
            .entry(dir.clone())
            .or_insert_with(|| config_path(&self.args, &dir))
            .clone()
    }

    fn setup_for(&self, path: Option<&Path>) -> Result<Arc<Setup>> {
        let key = self.config_path_for(path);
        if let Some(s) = self
            .setups
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get(&key)
        {
            return Ok(s.clone());
        }
        let setup = Arc::new(load_setup(&self.args, key.as_deref())?);
        self.setups
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(key, setup.clone());
        Ok(setup)
    }

    /// The engine that checks `path` (stdin and file-less commands: `None`).
    /// Falls back to the current folder's engine when the file's
    /// configuration is broken; [`Session::check_source`] reports that error.
    pub fn engine_for(&self, path: Option<&Path>) -> Arc<Engine> {
        match path {
            None => self.default.engine.clone(),
            Some(p) => self
                .setup_for(Some(p))
                .map(|s| s.engine.clone())
                .unwrap_or_else(|_| self.default.engine.clone()),
        }
    }

    /// The configuration for `path`, if it loads.
    pub fn config_for(&self, path: Option<&Path>) -> Result<Config> {
        match path {
            None => Ok(self.default.config.clone()),
            Some(p) => Ok(self.setup_for(Some(p))?.config.clone()),
        }
    }

    /// The format to read `path` as.
    pub fn format_for(&self, path: Option<&Path>) -> InputFormat {
        self.args
            .input_format
            .or_else(|| path.map(InputFormat::from_path))
            .unwrap_or_default()
    }

    /// Expands command-line paths into inputs: folders are walked (honouring
    /// .gitignore and each configuration's `[files] exclude`), globs expanded.
    pub fn expand(&self, paths: &[PathBuf]) -> Result<Vec<Source>> {
        Ok(input::expand_filtered(paths, |file| {
            self.config_for(Some(file))
                .map(|c| !c.excludes(file))
                .unwrap_or(true)
        })?)
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
        self.check_text_as(name, text, file, self.format_for(file))
    }

    /// Checks `text` read as `format`, whatever `file`'s name suggests
    /// (configuration still follows `file`); for `--jsonl-input` records
    /// that name their format.
    pub fn check_text_as(
        &self,
        name: String,
        text: String,
        file: Option<&Path>,
        format: InputFormat,
    ) -> FileReport {
        let setup = match file {
            None => self.default.clone(),
            Some(f) => match self.setup_for(Some(f)) {
                Ok(s) => s,
                Err(e) => return FileReport::failed(name, format!("{e:#}")),
            },
        };
        let doc = Document::parse(text, format);
        let checked = setup.engine.check_detailed(&doc);
        let mut diagnostics = checked.diagnostics;
        // mtlint's own reports about directives say nothing about the translation
        let prose: Vec<_> = diagnostics
            .iter()
            .filter(|d| !d.rule.starts_with("mtlint/"))
            .cloned()
            .collect();
        let score = Score::of(&prose, doc.word_count(), &setup.config.weights);
        if self.report_unused_suppressions.load(Ordering::Relaxed)
            && !checked.unused_suppressions.is_empty()
        {
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

/// The configuration file for files in `dir`: `--config`, none with
/// `--no-config`, else the nearest mtlint.toml / .mtlint.toml.
fn config_path(args: &GlobalArgs, dir: &Path) -> Option<PathBuf> {
    if args.no_config {
        None
    } else if let Some(c) = &args.config {
        Some(c.clone())
    } else {
        Config::discover(dir)
    }
}

/// Loads the configuration at `path` (none: defaults) and compiles its engine.
fn load_setup(args: &GlobalArgs, path: Option<&Path>) -> Result<Setup> {
    let config = match path {
        Some(p) => Config::load(p)?,
        None => Config::default(),
    };
    let engine = build_engine(args, &config).with_context(|| match path {
        Some(p) => format!("configuration {}", p.display()),
        None => "rule packs".to_string(),
    })?;
    Ok(Setup {
        config,
        engine: Arc::new(engine),
    })
}

/// The built-in packs a configuration selects (unless `--no-default-rules`),
/// the configuration's own packs, and those named with `--rules`.
pub fn load_packs(args: &GlobalArgs, config: &Config) -> Result<Vec<Pack>> {
    let mut packs = if args.no_default_rules {
        Vec::new()
    } else {
        let wanted: Vec<&str> = config
            .packs
            .iter()
            .flatten()
            .map(String::as_str)
            .chain(config.spelling.map(|s| s.pack()))
            .collect();
        rules::embedded::load()
            .context("built-in rule packs")?
            .into_iter()
            .filter(|p| match &config.packs {
                Some(_) => wanted.contains(&p.id.as_str()),
                None => p.default || wanted.contains(&p.id.as_str()),
            })
            .collect()
    };
    for path in config.extra_rules.iter().chain(&args.rules) {
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
        overrides: RuleOverrides {
            disable: config.disable.clone(),
            severity: config.severity.clone(),
            prefer: config.prefer.clone(),
        },
        allow: config.allow.clone(),
    };
    Ok(Engine::with_options(load_packs(args, config)?, &options)?)
}
