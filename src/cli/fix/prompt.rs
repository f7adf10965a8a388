//! `mtlint fix --interactive`: show each fix and ask whether to apply it.
//! Works on any reader and writer, so it is tested without a terminal.

use std::io::{self, BufRead, Write};

use annotate_snippets::{AnnotationKind, Level, Renderer, Snippet};

use mtlint::fix::{Candidate, Planned};
use mtlint::{Edit, LineIndex, Severity};

/// An answer to "apply this fix?".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    /// Apply the diagnostic's fix with this index (0: the first).
    Apply(usize),
    /// Leave it.
    Skip,
    /// Apply this and every remaining fix in the file without asking.
    AllRemaining,
    /// Stop asking; keep what was accepted so far.
    Quit,
}

/// What the user accepted in one file.
pub struct Review<'a> {
    /// The fixes to apply.
    pub accepted: Vec<Planned<'a>>,
    /// Fixes not offered because they overlap an accepted one.
    pub overlapping: usize,
    /// The user quit.
    pub quit: bool,
}

/// Shows each of `offered` (fixes of `text`, in the order to ask) on `out`
/// and reads the answer from `input`. End of input counts as quit.
pub fn review<'a>(
    name: &str,
    text: &str,
    offered: &[Candidate<'a>],
    input: &mut dyn BufRead,
    out: &mut dyn Write,
    color: bool,
) -> io::Result<Review<'a>> {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    }
    .term_width(100);
    let index = LineIndex::new(text);
    let mut review = Review {
        accepted: Vec::new(),
        overlapping: 0,
        quit: false,
    };
    let mut all = false;
    for (n, c) in offered.iter().enumerate() {
        let Some(first) = Planned::new(text, *c) else {
            continue;
        };
        if review.accepted.iter().any(|a| a.conflicts_with(&first)) {
            review.overlapping += 1;
            continue;
        }
        if all {
            review.accepted.push(first);
            continue;
        }
        let d = c.diagnostic;
        let choices: Vec<String> = d
            .fixes
            .iter()
            .map(|f| describe_edits(text, &f.edits))
            .collect();
        writeln!(out, "\n[{}/{}]", n + 1, offered.len())?;
        out.write_all(show(&renderer, name, text, &index, *c, &choices).as_bytes())?;
        writeln!(out)?;
        match ask(input, out, choices.len())? {
            Answer::Apply(k) => {
                let chosen = d
                    .fixes
                    .get(k)
                    .and_then(|fix| Planned::new(text, Candidate { diagnostic: d, fix }));
                match chosen {
                    Some(p) if !review.accepted.iter().any(|a| a.conflicts_with(&p)) => {
                        review.accepted.push(p)
                    }
                    _ => writeln!(out, "that fix overlaps one accepted before; skipped")?,
                }
            }
            Answer::Skip => {}
            Answer::AllRemaining => {
                all = true;
                review.accepted.push(first);
            }
            Answer::Quit => {
                review.quit = true;
                break;
            }
        }
    }
    Ok(review)
}

/// The finding with its line, the span marked, and the fix (numbered
/// alternatives when there are several).
fn show(
    renderer: &Renderer,
    name: &str,
    text: &str,
    index: &LineIndex,
    c: Candidate<'_>,
    choices: &[String],
) -> String {
    let d = c.diagnostic;
    let line = index.line_of(d.span.start);
    let line_span = index.line_span(text, line);
    let source = text.get(line_span.start..line_span.end).unwrap_or("");
    let start = d
        .span
        .start
        .saturating_sub(line_span.start)
        .min(source.len());
    let end = d
        .span
        .end
        .min(line_span.end)
        .saturating_sub(line_span.start)
        .clamp(start, source.len());
    let level = match d.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::INFO,
    };
    let label = format!("{} fix", c.fix.applicability.as_str());
    let help = match choices {
        [one] => one.clone(),
        many => many
            .iter()
            .enumerate()
            .map(|(i, s)| format!("fix {}: {s}", i + 1))
            .collect::<Vec<_>>()
            .join("\n"),
    };
    let group = level
        .primary_title(d.message.as_str())
        .id(d.rule.as_ref())
        .element(
            Snippet::source(source)
                .line_start(line + 1)
                .path(name)
                .annotation(AnnotationKind::Primary.span(start..end).label(label)),
        )
        .element(Level::HELP.message(help));
    renderer.render(&[group])
}

