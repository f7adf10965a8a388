//! Word-level text helpers shared by the matchers: boundaries, case, inflection.

use crate::span::{ceil_char_boundary, floor_char_boundary};

/// True for characters that make up words (letters and digits).
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// True when `text[start..end]` is not glued to word characters on either side.
pub fn is_whole_word(text: &str, start: usize, end: usize) -> bool {
    let before = text.get(..start).and_then(|s| s.chars().next_back());
    let after = text.get(end..).and_then(|s| s.chars().next());
    !before.is_some_and(is_word_char) && !after.is_some_and(is_word_char)
}

/// How the capitalisation of a literal entry must match the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CaseMode {
    /// Lowercase entries also match Capitalised, Title Case and ALL-CAPS text;
    /// entries with a capital letter match exactly.
    #[default]
    Smart,
    /// Only exactly as written.
    Exact,
    /// Any capitalisation.
    Any,
}

/// `entry` with its first character uppercased.
pub fn capitalize_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Does byte `pos` of `text` begin a sentence (only quotes, brackets and
/// spaces since the start of the text, a line break, or `.` `!` `?`)?
pub fn starts_sentence(text: &str, pos: usize) -> bool {
    let before = text.get(..pos).unwrap_or("");
    let trimmed = before.trim_end_matches(|c: char| c.is_whitespace() || "\"'“‘„«»([".contains(c));
    if trimmed.is_empty() || before[trimmed.len()..].contains('\n') {
        return true;
    }
    if trimmed.ends_with(['!', '?']) {
        return true;
    }
    let Some(head) = trimmed.strip_suffix('.') else {
        return false;
    };
    // an abbreviation's period does not end a sentence ("1,9 Mrd. Euro", "Mr. Lawrow")
    let word: String = head
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic())
        .collect();
    let word: String = word.chars().rev().collect();
    !(word.chars().count() == 1
        || [
            "Mio", "Mrd", "Tsd", "Nr", "ca", "bzw", "usw", "Mr", "Mrs", "Ms", "Dr", "St", "Prof",
            "Gen", "vs",
        ]
        .contains(&word.as_str()))
}

/// Words a headline keeps in lowercase unless they come first.
const SMALL_WORDS: &[&str] = &[
    "a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "with",
];

