//! Repetition: doubled words, a word repeated around a preposition, a phrase
//! said twice in a row, and a time expression said twice in one sentence.

use super::tokens::Token;
use super::{Context, Detector, DetectorInfo, DetectorSettings, Finding};
use crate::diagnostic::{Applicability, Category, Severity};
use crate::span::Span;

/// The detector's description and examples.
pub static INFO: DetectorInfo = DetectorInfo {
    name: "repetition",
    category: Category::Repetition,
    severity: Severity::Warning,
    applicability: Applicability::Safe,
    summary: "a word or phrase the translation engine wrote twice",
    explain: "Finds doubled words (“the the”), a word repeated around a preposition \
(“spoke to Putin with Putin”, “his powers of powers”, “a dimension of a dimension”), a \
phrase of two or more words repeated at once (“than a year earlier, than a year earlier”) \
and a time expression said twice in one sentence (“about a month ago … around a month \
ago”). The fix deletes the copy. Doublings that English uses on purpose stay silent: \
“had had”, “that that”, “sworn in in”, “face to face”, “little by little”, “fight fire \
with fire”, names such as “Boutros Boutros-Ghali” or “Walla Walla”. `allow` adds your own \
(the flagged text, e.g. \"Duran Duran\").",
    bad: &[
        (
            "Talks in in Istanbul resumed.",
            Some("Talks in Istanbul resumed."),
        ),
        (
            "Biden last spoke to Putin with Putin in February.",
            Some("Biden last spoke to Putin in February."),
        ),
        (
            "Her powers of powers are still in force.",
            Some("Her powers are still in force."),
        ),
        (
            "It was a dimension of a dimension never seen before.",
            Some("It was a dimension never seen before."),
        ),
        (
            "Prices were higher than a year earlier, than a year earlier in May.",
            Some("Prices were higher than a year earlier in May."),
        ),
        (
            "He changed course about a month ago with his office around a month ago.",
            Some("He changed course about a month ago with his office."),
        ),
    ],
    good: &[
        "What he had had in mind was never clear.",
        "She said that that plan would fail.",
        "The new ministers were sworn in in Berlin on Tuesday.",
        "They met face to face and worked side by side, little by little, day after day.",
        "You cannot fight fire with fire.",
        "Boutros Boutros-Ghali visited Walla Walla.",
        "Prices rose a year ago and fell a month ago.",
        "Two years ago he was minister; two years ago she was in school.",
    ],
};

/// Words English doubles on purpose ("had had", "that that").
const DOUBLE_OK: &[&str] = &[
    "had", "that", "is", "do", "bye", "very", "so", "no", "now", "there", "tut", "chop", "ha",
    "hear", "knock", "boutros", "lang", "walla", "bora", "pago", "wagga", "sirhan", "sing",
    "duran", "mahi", "tom", "dum", "yada", "blah", "yes", "well", "ooh", "oh", "far", "long",
    "more", "many", "really", "too", "away", "round", "on", "over", "bla", "kiss", "cha", "din",
    "pom", "win", "can", "go", "knock", "night", "tsk",
];

/// Verbs whose particle "in" may be followed by the preposition "in".
const IN_PARTICLE_VERBS: &[&str] = &[
    "sworn",
    "swear",
    "swearing",
    "checked",
    "check",
    "checking",
    "logged",
    "log",
    "moved",
    "move",
    "moving",
    "phased",
    "fenced",
    "locked",
    "lock",
    "hemmed",
    "boxed",
    "weighed",
    "weigh",
    "chipped",
    "chip",
    "cashed",
    "filled",
    "fill",
    "handed",
    "hand",
    "tuned",
    "tune",
    "built",
    "sunk",
    "set",
    "dug",
    "called",
    "plugged",
    "pitched",
    "kicked",
    "zeroed",
    "signed",
    "clocked",
    "dropped",
    "broke",
    "broken",
    "brought",
    "let",
    "give",
    "gave",
    "given",
    "gives",
    "giving",
    "stay",
    "stayed",
    "stays",
    "sat",
    "sit",
    "factored",
    "tucked",
    "reined",
    "roped",
    "pencilled",
    "penciled",
    "walled",
    "caved",
    "ushered",
    "chimed",
    "fit",
    "fitted",
    "joined",
    "fill",
    "sink",
    "settle",
    "settled",
    "settling",
    "moved",
    "took",
    "taken",
    "take",
    "takes",
    "taking",
    "came",
    "come",
    "comes",
    "coming",
    "went",
    "go",
    "goes",
    "going",
    "stepped",
    "step",
    "stepping",
    "got",
    "get",
    "gets",
    "getting",
    "kept",
    "keep",
    "keeps",
    "lived",
    "live",
    "believe",
    "believed",
    "believes",
    "trust",
    "trusted",
    "invest",
    "invested",
    "investing",
    "engaged",
    "involved",
    "interested",
    "born",
    "dressed",
    "rolled",
    "poured",
    "flooded",
    "flew",
    "flown",
    "fly",
    "flies",
    "arrived",
    "arrive",
    "arrives",
    "dropping",
    "calling",
    "pitching",
    "chipping",
    "tuning",
];

