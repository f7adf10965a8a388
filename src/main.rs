//! The `mtlint` command line: argument parsing, exit codes, and dispatch to
//! one module per subcommand (`src/cli/`).

mod cli;

use std::process::ExitCode;

use anyhow::Result;
use clap::{Parser, Subcommand};

use cli::rules_cmd::RulesCommand;
use cli::session::{GlobalArgs, Session};
use cli::{EXIT_CLEAN, EXIT_ERROR};

#[derive(Parser)]
#[command(
    name = "mtlint",
    version,
    about = "A fast checker for machine-translated news"
)]
struct Cli {
    #[command(flatten)]
    global: GlobalArgs,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check articles (files or folders; `-` or nothing reads standard input).
    Check(cli::check::CheckArgs),
    /// Write a correction report for editors (HTML or Markdown).
    Report(cli::report::ReportArgs),
    /// Apply suggested fixes (safe ones; `--unsafe` also those that need
    /// review), or show them with `--diff`, or ask with `--interactive`.
    Fix(cli::fix::FixArgs),
    /// List, explain and test rules.
    #[command(subcommand)]
    Rules(RulesCommand),
    /// Write a commented starter configuration file (mtlint.toml).
    Init(cli::init::InitArgs),
    /// Run the language server (LSP over standard input and output) for editors.
    Lsp(cli::lsp::LspArgs),
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

fn run(cli: Cli) -> Result<u8> {
    match cli.command {
        Command::Check(args) => cli::check::run(&Session::new(cli.global)?, &args),
        Command::Report(args) => cli::report::run(&Session::new(cli.global)?, &args),
        Command::Fix(args) => cli::fix::run(&Session::new(cli.global)?, &args),
        Command::Rules(RulesCommand::List { format }) => {
            cli::rules_cmd::list(&Session::new(cli.global)?, format)
        }
        Command::Rules(RulesCommand::Explain { id }) => {
            cli::rules_cmd::explain(&Session::new(cli.global)?, &id)
        }
        Command::Rules(RulesCommand::Test { packs }) => cli::rules_cmd::test(&cli.global, &packs),
        Command::Init(args) => cli::init::run(&args),
        Command::Lsp(args) => cli::lsp::run(cli.global, &args),
    }
}
