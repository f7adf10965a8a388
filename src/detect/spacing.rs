//! Spacing, punctuation and quote artifacts: "single -handedly", "long- term",
//! "Ukraine-but", "Paris , London", doubled spaces between words, „German quotes“.

use super::tokens::Token;
use super::{Context, Detector, DetectorInfo, DetectorSettings, Finding};
use crate::diagnostic::{Applicability, Category, Severity};
use crate::span::Span;

/// The detector's description and examples.
pub static INFO: DetectorInfo = DetectorInfo {
    name: "spacing",
    category: Category::Punctuation,
    severity: Severity::Warning,
    applicability: Applicability::Safe,
    summary: "a space, hyphen or quote mark the translation engine put in the wrong place",
    explain: "Looks at the characters between words. Flags a space before a hyphen inside a \
word (“single -handedly”, “U -turn”), a space after one (“long- term”; suspended compounds \
such as “pre- and post-war” stay silent), a word glued to a conjunction by a hyphen \
(“Ukraine-but” → “Ukraine – but”), a hyphen between spaces used as a dash (“talks - but”), \
a space before a comma, semicolon, colon, question or \
exclamation mark (“Paris , London”), two or more spaces between words, an accent typed for an apostrophe \
(“Bayern´s”), and German quotation marks („…“, »…«, ‚…‘) → “…”. `allow` lists flagged texts to leave alone.",
    bad: &[
        (
            "The Americans acted single -handedly.",
            Some("The Americans acted single-handedly."),
        ),
        (
            "Trump is now making the U -turn.",
            Some("Trump is now making the U-turn."),
        ),
        ("It is a long- term plan.", Some("It is a long-term plan.")),
        (
            "Putin is open to talks with Ukraine-but not without conditions.",
            Some("Putin is open to talks with Ukraine – but not without conditions."),
        ),
        (
            "Leaders from Paris , London and Rome met.",
            Some("Leaders from Paris, London and Rome met."),
        ),
        ("The  minister resigned.", Some("The minister resigned.")),
        (
            "Russia wants talks - but not now.",
            Some("Russia wants talks – but not now."),
        ),
        (
            "He called it „a mistake“ on Monday.",
            Some("He called it “a mistake” on Monday."),
        ),
        (
            "The motto was »never again« in Berlin.",
            Some("The motto was “never again” in Berlin."),
        ),
    ],
    good: &[
        "Pre- and post-war housing differ; 19th- and 20th-century art too.",
        "It was a U-turn, single-handedly made, on a long-term plan.",
        "Austria-Hungary collapsed; rock-and-roll survived. The vote was 5-4.",
        "He said: “No.” Then he left – quickly. Really? Yes!",
        "Ranges such as 10 - 20 are common in tables.",
        "The ratio was 3 : 1 in the final.",
    ],
};

/// Builds the detector.
pub fn build(_: &DetectorSettings) -> Box<dyn Detector> {
    Box::new(Spacing)
}

struct Spacing;

const CONJUNCTIONS: &[&str] = &["but", "however", "yet", "while", "whereas", "and", "or"];
const SUSPENDED: &[&str] = &["and", "or", "to", "nor", "as", "und"];

fn starts_lower(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_lowercase)
}

fn is_letters(s: &str) -> bool {
    s.chars().all(char::is_alphabetic)
}

impl Detector for Spacing {
    fn info(&self) -> &'static DetectorInfo {
        &INFO
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let text = cx.text();
        let t = &cx.tokens;
        for i in 0..t.len().saturating_sub(1) {
            let (a, b) = (&t[i], &t[i + 1]);
            let gap = text.get(a.span.end..b.span.start).unwrap_or("");
            if let Some(f) = hyphen_gap(text, t, i, gap).or_else(|| punctuation_gap(a, gap)) {
                out.push(f);
            } else if gap.len() >= 2
                && gap.chars().all(|c| c == ' ')
                && is_letters(a.text)
                && is_letters(b.text)
            {
                out.push(Finding {
                    span: Span::new(a.span.end, b.span.start),
                    message: "two or more spaces between words".into(),
                    suggestions: vec![" ".into()],
                });
            }
        }
        quotes(cx, out);
        accent_apostrophes(cx, out);
    }
}

