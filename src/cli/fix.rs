//! `mtlint fix`: apply suggested fixes until none is left, writing each file
//! atomically; or show them as a unified diff; or ask about each one.

mod prompt;

use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::{bail, Result};

use mtlint::fix::{self, FixMode, Outcome};
use mtlint::input::{self, Source};
use mtlint::{atomic, Diagnostic, Severity};

use super::check::FailOn;
use super::session::Session;
use super::{EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS};

/// Arguments of `mtlint fix`.
#[derive(clap::Args)]
pub struct FixArgs {
    /// Files or folders to fix; `-` (or nothing) reads standard input and
    /// writes the fixed text to standard output.
    pub paths: Vec<PathBuf>,
    /// Also apply the fixes that need review (a false friend whose context
    /// could make the original right).
    #[arg(long = "unsafe")]
    pub unsafe_fixes: bool,
    /// Print what would change as a unified diff and write nothing.
    #[arg(long)]
    pub diff: bool,
    /// Ask about each fix, safe or not, on the terminal: y(es), n(o),
    /// a(ll remaining in this file), q(uit, keeping what was accepted).
    #[arg(long, short = 'i')]
    pub interactive: bool,
    /// Exit with 1 when a finding at or above this severity is left after fixing.
    #[arg(long, value_enum, default_value_t = FailOn::Error)]
    pub fail_on: FailOn,
}

/// What fixing one input came to.
struct Fixed {
    changed: bool,
    fixes: usize,
    left: Vec<Diagnostic>,
    quit: bool,
}

/// Counts for the closing summary.
#[derive(Default)]
struct Tally {
    files: usize,
    changed: usize,
    fixes: usize,
    failed: usize,
    left: [usize; 3],
    failing: bool,
}

/// Runs `mtlint fix`.
pub fn run(session: &Session, args: &FixArgs) -> Result<u8> {
    let sources = session.expand(&args.paths)?;
    if args.interactive {
        if !std::io::stdin().is_terminal() {
            bail!("--interactive asks on a terminal, but standard input is not one (use --diff to preview the fixes)");
        }
        if sources.contains(&Source::Stdin) {
            bail!("--interactive cannot fix standard input: the answers come from it");
        }
    }
    let mode = if args.unsafe_fixes {
        FixMode::All
    } else {
        FixMode::Safe
    };
    // answers come from standard input, locked only when asking (`-` reads it too)
    let mut answers = args.interactive.then(|| std::io::stdin().lock());
    let mut tally = Tally::default();
    for source in &sources {
        tally.files += 1;
        let answers = answers.as_mut().map(|a| a as &mut dyn BufRead);
        match fix_source(session, source, args, mode, answers) {
            Ok(done) => {
                tally.changed += usize::from(done.changed);
                tally.fixes += done.fixes;
                for d in &done.left {
                    tally.left[d.severity as usize] += 1;
                    tally.failing |= d.severity >= args.fail_on.severity();
                }
                if done.quit {
                    break;
                }
            }
            Err(e) => {
                tally.failed += 1;
                eprintln!("error: {e:#}");
            }
        }
    }
    eprintln!("{}", summary(&tally, args.diff));
    Ok(if tally.failed > 0 {
        EXIT_ERROR
    } else if tally.failing {
        EXIT_FINDINGS
    } else {
        EXIT_CLEAN
    })
}

/// Fixes one input: checks it, chooses fixes (to convergence, or by asking),
/// then prints a diff, writes the text to stdout (standard input), or
/// replaces the file.
fn fix_source(
    session: &Session,
    source: &Source,
    args: &FixArgs,
    mode: FixMode,
    answers: Option<&mut dyn BufRead>,
) -> Result<Fixed> {
    let name = source.display_name();
    let text = input::read(source)?;
    let file = match source {
        Source::File(p) => Some(p.as_path()),
        Source::Stdin => None,
    };
    let check = |t: &str| {
        session
            .check_text(name.clone(), t.to_string(), file)
            .diagnostics
    };
    let (fixed, fixes, left, quit) = match answers {
        Some(answers) => {
            let found = check(&text);
            let offered = fix::candidates(&found, FixMode::All);
            let mut err = std::io::stderr().lock();
            let color = std::io::stderr().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
            let review = prompt::review(&name, &text, &offered, answers, &mut err, color)?;
            let applied = fix::apply(&text, &review.accepted);
            if review.overlapping > 0 {
                eprintln!(
                    "{name}: {} more fixes overlap accepted ones; run again to see them",
                    review.overlapping
                );
            }
            let left = check(&applied.text);
            (applied.text, applied.fixes, left, review.quit)
        }
        None => {
            let done = fix::fix_until_stable(&text, mode, fix::MAX_PASSES, check);
            match done.outcome {
                Outcome::Settled => {}
                Outcome::PassLimit => eprintln!(
                    "warning: {name}: fixes did not settle after {} passes; the last pass is kept",
                    done.passes
                ),
                Outcome::Cycle => eprintln!(
                    "warning: {name}: fixes undo each other (a text came back after {} passes); the last pass is kept",
                    done.passes
                ),
            }
            (done.text, done.fixes, done.diagnostics, false)
        }
    };
    let changed = fixed != text;
    if args.diff {
        std::io::stdout().write_all(fix::unified_diff(&name, &text, &fixed).as_bytes())?;
    } else if let Some(path) = file {
        if changed {
            write(path, &text, &fixed)?;
        }
    } else {
        std::io::stdout().write_all(fixed.as_bytes())?;
    }
    Ok(Fixed {
        changed,
        fixes,
        left,
        quit,
    })
}

fn write(path: &Path, checked: &str, fixed: &str) -> Result<()> {
    atomic::replace_if_unchanged(path, checked.as_bytes(), fixed.as_bytes())?;
    Ok(())
}

/// "fixed 2 of 3 files: 12 fixes applied; 4 findings left (1 error, 3 warnings, 0 infos)".
fn summary(t: &Tally, diff: bool) -> String {
    let plural = |n: usize, word: &str| {
        let ending = match (n, word.ends_with('x')) {
            (1, _) => "",
            (_, true) => "es",
            _ => "s",
        };
        format!("{n} {word}{ending}")
    };
    let left = t.left.iter().sum::<usize>();
    let findings = format!(
        "{} ({}, {}, {})",
        plural(left, "finding"),
        plural(t.left[Severity::Error as usize], "error"),
        plural(t.left[Severity::Warning as usize], "warning"),
        plural(t.left[Severity::Info as usize], "info"),
    );
    let mut s = if diff {
        format!(
            "would fix {} of {}: {}; {} would be left",
            t.changed,
            plural(t.files, "file"),
            plural(t.fixes, "fix"),
            findings
        )
    } else {
        format!(
            "fixed {} of {}: {} applied; {} left",
            t.changed,
            plural(t.files, "file"),
            plural(t.fixes, "fix"),
            findings
        )
    };
    if t.failed > 0 {
        s.push_str(&format!(
            "; {} could not be fixed",
            plural(t.failed, "file")
        ));
    }
    s
}
