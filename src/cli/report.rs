//! `mtlint report`: a correction report for editors, as one self-contained
//! HTML page or as Markdown.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use clap::ValueEnum;

use mtlint::output::report::{html, markdown};
use mtlint::output::FileReport;

use super::session::Session;
use super::{EXIT_CLEAN, EXIT_ERROR};

/// Arguments of `mtlint report`.
#[derive(clap::Args)]
pub struct ReportArgs {
    /// Files or folders to report on (`-` or nothing reads standard input).
    pub paths: Vec<PathBuf>,
    /// Report format (default: html, or markdown when --output ends in .md).
    #[arg(long, value_enum)]
    pub format: Option<ReportFormat>,
    /// Write the report to this file instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// Formats of `report`.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// One self-contained HTML page (inline CSS and JavaScript).
    Html,
    /// A Markdown document.
    Markdown,
}

impl ReportArgs {
    fn format(&self) -> ReportFormat {
        self.format.unwrap_or_else(|| {
            let markdown = self
                .output
                .as_deref()
                .and_then(Path::extension)
                .is_some_and(|e| {
                    e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown")
                });
            if markdown {
                ReportFormat::Markdown
            } else {
                ReportFormat::Html
            }
        })
    }
}

/// Runs `mtlint report`: exit 0 when the report was written, 2 when an
/// input could not be read (it is listed in the report, which is still
/// written) or the report could not be written.
pub fn run(session: &Session, args: &ReportArgs) -> Result<u8> {
    let sources = session.expand(&args.paths)?;
    let reports: Vec<FileReport> = sources.iter().map(|s| session.check_source(s)).collect();
    let page = match args.format() {
        ReportFormat::Html => html::render(&reports),
        ReportFormat::Markdown => markdown::render(&reports),
    };
    match &args.output {
        Some(path) => std::fs::write(path, page.as_bytes())
            .with_context(|| format!("{}: cannot write the report", path.display()))?,
        None => {
            let stdout = std::io::stdout();
            let mut out = stdout.lock();
            out.write_all(page.as_bytes())?;
            out.flush()?;
        }
    }
    let mut failed = false;
    for r in &reports {
        if let Some(e) = &r.error {
            eprintln!("error: {e}");
            failed = true;
        }
    }
    Ok(if failed { EXIT_ERROR } else { EXIT_CLEAN })
}