/// "replace “Lawrow” with “Lavrov”", "delete “Share this⏎”", edits joined by "; ".
pub fn describe_edits(text: &str, edits: &[Edit]) -> String {
    let parts: Vec<String> = edits
        .iter()
        .map(|e| {
            let old = shorten(text.get(e.span.start..e.span.end).unwrap_or(""));
            let new = shorten(&e.replacement);
            match (old.is_empty(), new.is_empty()) {
                (_, true) => format!("delete “{old}”"),
                (true, false) => format!("insert “{new}”"),
                (false, false) => format!("replace “{old}” with “{new}”"),
            }
        })
        .collect();
    parts.join("; ")
}

/// Line breaks shown as ⏎, long texts cut in the middle.
fn shorten(s: &str) -> String {
    let shown: Vec<char> = s
        .replace("\r\n", "⏎")
        .replace(['\n', '\r'], "⏎")
        .chars()
        .collect();
    if shown.len() <= 70 {
        return shown.into_iter().collect();
    }
    let head: String = shown[..40].iter().collect();
    let tail: String = shown[shown.len() - 20..].iter().collect();
    format!("{head} … {tail}")
}

/// Asks until a valid answer comes; end of input is [`Answer::Quit`].
pub fn ask(input: &mut dyn BufRead, out: &mut dyn Write, choices: usize) -> io::Result<Answer> {
    let numbers = if choices > 1 {
        format!(", 1-{choices} to pick a fix")
    } else {
        String::new()
    };
    loop {
        write!(
            out,
            "Apply? [y]es, [n]o, [a]ll remaining in this file, [q]uit{numbers}: "
        )?;
        out.flush()?;
        let mut line = String::new();
        if input.read_line(&mut line)? == 0 {
            writeln!(out)?;
            return Ok(Answer::Quit);
        }
        if let Some(answer) = parse_answer(&line, choices) {
            return Ok(answer);
        }
        writeln!(
            out,
            "y: apply it  n: leave it  a: apply it and all remaining fixes in this file  q: stop, keeping what was accepted{}",
            if choices > 1 {
                "  1, 2, …: apply that alternative"
            } else {
                ""
            }
        )?;
    }
}