/// Prepositions around which a repeated word is an artifact (X of X, X with X …).
const PREPOSITIONS: &[&str] = &["of", "with", "in", "at", "from", "on", "for"];

/// X-prep-X phrases English uses ("fire with fire", "King of Kings", "word for word").
const PREP_OK: &[&str] = &[
    "fire with fire",
    "like with like",
    "force with force",
    "violence with violence",
    "kindness with kindness",
    "king of kings",
    "song of songs",
    "heart of hearts",
    "lord of lords",
    "word for word",
    "eye for eye",
    "tooth for tooth",
    "man for man",
    "dollar for dollar",
    "pound for pound",
    "euro for euro",
    "like for like",
    "blow for blow",
    "point for point",
    "line for line",
    "arm in arm",
    "hand in hand",
    "time in time",
    "year on year",
    "month on month",
    "quarter on quarter",
    "week on week",
    "day on day",
    "layer on layer",
    "head on head",
    "time of times",
    "game of games",
    "book of books",
    "holy of holies",
    "hands with hands",
    "state in state",
    "one on one",
    "two on two",
];

/// Articles that may stand before both copies ("a dimension of a dimension").
const ARTICLES: &[&str] = &[
    "a", "an", "the", "this", "that", "his", "her", "its", "their", "our",
];

/// Numbers and units of time expressions ("a month ago").
const TIME_UNITS: &[&str] = &[
    "second",
    "seconds",
    "minute",
    "minutes",
    "hour",
    "hours",
    "day",
    "days",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
    "decade",
    "decades",
    "century",
    "centuries",
];
const TIME_HEDGES: &[&str] = &[
    "about",
    "around",
    "some",
    "roughly",
    "nearly",
    "almost",
    "approximately",
    "barely",
    "just",
    "only",
    "over",
    "more",
    "than",
    "less",
    "exactly",
    "precisely",
];

/// Builds the detector.
pub fn build(_: &DetectorSettings) -> Box<dyn Detector> {
    Box::new(Repetition)
}

struct Repetition;

impl Detector for Repetition {
    fn info(&self) -> &'static DetectorInfo {
        &INFO
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let text = cx.text();
        let t = &cx.tokens;
        let lower: Vec<String> = t.iter().map(|w| w.text.to_lowercase()).collect();
        let mut covered_until = 0usize;
        for i in 0..t.len() {
            if t[i].span.start < covered_until {
                continue;
            }
            let found = repeated_phrase(text, t, &lower, i)
                .or_else(|| word_prep_word(text, t, &lower, i))
                .or_else(|| doubled_word(text, t, &lower, i));
            if let Some(f) = found {
                covered_until = f.span.end;
                out.push(f);
            }
        }
        time_phrase_twice(text, t, &lower, out);
    }
}

/// Only spaces (and, if `comma`, one comma) between two byte offsets.
fn gap_is_space(text: &str, from: usize, to: usize, comma: bool) -> bool {
    let gap = text.get(from..to).unwrap_or("x");
    !gap.is_empty()
        && gap
            .chars()
            .all(|c| c == ' ' || c == '\u{a0}' || (comma && c == ','))
        && gap.matches(',').count() <= 1
}

fn delete_copy(text: &str, keep_end: usize, copy_end: usize, what: &str) -> Finding {
    let span = Span::new(keep_end, copy_end);
    let copy = text
        .get(keep_end..copy_end)
        .unwrap_or("")
        .trim_start_matches([' ', ',']);
    Finding {
        span,
        message: format!("“{copy}” repeats {what}; delete the copy"),
        suggestions: vec![String::new()],
    }
}

