//! `mtlint check`: check articles and report in one of the output formats.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use anyhow::Result;
use clap::ValueEnum;

use mtlint::input;
use mtlint::output::{self, FileReport};
use mtlint::Severity;

use super::session::Session;
use super::{EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS};

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
    /// Also report suppression directives that silence nothing (`mtlint/unused-suppression`).
    #[arg(long)]
    pub report_unused_suppressions: bool,
}

/// Output formats of `check`.
#[derive(Clone, Copy, ValueEnum)]
pub enum Format {
    /// rustc-style snippets and a summary line.
    Human,
    /// One JSON document (see the README).
    Json,
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

/// Runs `mtlint check`.
pub fn run(session: &Session, args: &CheckArgs) -> Result<u8> {
    let session = &session.reporting_unused_suppressions(args.report_unused_suppressions);
    let sources = input::expand(&args.paths)?;
    let reports: Vec<FileReport> = sources.iter().map(|s| session.check_source(s)).collect();
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