fn hyphen_gap(text: &str, t: &[Token<'_>], i: usize, gap: &str) -> Option<Finding> {
    let (a, b) = (&t[i], &t[i + 1]);
    let joined = |sep: &str| format!("{}{sep}{}", a.text, b.text);
    let span = Span::new(a.span.start, b.span.end);
    if !is_letters(a.text) || !b.text.chars().next().is_some_and(char::is_alphabetic) {
        return None;
    }
    match gap {
        " -" => Some(Finding {
            span,
            message: format!(
                "space before the hyphen in “{}”",
                &text[span.start..span.end]
            ),
            suggestions: vec![joined("-")],
        }),
        "- " if starts_lower(b.text) && !SUSPENDED.contains(&b.text) => Some(Finding {
            span,
            message: format!(
                "space after the hyphen in “{}”",
                &text[span.start..span.end]
            ),
            suggestions: vec![joined("-")],
        }),
        "-" if CONJUNCTIONS.contains(&b.text) => {
            let c = t.get(i + 2)?;
            let after = text.get(b.span.end..c.span.start)?;
            (after == " " && starts_lower(c.text) && a.text.chars().count() > 1).then(|| Finding {
                span,
                message: format!(
                    "“{}” glues a word to a conjunction; a dash or comma belongs there",
                    &text[span.start..span.end]
                ),
                suggestions: vec![joined(" – "), format!("{}, {}", a.text, b.text)],
            })
        }
        " - " => Some(Finding {
            span: Span::new(a.span.end, b.span.start),
            message: "a hyphen between spaces stands for a dash; English news uses “–”".into(),
            suggestions: vec![" – ".into()],
        }),
        _ => None,
    }
}

fn punctuation_gap(a: &Token<'_>, gap: &str) -> Option<Finding> {
    let spaces = gap.len() - gap.trim_start_matches([' ', '\u{a0}']).len();
    if spaces == 0 || a.text.is_empty() {
        return None;
    }
    let rest = &gap[spaces..];
    let mark = rest.chars().next()?;
    let after = rest[mark.len_utf8()..].chars().next();
    let lone = after.is_none_or(|c| c == ' ' || c == '\n' || c == '\r');
    if !matches!(mark, ',' | ';' | '!' | '?') || !lone {
        return None;
    }
    let span = Span::new(a.span.end, a.span.end + spaces + mark.len_utf8());
    Some(Finding {
        span,
        message: format!("space before “{mark}”"),
        suggestions: vec![mark.to_string()],
    })
}

/// „…“ and »…« / «…» / ‚…‘ → “…” / ‘…’.
fn quotes(cx: &Context<'_>, out: &mut Vec<Finding>) {
    const PAIRS: &[(char, &[char], &str, &str)] = &[
        ('„', &['“', '”', '"'], "“", "”"),
        ('»', &['«'], "“", "”"),
        ('«', &['»'], "“", "”"),
        ('‚', &['‘', '’'], "‘", "’"),
    ];
    let text = cx.text();
    let mut covered = 0;
    for (region, hay) in cx.doc.region_texts() {
        for (i, c) in hay.char_indices() {
            let Some((_, closers, open, close)) = PAIRS.iter().find(|p| p.0 == c) else {
                continue;
            };
            let start = region.start + i;
            if start < covered {
                continue;
            }
            let body_start = start + c.len_utf8();
            let rest = text.get(body_start..).unwrap_or("");
            let line_end = rest.find('\n').unwrap_or(rest.len()).min(600);
            let window = rest.get(..line_end).unwrap_or("");
            let found = window.char_indices().find(|(_, ch)| closers.contains(ch));
            let (span, suggestion) = match found {
                Some((j, ch)) => {
                    let inner = &window[..j];
                    (
                        Span::new(start, body_start + j + ch.len_utf8()),
                        format!("{open}{inner}{close}"),
                    )
                }
                None => (Span::new(start, body_start), open.to_string()),
            };
            covered = span.end;
            out.push(Finding {
                span,
                message: "German quotation marks; English uses “…”".into(),
                suggestions: vec![suggestion],
            });
        }
    }
}

/// "Bayern´s", "don`t": an accent mark typed for the apostrophe between letters.
fn accent_apostrophes(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let t = &cx.tokens;
    for pair in t.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        let gap = cx.text().get(a.span.end..b.span.start).unwrap_or("");
        if matches!(gap, "´" | "`") && b.text.chars().all(char::is_lowercase) && b.text.len() <= 2
        {
            out.push(Finding {
                span: Span::new(a.span.end, b.span.start),
                message: format!("“{gap}” is an accent, not an apostrophe"),
                suggestions: vec!["’".into()],
            });
        }
    }
}