fn doubled_word(text: &str, t: &[Token<'_>], lower: &[String], i: usize) -> Option<Finding> {
    let next = t.get(i + 1)?;
    if lower[i] != lower[i + 1]
        || !gap_is_space(text, t[i].span.end, next.span.start, false)
        || DOUBLE_OK.contains(&lower[i].as_str())
        || lower[i].chars().all(|c| c.is_ascii_digit())
    {
        return None;
    }
    // a name followed by its hyphenated second part ("Boutros Boutros-Ghali")
    if text[next.span.end..].starts_with('-') {
        return None;
    }
    if lower[i] == "in" && i > 0 && IN_PARTICLE_VERBS.contains(&lower[i - 1].as_str()) {
        return None;
    }
    let span = Span::new(t[i].span.start, next.span.end);
    Some(Finding {
        span,
        message: format!("“{}” is written twice", t[i].text),
        suggestions: vec![t[i].text.to_string()],
    })
}

/// X prep X, or ART X prep ART X.
fn word_prep_word(text: &str, t: &[Token<'_>], lower: &[String], i: usize) -> Option<Finding> {
    let with_article = ARTICLES.contains(&lower[i].as_str());
    let n = if with_article { 2 } else { 1 };
    let prep = i + n;
    let second = prep + 1;
    if t.len() < second + n || !PREPOSITIONS.contains(&lower.get(prep)?.as_str()) {
        return None;
    }
    let same = (0..n).all(|k| lower[i + k] == lower[second + k]);
    let head = &lower[i + n - 1];
    if !same || head.chars().count() < 2 || !head.chars().any(char::is_alphabetic) {
        return None;
    }
    let phrase = format!("{head} {} {head}", lower[prep]);
    if PREP_OK.contains(&phrase.as_str()) {
        return None;
    }
    let all_spaced =
        (i..second + n - 1).all(|k| gap_is_space(text, t[k].span.end, t[k + 1].span.start, false));
    if !all_spaced || t[i].sentence != t[second + n - 1].sentence {
        return None;
    }
    let start = t[i].span.start;
    let keep_end = t[i + n - 1].span.end;
    let end = t[second + n - 1].span.end;
    let kept = &text[start..keep_end];
    Some(Finding {
        span: Span::new(start, end),
        message: format!(
            "“{}” repeats “{kept}” around “{}”",
            &text[start..end],
            t[prep].text
        ),
        suggestions: vec![kept.to_string()],
    })
}

/// A phrase of 2–8 words followed at once by itself (spaces or one comma between).
fn repeated_phrase(text: &str, t: &[Token<'_>], lower: &[String], i: usize) -> Option<Finding> {
    for n in (2..=8).rev() {
        if i + 2 * n > t.len() {
            continue;
        }
        if (0..n).any(|k| lower[i + k] != lower[i + n + k]) {
            continue;
        }
        let letters: usize = (0..n).map(|k| lower[i + k].chars().count()).sum();
        if letters < 8 || t[i].sentence != t[i + 2 * n - 1].sentence {
            continue;
        }
        let inner_ok = (i..i + 2 * n - 1)
            .all(|k| gap_is_space(text, t[k].span.end, t[k + 1].span.start, k == i + n - 1));
        if !inner_ok {
            continue;
        }
        return Some(delete_copy(
            text,
            t[i + n - 1].span.end,
            t[i + 2 * n - 1].span.end,
            "the words before it",
        ));
    }
    None
}

/// The span of a time expression ending in "ago" whose last word is token `ago`:
/// (hedge) (number) unit ago. Returns (first token index, unit).
fn time_expression(lower: &[String], ago: usize) -> Option<(usize, &str)> {
    if lower[ago] != "ago" || ago < 2 {
        return None;
    }
    let unit = lower[ago - 1].as_str();
    if !TIME_UNITS.contains(&unit) {
        return None;
    }
    // the number ("a", "two", "3") or a hedge ("some weeks ago")
    let mut first = ago - 2;
    while first > 0 && TIME_HEDGES.contains(&lower[first - 1].as_str()) {
        first -= 1;
    }
    Some((first, unit.trim_end_matches('s')))
}

/// "about a month ago … around a month ago" in one sentence: delete the second.
fn time_phrase_twice(text: &str, t: &[Token<'_>], lower: &[String], out: &mut Vec<Finding>) {
    let mut seen: Vec<(u32, String, String)> = Vec::new();
    for ago in 0..t.len() {
        let Some((first, unit)) = time_expression(lower, ago) else {
            continue;
        };
        let number = lower[ago - 2].clone();
        let key = (t[ago].sentence, unit.to_string(), number);
        if seen.contains(&key) {
            let start = text[..t[first].span.start]
                .trim_end_matches([' ', ','])
                .len();
            let span = Span::new(start, t[ago].span.end);
            out.push(Finding {
                span,
                message: format!(
                    "“{}” says the same time twice in one sentence; delete the second",
                    &text[t[first].span.start..t[ago].span.end]
                ),
                suggestions: vec![String::new()],
            });
        } else {
            seen.push(key);
        }
    }
}
