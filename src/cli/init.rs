//! `mtlint init`: write a commented starter configuration file.

use std::io::Write;
use std::path::PathBuf;

use anyhow::{bail, Context, Result};

use mtlint::config::STARTER;

use super::EXIT_CLEAN;

/// Arguments of `mtlint init`.
#[derive(clap::Args)]
pub struct InitArgs {
    /// Where to write it.
    #[arg(default_value = "mtlint.toml")]
    pub path: PathBuf,
    /// Overwrite an existing file.
    #[arg(long)]
    pub force: bool,
}

/// Runs `mtlint init`.
pub fn run(args: &InitArgs) -> Result<u8> {
    if args.path.exists() && !args.force {
        bail!(
            "{} already exists (use --force to overwrite it)",
            args.path.display()
        );
    }
    let mut options = std::fs::OpenOptions::new();
    options.write(true);
    if args.force {
        options.create(true).truncate(true);
    } else {
        options.create_new(true);
    }
    let mut file = options
        .open(&args.path)
        .with_context(|| format!("cannot write {}", args.path.display()))?;
    file.write_all(STARTER.as_bytes())
        .with_context(|| format!("cannot write {}", args.path.display()))?;
    eprintln!(
        "wrote {}: every setting is commented out; mtlint uses it for files in its folder and below",
        args.path.display()
    );
    Ok(EXIT_CLEAN)
}
