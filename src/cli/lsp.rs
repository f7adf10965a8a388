//! `mtlint lsp`: a language server over standard input and output.
//!
//! The message loop (`server`) keeps the editor's documents and answers
//! requests; a checking thread (`worker`) loads configurations and checks
//! documents, debounced, so a large document never holds up the loop.
//! Conversions, code actions and hover text are in the library
//! (`mtlint::lsp`).

mod documents;
mod initialize;
mod problems;
mod requests;
mod server;
mod transport;
mod worker;

use anyhow::Result;

use crate::cli::session::GlobalArgs;

/// Arguments of `mtlint lsp`.
#[derive(clap::Args, Debug, Clone, Default)]
pub struct LspArgs {
    /// Talk over standard input and output (the only transport; accepted
    /// because editor clients pass it).
    #[arg(long)]
    pub stdio: bool,
}

/// Runs the server until the client says `exit` or closes its input.
/// Exit code 0 after a `shutdown` request, 1 without one.
pub fn run(global: GlobalArgs, _args: &LspArgs) -> Result<u8> {
    let io = transport::Io::stdio()?;
    let code = server::serve(global, &io);
    io.finish();
    code
}