/// Reads one answer; `None` when it is not one.
pub fn parse_answer(line: &str, choices: usize) -> Option<Answer> {
    let a = line.trim().to_lowercase();
    match a.as_str() {
        "y" | "yes" => Some(Answer::Apply(0)),
        "n" | "no" => Some(Answer::Skip),
        "a" | "all" => Some(Answer::AllRemaining),
        "q" | "quit" => Some(Answer::Quit),
        _ => match a.parse::<usize>() {
            Ok(k) if (1..=choices).contains(&k) => Some(Answer::Apply(k - 1)),
            _ => None,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use mtlint::diagnostic::{Applicability, Category, Diagnostic, Fix};
    use mtlint::fix::{apply, candidates, FixMode};
    use mtlint::Span;

    fn diag(rule: &str, start: usize, end: usize, fixes: &[(&str, Applicability)]) -> Diagnostic {
        Diagnostic {
            rule: rule.into(),
            severity: Severity::Error,
            category: Category::NameFormat,
            span: Span::new(start, end),
            message: format!("message of {rule}"),
            fixes: fixes
                .iter()
                .map(|(r, a)| Fix::replace(Span::new(start, end), *r, *a))
                .collect(),
        }
    }

    const TEXT: &str = "Lawrow met Blinking in Riad.\nThe messages closed.\n";

    fn found() -> Vec<Diagnostic> {
        use Applicability::*;
        vec![
            diag("names/lavrov", 0, 6, &[("Lavrov", Safe)]),
            diag("names/blinken", 11, 19, &[("Blinken", Safe)]),
            diag("names/riyadh", 23, 27, &[("Riyadh", Safe)]),
            diag(
                "false-friends/messages",
                33,
                41,
                &[("embassies", NeedsReview), ("missions", NeedsReview)],
            ),
        ]
    }

    fn run(answers: &str) -> (String, String, bool) {
        let diags = found();
        let offered = candidates(&diags, FixMode::All);
        let mut out = Vec::new();
        let r = review(
            "a.txt",
            TEXT,
            &offered,
            &mut answers.as_bytes(),
            &mut out,
            false,
        )
        .expect("in-memory I/O");
        let fixed = apply(TEXT, &r.accepted).text;
        (fixed, String::from_utf8(out).expect("utf-8"), r.quit)
    }

    #[test]
    fn yes_no_and_alternatives() {
        let (fixed, shown, quit) = run("y\nn\nmaybe\ny\n2\n");
        assert_eq!(
            fixed,
            "Lavrov met Blinking in Riyadh.\nThe missions closed.\n"
        );
        assert!(!quit);
        // the finding, its line with the span marked, the rule and the fix
        assert!(shown.contains("error[names/lavrov]: message of names/lavrov"));
        assert!(shown.contains("a.txt:1:1"));
        assert!(shown.contains("1 | Lawrow met Blinking in Riad."));
        assert!(shown.contains("^^^^^^ safe fix"));
        assert!(shown.contains("help: replace “Lawrow” with “Lavrov”"));
        assert!(shown.contains("fix 2: replace “messages” with “missions”"));
        assert!(shown.contains("needs-review fix"));
        // an answer that is none of the choices gets the help and the question again
        assert!(shown.contains("y: apply it"));
        assert_eq!(shown.matches("Apply? [y]es").count(), 5);
    }

    #[test]
    fn all_remaining_and_quit() {
        let (fixed, shown, quit) = run("n\na\n");
        assert_eq!(
            fixed,
            "Lawrow met Blinken in Riyadh.\nThe embassies closed.\n"
        );
        assert!(!quit);
        assert_eq!(shown.matches("Apply?").count(), 2);
        let (fixed, _, quit) = run("y\nq\n");
        assert_eq!(
            fixed,
            "Lavrov met Blinking in Riad.\nThe messages closed.\n"
        );
        assert!(quit);
        // end of input quits, keeping what was accepted
        let (fixed, _, quit) = run("n\ny\n");
        assert_eq!(fixed, "Lawrow met Blinken in Riad.\nThe messages closed.\n");
        assert!(quit);
    }

    #[test]
    fn answers_are_read_leniently() {
        assert_eq!(parse_answer(" Y \n", 1), Some(Answer::Apply(0)));
        assert_eq!(parse_answer("quit", 1), Some(Answer::Quit));
        assert_eq!(parse_answer("2", 3), Some(Answer::Apply(1)));
        assert_eq!(parse_answer("4", 3), None);
        assert_eq!(parse_answer("2", 1), None);
        assert_eq!(parse_answer("", 1), None);
    }

    #[test]
    fn deletions_and_long_texts_are_described_briefly() {
        let text = format!("Share this\n{}", "x".repeat(100));
        let edits = [
            Edit {
                span: Span::new(0, 11),
                replacement: String::new(),
            },
            Edit {
                span: Span::new(11, 111),
                replacement: "y".into(),
            },
        ];
        let d = describe_edits(&text, &edits);
        assert!(d.starts_with("delete “Share this⏎”; replace “xxxx"), "{d}");
        assert!(d.contains(" … "), "{d}");
    }
}
