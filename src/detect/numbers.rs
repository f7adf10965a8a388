//! Numbers, dates, times and currency in German form: "7,8 percent",
//! "4.500 people", "1,9 Mrd. Euro", "3. October 1990", "14.30 Uhr".

use super::tokens::Token;
use super::{Context, Detector, DetectorInfo, DetectorSettings, Finding};
use crate::diagnostic::{Applicability, Category, Severity};
use crate::span::Span;

/// The detector's description and examples.
pub static INFO: DetectorInfo = DetectorInfo {
    name: "numbers",
    category: Category::NumberFormat,
    severity: Severity::Warning,
    applicability: Applicability::NeedsReview,
    summary: "a number, date, time or amount in German form",
    explain: "Reads the digits of the text with the word after them. Flags a decimal comma \
before a unit or magnitude (“7,8 percent” → “7.8 percent”), thousands dots before a count or \
currency (“4.500 people” → “4,500 people”), the German abbreviations “Mio.” and “Mrd.” after \
a number, a day-first ordinal date (“on 3. October 1990” → “October 3, 1990”), a clock time \
with “Uhr” (“14.30 Uhr” → “14:30”) and a capitalised “Euro” after an amount (“5 billion \
Euro” → “5 billion euros”). Well-formed English numbers, version numbers, times, scores and \
IP addresses are never touched: a comma is only read as a decimal comma when one or two \
digits follow it and a unit comes next, a dot only as a thousands separator before a count \
noun, and a date only after a preposition, article or weekday.",
    bad: &[
        (
            "Inflation fell to 7,8 percent.",
            Some("Inflation fell to 7.8 percent."),
        ),
        (
            "Some 4.500 people were evacuated.",
            Some("Some 4,500 people were evacuated."),
        ),
        (
            "The fund has 1,9 Mrd. Euro.",
            Some("The fund has 1.9 billion euros."),
        ),
        (
            "Germany reunited on 3. October 1990.",
            Some("Germany reunited on October 3, 1990."),
        ),
        (
            "The session starts at 14.30 Uhr in Berlin.",
            Some("The session starts at 14:30 in Berlin."),
        ),
        (
            "The debt rose by 12.000.000 euros.",
            Some("The debt rose by 12,000,000 euros."),
        ),
    ],
    good: &[
        "Inflation fell to 7.8 percent; 4,500 people and 1,234,567 voters.",
        "Version 2.4.1 fixed it; the router at 192.168.0.1 restarted at 14:30.",
        "The ratio was 0.500 for years; release 1.250 adds features; a 3.125 kilometre run.",
        "They won 3-1 and 6-4, 7-5; chapters 1, 2 and 3.",
        "Prices rose 3.5 percent. October was calm.",
        "He scored 12. March will be busy.",
        "The match starts at 6 o'clock; the clock showed 18.30 later.",
        "It cost 1.9 billion euros, or 2 million dollars.",
    ],
};

/// Builds the detector.
pub fn build(_: &DetectorSettings) -> Box<dyn Detector> {
    Box::new(Numbers)
}

struct Numbers;

const UNITS: &[&str] = &[
    "percent",
    "per",
    "percentage",
    "million",
    "billion",
    "trillion",
    "mio",
    "mrd",
    "euro",
    "euros",
    "eur",
    "dollar",
    "dollars",
    "usd",
    "pound",
    "pounds",
    "francs",
    "rubles",
    "roubles",
    "degree",
    "degrees",
    "kilometre",
    "kilometres",
    "kilometer",
    "kilometers",
    "km",
    "kilogram",
    "kilograms",
    "kg",
    "tonne",
    "tonnes",
    "tons",
    "metre",
    "metres",
    "meter",
    "meters",
    "hours",
    "minutes",
    "points",
    "cents",
    "litres",
    "liters",
    "hectares",
    "seconds",
    "prozent",
    "grad",
    "times",
];

const COUNTS: &[&str] = &[
    "people",
    "persons",
    "soldiers",
    "troops",
    "residents",
    "inhabitants",
    "citizens",
    "jobs",
    "employees",
    "workers",
    "staff",
    "refugees",
    "migrants",
    "deaths",
    "dead",
    "victims",
    "cases",
    "homes",
    "households",
    "houses",
    "apartments",
    "flats",
    "members",
    "votes",
    "voters",
    "visitors",
    "participants",
    "students",
    "children",
    "patients",
    "protesters",
    "demonstrators",
    "police",
    "officers",
    "euros",
    "euro",
    "dollars",
    "francs",
    "pounds",
    "rubles",
    "tonnes",
    "tons",
    "kilometres",
    "kilometers",
    "vehicles",
    "cars",
    "flights",
    "passengers",
    "companies",
    "firms",
    "signatures",
    "spectators",
    "fans",
    "units",
    "prisoners",
    "hostages",
    "civilians",
    "square",
];

