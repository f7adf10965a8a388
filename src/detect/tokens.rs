//! Words of a document with their sentence, for the detectors.

use crate::document::Document;
use crate::span::Span;

/// One word (a run of letters and digits) of the checked text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    /// The word as written.
    pub text: &'a str,
    /// Where it is, in bytes of the whole document.
    pub span: Span,
    /// Index of its sentence (sentences end at `.` `!` `?` `;` and line breaks).
    pub sentence: u32,
    /// First word of its sentence or line: its capital letter says nothing.
    pub first_in_sentence: bool,
}

impl Token<'_> {
    /// Starts with an uppercase letter.
    pub fn is_capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// Has at least one letter and no lowercase letter.
    pub fn is_all_caps(&self) -> bool {
        self.text.chars().any(char::is_alphabetic) && !self.text.chars().any(char::is_lowercase)
    }
}

/// Abbreviations whose period does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "St", "Gen", "Lt", "Col", "Sgt", "Jr", "Sr", "Prof", "No", "vs", "Co",
    "Inc", "Ltd", "Corp", "Gov", "Sen", "Rep", "Rev", "Capt", "Maj", "Adm", "Mt", "Ft", "approx",
    "Jan", "Feb", "Mar", "Apr", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec",
];

/// Splits the checkable regions of `doc` into words with sentence numbers.
pub fn tokenize(doc: &Document) -> Vec<Token<'_>> {
    let text = doc.text();
    let mut out: Vec<Token<'_>> = Vec::with_capacity(text.len() / 6);
    let mut sentence = 0u32;
    let mut new_sentence = true;
    for (region, hay) in doc.region_texts() {
        let mut start: Option<usize> = None;
        let mut gap_ends_sentence = false;
        for (i, c) in hay.char_indices().chain(std::iter::once((hay.len(), ' '))) {
            if c.is_alphanumeric() && i < hay.len() {
                if start.is_none() {
                    if gap_ends_sentence {
                        sentence += 1;
                        new_sentence = true;
                    }
                    gap_ends_sentence = false;
                    start = Some(i);
                }
                continue;
            }
            if let Some(s) = start.take() {
                let word = &hay[s..i];
                out.push(Token {
                    text: word,
                    span: Span::new(s, i).shifted(region.start),
                    sentence,
                    first_in_sentence: new_sentence,
                });
                new_sentence = false;
            }
            match c {
                '\n' | '!' | '?' | ';' => gap_ends_sentence = true,
                '.' => {
                    let prev = out.last().map(|t| t.text).unwrap_or("");
                    let ends_word = out.last().is_some_and(|t| t.span.end == region.start + i);
                    let abbreviation =
                        ends_word && (prev.chars().count() == 1 || ABBREVIATIONS.contains(&prev));
                    let decimal = ends_word
                        && prev.chars().all(|c| c.is_ascii_digit())
                        && hay[i + 1..].starts_with(|c: char| c.is_ascii_digit());
                    if !abbreviation && !decimal {
                        gap_ends_sentence = true;
                    }
                }
                _ => {}
            }
        }
        sentence += 1;
        new_sentence = true;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_and_first_words() {
        let doc =
            Document::plain("The U.S. envoy met Mr. Lavrov. Talks end.\nRead more 3.5 percent");
        let toks = tokenize(&doc);
        let words: Vec<(&str, u32, bool)> = toks
            .iter()
            .map(|t| (t.text, t.sentence, t.first_in_sentence))
            .collect();
        assert_eq!(
            words,
            vec![
                ("The", 0, true),
                ("U", 0, false),
                ("S", 0, false),
                ("envoy", 0, false),
                ("met", 0, false),
                ("Mr", 0, false),
                ("Lavrov", 0, false),
                ("Talks", 1, true),
                ("end", 1, false),
                ("Read", 2, true),
                ("more", 2, false),
                ("3", 2, false),
                ("5", 2, false),
                ("percent", 2, false),
            ]
        );
    }
}
