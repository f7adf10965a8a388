//! `mtlint check`: check articles and report in one of the output formats.
//!
//! Inputs are checked in parallel (rayon) and reported in input order, each
//! as soon as it and every input before it are done (see [`ordered`]).

mod jsonl_input;
mod ordered;
mod progress;

use std::io::{self, BufReader, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};

use anyhow::Result;
use clap::ValueEnum;

use mtlint::input::{self, Source};
use mtlint::output::github::{GithubEmitter, GithubOptions};
use mtlint::output::human::{HumanEmitter, HumanOptions};
use mtlint::output::json::JsonEmitter;
use mtlint::output::jsonl::JsonlEmitter;
use mtlint::output::sarif::SarifEmitter;
use mtlint::output::{Emitter, FileReport, RunSummary, Sink, Statistics, Totals};
use mtlint::Severity;

use super::session::Session;
use super::{EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS};
use progress::Progress;

/// Arguments of `mtlint check`.
#[derive(clap::Args)]
pub struct CheckArgs {
    /// Files or folders to check.
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Exit with 1 when a finding at or above this severity is reported.
    #[arg(long, value_enum, default_value_t = FailOn::Error)]
    pub fail_on: FailOn,
    /// Exit with 1 when there are more than N warnings in all (whatever --fail-on says).
    #[arg(long, value_name = "N")]
    pub max_warnings: Option<usize>,
    /// Exit with 1 when an article's quality score (0-100) is below S.
    #[arg(long, value_name = "S", value_parser = parse_score)]
    pub min_score: Option<f64>,
    /// Human and GitHub output: print only findings of severity error (exit codes unchanged).
    #[arg(long, short)]
    pub quiet: bool,
    /// Also print the number of findings per rule.
    #[arg(long)]
    pub statistics: bool,
    /// Name standard input NAME in the output; its format and configuration follow NAME.
    #[arg(long, value_name = "NAME")]
    pub stdin_filename: Option<String>,
    /// Read articles as JSON Lines from standard input: {"id": …, "text": …} a line.
    #[arg(long, conflicts_with = "paths")]
    pub jsonl_input: bool,
    /// Also report suppression directives that silence nothing (`mtlint/unused-suppression`).
    #[arg(long)]
    pub report_unused_suppressions: bool,
}

fn parse_score(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(x) if (0.0..=100.0).contains(&x) => Ok(x),
        _ => Err(format!("`{s}` is not a score from 0 to 100")),
    }
}

/// Output formats of `check`.
#[derive(Clone, Copy, ValueEnum)]
pub enum Format {
    /// rustc-style snippets and a summary.
    Human,
    /// One JSON document (see the README).
    Json,
    /// JSON Lines: one object per finding and per file, streamed.
    Jsonl,
    /// SARIF 2.1.0, for code-scanning services.
    Sarif,
    /// GitHub Actions workflow commands (pull-request annotations).
    Github,
}

/// The lowest severity that fails a run.
#[derive(Clone, Copy, ValueEnum)]
pub enum FailOn {
    /// Only errors fail.
    Error,
    /// Warnings and errors fail.
    Warning,
    /// Any finding fails.
    Info,
}

impl FailOn {
    /// The severity this stands for.
    pub fn severity(self) -> Severity {
        match self {
            FailOn::Error => Severity::Error,
            FailOn::Warning => Severity::Warning,
            FailOn::Info => Severity::Info,
        }
    }
}

/// What decides the exit code, gathered file by file.
#[derive(Default)]
struct Tally {
    totals: Totals,
    statistics: Statistics,
    worst: Option<Severity>,
    lowest_score: Option<f64>,
}

impl Tally {
    fn add(&mut self, report: &FileReport) {
        self.totals.add(report);
        self.statistics.add(report);
        self.worst = self
            .worst
            .max(report.diagnostics.iter().map(|d| d.severity).max());
        if report.error.is_none() {
            let s = report.score.score;
            self.lowest_score = Some(self.lowest_score.map_or(s, |low| low.min(s)));
        }
    }