const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

const DATE_LEADS: &[&str] = &[
    "on",
    "since",
    "from",
    "until",
    "till",
    "to",
    "by",
    "the",
    "of",
    "before",
    "after",
    "between",
    "and",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "as",
    "at",
    "for",
    "until",
    "through",
];

fn digits(t: &Token<'_>, min: usize, max: usize) -> bool {
    let n = t.text.len();
    (min..=max).contains(&n) && t.text.bytes().all(|b| b.is_ascii_digit())
}

fn gap<'a>(text: &'a str, a: &Token<'_>, b: &Token<'_>) -> &'a str {
    text.get(a.span.end..b.span.start).unwrap_or("\n")
}

/// The gap before token `i` does not continue a number ("1.234,5", "2.4.1").
fn starts_number(text: &str, t: &[Token<'_>], i: usize) -> bool {
    i == 0 || {
        let g = gap(text, &t[i - 1], &t[i]);
        !(matches!(g, "." | "," | ":" | "-" | "/") && digits(&t[i - 1], 1, 12))
    }
}

impl Detector for Numbers {
    fn info(&self) -> &'static DetectorInfo {
        &INFO
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let text = cx.text();
        let t = &cx.tokens;
        let mut covered = 0;
        for i in 0..t.len() {
            if t[i].span.start < covered {
                continue;
            }
            let found = decimal_comma(text, t, i)
                .or_else(|| thousands_dots(text, t, i))
                .or_else(|| ordinal_date(text, t, i))
                .or_else(|| uhr_time(text, t, i))
                .or_else(|| german_unit(text, t, i));
            if let Some(f) = found {
                covered = f.span.end;
                out.push(f);
            }
        }
    }
}