/// Headline capitalisation: every word capitalised except small words after the first.
pub fn title_case(s: &str) -> String {
    s.split(' ')
        .enumerate()
        .map(|(i, w)| {
            if i > 0 && SMALL_WORDS.contains(&w) {
                w.to_string()
            } else {
                capitalize_first(w)
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Carries the capitalisation of `found` over to `replacement`: a capitalised
/// match gets a capitalised replacement, an ALL-CAPS one an ALL-CAPS replacement.
/// A replacement is never lowercased.
pub fn transfer_case(found: &str, replacement: &str) -> String {
    let letters: Vec<char> = found.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() > 1 && letters.iter().all(|c| c.is_uppercase()) {
        return replacement.to_uppercase();
    }
    if found.chars().next().is_some_and(char::is_uppercase) {
        return capitalize_first(replacement);
    }
    replacement.to_string()
}

/// The replacement for `found`, a match of `entry`: when the text capitalises
/// an entry written in lowercase, the replacement is capitalised the same way;
/// at the start of a sentence (`sentence_start`) it is capitalised too
/// ("Einsatzkräfte searched" → "Emergency services searched").
pub fn adapt_case(entry: &str, found: &str, replacement: &str, sentence_start: bool) -> String {
    if entry != found {
        transfer_case(found, replacement)
    } else if sentence_start && found.chars().next().is_some_and(char::is_uppercase) {
        capitalize_first(replacement)
    } else {
        replacement.to_string()
    }
}

/// Up to `n` words right before byte `pos`, in text order.
pub fn words_before(text: &str, pos: usize, n: usize) -> Vec<&str> {
    let mut out = Vec::new();
    let head = text.get(..pos).unwrap_or("");
    let mut end = head.len();
    let mut iter = head.char_indices().rev().peekable();
    while out.len() < n {
        // skip separators
        while let Some(&(i, c)) = iter.peek() {
            if is_word_char(c) {
                end = i + c.len_utf8();
                break;
            }
            iter.next();
        }
        if iter.peek().is_none() {
            break;
        }
        let mut start = end;
        while let Some(&(i, c)) = iter.peek() {
            if !is_word_char(c) {
                break;
            }
            start = i;
            iter.next();
        }
        out.push(&head[start..end]);
    }
    out.reverse();
    out
}

/// Up to `n` words right after byte `pos`, in text order.
pub fn words_after(text: &str, pos: usize, n: usize) -> Vec<&str> {
    text.get(pos..)
        .unwrap_or("")
        .split(|c: char| !is_word_char(c))
        .filter(|w| !w.is_empty())
        .take(n)
        .collect()
}

/// Abbreviations whose final period does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "gen", "lt", "col", "sgt", "jr", "sr", "prof", "no", "vs", "co",
    "inc", "ltd", "corp", "gov", "sen", "rep", "rev", "capt", "maj", "adm", "cmdr", "dept",
    "approx", "est", "fig", "mt", "ft",
];

/// Does the separator `sep` (the non-word text after `word`) end a sentence or clause?
fn ends_sentence(sep: &str, word: Option<&str>) -> bool {
    if sep.contains(['\n', '!', '?', ';', ':']) {
        return true;
    }
    sep.contains('.')
        && !word.is_some_and(|w| {
            w.chars().count() == 1 || ABBREVIATIONS.contains(&w.to_lowercase().as_str())
        })
}

/// Byte ranges of the words of `text`.
fn word_ranges(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (is_word_char(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    out
}

/// Up to `n` words right before byte `pos`, in text order, not reaching back
/// past the end of the previous sentence or clause.
pub fn words_before_in_sentence(text: &str, pos: usize, n: usize) -> Vec<&str> {
    let pos = floor_char_boundary(text, pos);
    let lo = floor_char_boundary(text, pos.saturating_sub(64 * n + 64));
    let slice = &text[lo..pos];
    let mut out = Vec::new();
    let mut right = slice.len();
    for &(s, e) in word_ranges(slice).iter().rev() {
        if out.len() == n || ends_sentence(&slice[e..right], Some(&slice[s..e])) {
            break;
        }
        out.push(&slice[s..e]);
        right = s;
    }
    out.reverse();
    out
}

/// Up to `n` words right after byte `pos`, not reaching past the end of the
/// sentence or clause.
pub fn words_after_in_sentence(text: &str, pos: usize, n: usize) -> Vec<&str> {
    let pos = floor_char_boundary(text, pos);
    let hi = ceil_char_boundary(text, pos + 64 * n + 64);
    let slice = &text[pos..hi];
    let mut prev = words_before(text, pos, 1).pop();
    let mut out = Vec::new();
    let mut left = 0;
    for (s, e) in word_ranges(slice) {
        if out.len() == n || ends_sentence(&slice[left..s], prev) {
            break;
        }
        out.push(&slice[s..e]);
        prev = Some(&slice[s..e]);
        left = e;
    }
    out
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u')
}

fn vowel_groups(word: &str) -> usize {
    let mut groups = 0;
    let mut prev = false;
    for c in word.chars() {
        let v = is_vowel(c.to_ascii_lowercase()) || c == 'y';
        if v && !prev {
            groups += 1;
        }
        prev = v;
    }
    groups
}

/// One-syllable consonant-vowel-consonant words double their last consonant (stop → stopped).
fn doubles_final(word: &str) -> bool {
    let chars: Vec<char> = word.chars().collect();
    let n = chars.len();
    if n < 3 || vowel_groups(word) != 1 {
        return false;
    }
    let (a, b, c) = (chars[n - 3], chars[n - 2], chars[n - 1]);
    !is_vowel(a) && is_vowel(b) && !is_vowel(c) && !matches!(c, 'w' | 'x' | 'y')
}

/// Regular English plural / third-person form: peak → peaks, embassy → embassies.
pub fn plural(word: &str) -> String {
    let lower = word.to_lowercase();
    let ends_consonant_y = lower.ends_with('y')
        && lower
            .chars()
            .rev()
            .nth(1)
            .is_some_and(|c| !is_vowel(c) && c.is_alphabetic());
    if ends_consonant_y {
        format!("{}ies", &word[..word.len() - 1])
    } else if ["s", "x", "z", "ch", "sh"]
        .iter()
        .any(|e| lower.ends_with(e))
    {
        format!("{word}es")
    } else {
        format!("{word}s")
    }
}

/// Regular past tense: row → rowed, stop → stopped, carry → carried, agree → agreed.
pub fn past(word: &str) -> String {
    let lower = word.to_lowercase();
    if lower.ends_with('e') {
        format!("{word}d")
    } else if lower.ends_with('y')
        && lower
            .chars()
            .rev()
            .nth(1)
            .is_some_and(|c| !is_vowel(c) && c.is_alphabetic())
    {
        format!("{}ied", &word[..word.len() - 1])
    } else if doubles_final(&lower) {
        let last = lower.chars().last().unwrap_or_default();
        format!("{word}{last}ed")
    } else {
        format!("{word}ed")
    }
}

/// Regular -ing form: row → rowing, make → making, stop → stopping, tie → tying.
pub fn gerund(word: &str) -> String {
    let lower = word.to_lowercase();
    if lower.ends_with("ie") {
        format!("{}ying", &word[..word.len() - 2])
    } else if lower.ends_with('e')
        && !lower.ends_with("ee")
        && !lower.ends_with("ye")
        && lower.len() > 2
    {
        format!("{}ing", &word[..word.len() - 1])
    } else if doubles_final(&lower) {
        let last = lower.chars().last().unwrap_or_default();
        format!("{word}{last}ing")
    } else {
        format!("{word}ing")
    }
}

/// Applies `f` to the first word of a phrase.
pub fn map_first_word(phrase: &str, f: impl Fn(&str) -> String) -> String {
    match phrase.split_once(' ') {
        Some((first, rest)) => format!("{} {rest}", f(first)),
        None => f(phrase),
    }
}

/// Applies `f` to the last word of a phrase.
pub fn map_last_word(phrase: &str, f: impl Fn(&str) -> String) -> String {
    match phrase.rsplit_once(' ') {
        Some((rest, last)) => format!("{rest} {}", f(last)),
        None => f(phrase),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentence_starts() {
        assert!(starts_sentence("Since years", 0));
        assert!(starts_sentence("It rained. “Since years", 12));
        assert!(!starts_sentence("up 3 Mrd.", 5));
        assert!(!starts_sentence("up 3 Mrd. Euro", 10));
        assert!(starts_sentence("It ended.\nEuro", 10));
    }

    #[test]
    fn whole_words_only() {
        let t = "He speaks of peaks.";
        assert!(!is_whole_word(t, 4, 9)); // "peaks" inside "speaks"
        assert!(is_whole_word(t, 13, 18));
    }

    #[test]
    fn headline_case_keeps_small_words() {
        assert_eq!(title_case("minister of defense"), "Minister of Defense");
        assert_eq!(title_case("of mice"), "Of Mice");
    }

    #[test]
    fn replacements_are_capitalised_at_sentence_starts() {
        assert_eq!(adapt_case("Polizei", "Polizei", "police", true), "Police");
        assert_eq!(adapt_case("Polizei", "Polizei", "police", false), "police");
        assert_eq!(adapt_case("peaks", "Peaks", "summits", false), "Summits");
    }

    #[test]
    fn case_transfer() {
        assert_eq!(transfer_case("Peaks", "summits"), "Summits");
        assert_eq!(transfer_case("PEAKS", "summits"), "SUMMITS");
        assert_eq!(
            transfer_case("defense minister", "Defense Secretary"),
            "Defense Secretary"
        );
    }

    #[test]
    fn inflection() {
        assert_eq!(plural("embassy"), "embassies");
        assert_eq!(plural("summit"), "summits");
        assert_eq!(plural("match"), "matches");
        assert_eq!(plural("day"), "days");
        assert_eq!(past("row"), "rowed");
        assert_eq!(past("backtrack"), "backtracked");
        assert_eq!(past("stop"), "stopped");
        assert_eq!(past("carry"), "carried");
        assert_eq!(past("agree"), "agreed");
        assert_eq!(gerund("row"), "rowing");
        assert_eq!(gerund("make"), "making");
        assert_eq!(gerund("stop"), "stopping");
        assert_eq!(gerund("tie"), "tying");
        assert_eq!(map_first_word("row back", past), "rowed back");
        assert_eq!(map_last_word("minor treasure", plural), "minor treasures");
    }

    #[test]
    fn neighbouring_words() {
        let t = "the U.S. Foreign Minister Marco Rubio said";
        let s = t.find("Foreign").unwrap_or_default();
        let e = s + "Foreign Minister".len();
        assert_eq!(words_before(t, s, 2), vec!["U", "S"]);
        assert_eq!(words_after(t, e, 2), vec!["Marco", "Rubio"]);
        assert_eq!(words_before(t, 0, 3), Vec::<&str>::new());
        assert_eq!(words_before_in_sentence(t, s, 2), vec!["U", "S"]);
    }

    #[test]
    fn sentence_bounded_neighbours() {
        let t = "goals in Ukraine. US defense minister Hegseth. Then Mr. Smith";
        let s = t.find("defense").unwrap_or_default();
        assert_eq!(words_before_in_sentence(t, s, 3), vec!["US"]);
        let e = s + "defense minister".len();
        assert_eq!(words_after_in_sentence(t, e, 3), vec!["Hegseth"]);
        let m = t.find("Smith").unwrap_or_default();
        assert_eq!(words_before_in_sentence(t, m, 3), vec!["Then", "Mr"]);
    }
}