    fn exit_code(&self, args: &CheckArgs) -> u8 {
        let too_many_warnings = args.max_warnings.is_some_and(|n| self.totals.warnings > n);
        let below_min_score = args
            .min_score
            .zip(self.lowest_score)
            .is_some_and(|(min, low)| low < min);
        if self.totals.failed > 0 {
            EXIT_ERROR
        } else if self.worst >= Some(args.fail_on.severity())
            || too_many_warnings
            || below_min_score
        {
            EXIT_FINDINGS
        } else {
            EXIT_CLEAN
        }
    }
}

/// Inputs in flight per worker thread: enough to keep every worker busy
/// while the report of a slow file is awaited.
const WINDOW_PER_THREAD: usize = 4;

/// Runs `mtlint check`.
pub fn run(session: &Session, args: &CheckArgs) -> Result<u8> {
    session.report_unused_suppressions(args.report_unused_suppressions);
    let engine = session.engine_for(None);
    let stdout = io::stdout();
    let color = stdout.is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let mut emitter: Box<dyn Emitter + '_> = match args.format {
        Format::Human => Box::new(HumanEmitter::new(HumanOptions {
            color,
            quiet: args.quiet,
        })),
        Format::Json => Box::new(JsonEmitter::new()),
        Format::Jsonl => Box::new(JsonlEmitter::new()),
        Format::Sarif => Box::new(SarifEmitter::new(engine.rules())),
        Format::Github => Box::new(GithubEmitter::new(GithubOptions { quiet: args.quiet })),
    };
    let mut out = io::BufWriter::new(stdout.lock());
    let mut err = io::stderr();
    let mut tally = Tally::default();
    let window = WINDOW_PER_THREAD * rayon::current_num_threads().max(1);
    let stdin_file = args.stdin_filename.as_deref().map(Path::new);
    let stream = args.stdin_filename.as_deref().unwrap_or("<stdin>");

    let sources = if args.jsonl_input {
        None
    } else {
        Some(session.expand(&args.paths)?)
    };
    let progress = Progress::new(sources.as_ref().map(Vec::len), args.quiet);
    let mut emit = |report: FileReport| -> io::Result<()> {
        tally.add(&report);
        let mut sink = Sink {
            out: &mut out,
            err: &mut err,
        };
        progress.suspend(|| emitter.file(&mut sink, &report))?;
        progress.inc();
        Ok(())
    };
    let streamed = match sources {
        Some(sources) => ordered::run_ordered(
            sources.into_iter(),
            window,
            |source| check_source(session, &source, args.stdin_filename.as_deref()),
            &mut emit,
        ),
        None => ordered::run_ordered(
            jsonl_input::Lines::new(BufReader::new(io::stdin())),
            window,
            |line| jsonl_input::check_line(session, stream, stdin_file, line),
            &mut emit,
        ),
    };
    progress.finish();
    let finished = streamed.and_then(|()| {
        let statistics = args.statistics.then_some(&tally.statistics);
        let mut sink = Sink {
            out: &mut out,
            err: &mut err,
        };
        emitter.finish(
            &mut sink,
            &RunSummary {
                totals: tally.totals,
                statistics,
            },
        )?;
        out.flush()
    });
    match finished {
        // the reader went away (`| head`): stop quietly
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {}
        other => other?,
    }
    Ok(tally.exit_code(args))
}

/// Reads and checks one input; standard input takes `stdin_name` (and with
/// it the format and configuration of that name) when given.
fn check_source(session: &Session, source: &Source, stdin_name: Option<&str>) -> FileReport {
    match (source, stdin_name) {
        (Source::Stdin, Some(name)) => {
            let mut bytes = Vec::new();
            if let Err(e) = io::stdin().read_to_end(&mut bytes) {
                return FileReport::failed(name.to_string(), format!("{name}: {e}"));
            }
            match input::decode(name, bytes) {
                Ok(text) => session.check_text(name.to_string(), text, Some(Path::new(name))),
                Err(e) => FileReport::failed(name.to_string(), e.to_string()),
            }
        }
        _ => session.check_source(source),
    }
}