/// "7,8 percent" (and "7,8 %").
fn decimal_comma(text: &str, t: &[Token<'_>], i: usize) -> Option<Finding> {
    let (a, b) = (t.get(i)?, t.get(i + 1)?);
    if !digits(a, 1, 3) || !digits(b, 1, 2) || gap(text, a, b) != "," || !starts_number(text, t, i)
    {
        return None;
    }
    let after = text.get(b.span.end..).unwrap_or("");
    let unit_next = t.get(i + 2).is_some_and(|u| {
        matches!(gap(text, b, u), " " | "\u{a0}") && UNITS.contains(&u.text.to_lowercase().as_str())
    });
    let percent_next =
        after.starts_with('%') || after.starts_with(" %") || after.starts_with("\u{a0}%");
    if !(unit_next || percent_next) {
        return None;
    }
    // a following ",ddd" means an English thousands group ("1,25" is not "1,250")
    if after.starts_with(',') {
        return None;
    }
    let span = Span::new(a.span.start, b.span.end);
    Some(Finding {
        span,
        message: format!(
            "“{}” has a German decimal comma",
            &text[span.start..span.end]
        ),
        suggestions: vec![format!("{}.{}", a.text, b.text)],
    })
}

/// "4.500 people", "12.000.000 euros".
fn thousands_dots(text: &str, t: &[Token<'_>], i: usize) -> Option<Finding> {
    let a = t.get(i)?;
    if !digits(a, 1, 3) || !starts_number(text, t, i) {
        return None;
    }
    let mut j = i + 1;
    while j < t.len() && gap(text, &t[j - 1], &t[j]) == "." && digits(&t[j], 3, 3) {
        j += 1;
    }
    let groups = j - i - 1;
    let next = t.get(j)?;
    let last = &t[j - 1];
    let g = gap(text, last, next);
    if groups == 0
        || !matches!(g, " " | "\u{a0}")
        || !COUNTS.contains(&next.text.to_lowercase().as_str())
    {
        return None;
    }
    let span = Span::new(a.span.start, last.span.end);
    let number = &text[span.start..span.end];
    Some(Finding {
        span,
        message: format!("“{number}” uses German thousands dots"),
        suggestions: vec![number.replace('.', ",")],
    })
}

/// "on 3. October 1990" → "October 3, 1990".
fn ordinal_date(text: &str, t: &[Token<'_>], i: usize) -> Option<Finding> {
    let (day, month) = (t.get(i)?, t.get(i + 1)?);
    if !digits(day, 1, 2) || gap(text, day, month) != ". " || !MONTHS.contains(&month.text) {
        return None;
    }
    let n: u32 = day.text.parse().ok()?;
    if !(1..=31).contains(&n) {
        return None;
    }
    let lead_ok = match i.checked_sub(1).map(|p| &t[p]) {
        None => true,
        Some(p) => {
            let g = gap(text, p, day);
            (g.trim().is_empty() && DATE_LEADS.contains(&p.text))
                || g.ends_with('(')
                || (g.trim() == "," && DATE_LEADS.contains(&p.text))
        }
    };
    if !lead_ok {
        return None;
    }
    let year = t.get(i + 2).filter(|y| {
        gap(text, month, y) == " "
            && digits(y, 4, 4)
            && (y.text.starts_with("19") || y.text.starts_with("20"))
    });
    let end = year.map_or(month.span.end, |y| y.span.end);
    let span = Span::new(day.span.start, end);
    let (us, uk) = match year {
        Some(y) => (
            format!("{} {}, {}", month.text, n, y.text),
            format!("{} {} {}", n, month.text, y.text),
        ),
        None => (
            format!("{} {}", month.text, n),
            format!("{} {}", n, month.text),
        ),
    };
    Some(Finding {
        span,
        message: format!("“{}” is the German date order", &text[span.start..span.end]),
        suggestions: vec![us, uk],
    })
}

/// "14.30 Uhr", "14:30 Uhr", "18 Uhr" → "14:30", "18:00".
fn uhr_time(text: &str, t: &[Token<'_>], i: usize) -> Option<Finding> {
    let h = t.get(i)?;
    if !digits(h, 1, 2) || !starts_number(text, t, i) {
        return None;
    }
    let (minutes, uhr_at) = match t.get(i + 1) {
        Some(m) if matches!(gap(text, h, m), "." | ":") && digits(m, 2, 2) => (m.text, i + 2),
        _ => ("00", i + 1),
    };
    let uhr = t.get(uhr_at)?;
    // "Uhr", or the engine's literal "clock" (not "o'clock")
    if !matches!(uhr.text, "Uhr" | "clock") || gap(text, &t[uhr_at - 1], uhr) != " " {
        return None;
    }
    let hour: u32 = h.text.parse().ok()?;
    if hour > 24 {
        return None;
    }
    let span = Span::new(h.span.start, uhr.span.end);
    Some(Finding {
        span,
        message: format!("“{}” is a German clock time", &text[span.start..span.end]),
        suggestions: vec![format!("{hour:02}:{minutes}")],
    })
}

/// "1,9 Mrd." / "3 Mio." / "5 billion Euro" after a number.
fn german_unit(text: &str, t: &[Token<'_>], i: usize) -> Option<Finding> {
    let w = t.get(i)?;
    let prev = t.get(i.checked_sub(1)?)?;
    let g = gap(text, prev, w);
    if g != " " && !(g == ". " && matches!(prev.text, "Mio" | "Mrd")) {
        return None;
    }
    let after_number = digits(prev, 1, 3)
        || (matches!(
            prev.text,
            "million" | "billion" | "trillion" | "Mio" | "Mrd"
        ) && i >= 2
            && digits(&t[i - 2], 1, 3));
    if !after_number {
        return None;
    }
    let one = prev.text == "1";
    let (replacement, what) = match w.text {
        "Mio" => ("million", "German abbreviation for million"),
        "Mrd" => ("billion", "German abbreviation for billion (Milliarden)"),
        "Euro" | "EUR" if !one => (
            "euros",
            "English writes the currency in lowercase, plural after amounts",
        ),
        "Euro" if one => ("euro", "English writes the currency in lowercase"),
        _ => return None,
    };
    let mut end = w.span.end;
    if matches!(w.text, "Mio" | "Mrd") && text.get(end..).is_some_and(|r| r.starts_with('.')) {
        // the abbreviation's dot, unless it also ends the sentence
        let ends_sentence = t.get(i + 1).is_none_or(|n| {
            n.is_capitalised() && !matches!(n.text, "Euro" | "EUR" | "Dollar" | "US")
        });
        if !ends_sentence {
            end += 1;
        }
    }
    let span = Span::new(w.span.start, end);
    Some(Finding {
        span,
        message: format!("“{}”: {what}", &text[span.start..span.end]),
        suggestions: vec![replacement.to_string()],
    })
}
