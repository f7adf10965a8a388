//! A progress bar on standard error for long runs: only on a terminal,
//! never in a pipe or under CI (`CI` set), never with `--quiet`.

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// Runs over fewer files than this finish too soon to need a bar.
pub const MIN_FILES: usize = 20;

/// The bar, or nothing.
pub struct Progress(Option<ProgressBar>);

impl Progress {
    /// A bar for `total` files (`None`: a stream of unknown length, shown as
    /// a counter), when standard error is a terminal outside CI.
    pub fn new(total: Option<usize>, quiet: bool) -> Progress {
        if quiet || in_ci() || !std::io::stderr().is_terminal() {
            return Progress(None);
        }
        let bar = match total {
            Some(n) if n < MIN_FILES => return Progress(None),
            Some(n) => {
                let bar =
                    ProgressBar::with_draw_target(Some(n as u64), ProgressDrawTarget::stderr());
                if let Ok(style) = ProgressStyle::with_template(
                    "{bar:40} {pos}/{len} files  {elapsed} (ETA {eta})",
                ) {
                    bar.set_style(style);
                }
                bar
            }
            None => {
                let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
                if let Ok(style) =
                    ProgressStyle::with_template("{spinner} {pos} articles  {elapsed}")
                {
                    bar.set_style(style);
                }
                bar
            }
        };
        Progress(Some(bar))
    }

    /// Runs `f` (which writes output) with the bar hidden meanwhile.
    pub fn suspend<R>(&self, f: impl FnOnce() -> R) -> R {
        match &self.0 {
            Some(bar) => bar.suspend(f),
            None => f(),
        }
    }

    /// One more file done.
    pub fn inc(&self) {
        if let Some(bar) = &self.0 {
            bar.inc(1);
        }
    }

    /// Removes the bar.
    pub fn finish(&self) {
        if let Some(bar) = &self.0 {
            bar.finish_and_clear();
        }
    }
}

/// Whether we run under CI (`CI` set to anything but empty, `0` or `false`).
fn in_ci() -> bool {
    std::env::var_os("CI").is_some_and(|v| !v.is_empty() && v != "0" && v != "false")
}
