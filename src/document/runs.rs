//! Turning runs of source text into view pieces: URLs become a placeholder,
//! HTML entities their characters, HTML whitespace runs one space.

use std::ops::Range;

use super::map::ViewBuilder;
use crate::span::Span;

/// What stands in the view for something that is not prose but sits inside a
/// sentence (an inline code span, a URL): one object replacement character.
/// It is no letter, digit, space or punctuation mark, so no rule or detector
/// reads it as a word, a doubled space or a stray comma.
pub const PLACEHOLDER: &str = "\u{FFFC}";

/// How whitespace and character references of a run are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Flavor {
    /// Markdown text as the parser gave it (entities already decoded).
    Markdown,
    /// HTML text: entities are decoded here.
    Html,
}

/// Pushes `range` of the builder's source into the view. Whitespace runs
/// become one space, as a browser renders them.
pub(crate) fn push(b: &mut ViewBuilder<'_>, range: Range<usize>, flavor: Flavor) {
    let source = b.source();
    let Some(text) = source.get(range.clone()) else {
        return;
    };
    let base = range.start;
    let mut word_start: Option<usize> = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        let end_of_text = i == text.len();
        let space = end_of_text || is_html_space(c);
        if !space {
            word_start.get_or_insert(i);
            continue;
        }
        if let Some(s) = word_start.take() {
            push_word(b, base + s..base + i, flavor);
        }
        if end_of_text {
            break;
        }
        b.space(Some(extend_space(text, base, i)));
    }
}

/// ASCII whitespace as HTML defines it.
fn is_html_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{c}')
}

/// The whole whitespace run of `text` (at `base`) that contains byte `i`.
fn extend_space(text: &str, base: usize, i: usize) -> Range<usize> {
    let end = text[i..]
        .find(|c: char| !is_html_space(c))
        .map_or(text.len(), |n| i + n);
    let start = text[..i].rfind(|c: char| !is_html_space(c)).map_or(0, |n| {
        n + text[n..].chars().next().map_or(1, char::len_utf8)
    });
    base + start..base + end
}

/// Pushes one whitespace-free word: a URL inside it becomes the placeholder.
fn push_word(b: &mut ViewBuilder<'_>, range: Range<usize>, flavor: Flavor) {
    let Some(word) = b.source().get(range.clone()) else {
        return;
    };
    match find_url(word) {
        Some(url) => {
            let url = range.start + url.start..range.start + url.end;
            push_chars(b, range.start..url.start, flavor);
            b.replaced(url.clone(), PLACEHOLDER);
            push_chars(b, url.end..range.end, flavor);
        }
        None => push_chars(b, range, flavor),
    }
}

/// Where a URL sits in a whitespace-free `word`, without trailing punctuation.
fn find_url(word: &str) -> Option<Range<usize>> {
    let lower = word.to_ascii_lowercase();
    let start = ["https://", "http://", "www."]
        .iter()
        .filter_map(|p| {
            let at = lower.find(p)?;
            let boundary = at == 0
                || word[..at]
                    .chars()
                    .next_back()
                    .is_some_and(|c| !c.is_alphanumeric());
            boundary.then_some(at)
        })
        .min()?;
    let rest = &word[start..];
    let trimmed =
        rest.trim_end_matches(['.', ',', ';', ':', '!', '?', ')', '"', '\'', '’', '”', ']']);
    let end = start + trimmed.len();
    (end > start + 4).then_some(start..end)
}

/// Pushes text, decoding HTML character references for [`Flavor::Html`].
fn push_chars(b: &mut ViewBuilder<'_>, range: Range<usize>, flavor: Flavor) {
    if range.is_empty() {
        return;
    }
    if flavor == Flavor::Markdown {
        return b.text(range);
    }
    let Some(text) = b.source().get(range.clone()) else {
        return;
    };
    let base = range.start;
    let mut done = 0;
    let mut search = 0;
    while let Some(n) = text[search..].find('&') {
        let amp = search + n;
        let len = reference_len(&text[amp..]);
        search = amp + 1;
        if len == 0 {
            continue;
        }
        let raw = &text[amp..amp + len];
        let decoded = htmlize::unescape(raw);
        if decoded == raw {
            continue;
        }
        // keep a shared tail ("&notin" → "¬in": only "&not" is replaced)
        let tail = common_suffix(raw, &decoded);
        let (raw_end, out) = (amp + len - tail, &decoded[..decoded.len() - tail]);
        b.text(base + done..base + amp);
        b.replaced(base + amp..base + raw_end, out);
        done = raw_end;
        search = raw_end.max(search);
    }
    b.text(base + done..range.end);
}

/// Byte length of the character-reference candidate at the start of `s`
/// (`&name;`, `&#123;`, `&#x1F;`, the `;` optional), or 0.
fn reference_len(s: &str) -> usize {
    let bytes = s.as_bytes();
    let body = match bytes.get(1) {
        Some(b'#') => {
            let hex = matches!(bytes.get(2), Some(b'x' | b'X'));
            let from = if hex { 3 } else { 2 };
            let digits = bytes[from.min(bytes.len())..]
                .iter()
                .take_while(|b| {
                    if hex {
                        b.is_ascii_hexdigit()
                    } else {
                        b.is_ascii_digit()
                    }
                })
                .count();
            if digits == 0 {
                return 0;
            }
            from + digits
        }
        Some(c) if c.is_ascii_alphabetic() => {
            1 + bytes[1..]
                .iter()
                .take(40)
                .take_while(|b| b.is_ascii_alphanumeric())
                .count()
        }
        _ => return 0,
    };
    body + usize::from(bytes.get(body) == Some(&b';'))
}

/// Length in bytes of the longest common suffix of `a` and `b` on char boundaries.
fn common_suffix(a: &str, b: &str) -> usize {
    a.chars()
        .rev()
        .zip(b.chars().rev())
        .take_while(|(x, y)| x == y)
        .map(|(x, _)| x.len_utf8())
        .sum::<usize>()
        .min(a.len().saturating_sub(1))
}

/// Source spans of the HTML comments in `range` of `source` that mention
/// `mtlint-` (suppression directives), appended to `out`.
pub(crate) fn directive_comments(source: &str, range: Range<usize>, out: &mut Vec<Span>) {
    let Some(text) = source.get(range.clone()) else {
        return;
    };
    let mut from = 0;
    while let Some(n) = text[from..].find("<!--") {
        let start = from + n;
        let Some(len) = text[start + 4..].find("-->") else {
            return;
        };
        let end = start + 4 + len + 3;
        if text[start..end].contains("mtlint-") {
            out.push(Span::new(range.start + start, range.start + end));
        }
        from = end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view(src: &str, flavor: Flavor) -> String {
        let mut b = ViewBuilder::new(src);
        push(&mut b, 0..src.len(), flavor);
        b.finish().0
    }

    #[test]
    fn html_text_collapses_space_and_decodes_entities() {
        assert_eq!(
            view(
                "  Caf&eacute;\n   &amp; bar&#8217;s&nbsp;x &notin &foo; ",
                Flavor::Html
            ),
            "Café & bar’s\u{a0}x ¬in &foo;"
        );
    }

    #[test]
    fn urls_become_placeholders() {
        assert_eq!(
            view(
                "see https://example.com/a?b=1. Or (www.dpa.de)",
                Flavor::Markdown
            ),
            "see \u{FFFC}. Or (\u{FFFC})"
        );
    }

    #[test]
    fn reference_candidates() {
        assert_eq!(reference_len("&amp; x"), 5);
        assert_eq!(reference_len("&#8217;"), 7);
        assert_eq!(reference_len("&#x1F600"), 8);
        assert_eq!(reference_len("& x"), 0);
        assert_eq!(reference_len("&#;"), 0);
    }

    #[test]
    fn only_directive_comments_are_collected() {
        let src = "a <!-- note --> b <!-- mtlint-disable x --> c <!-- open";
        let mut out = Vec::new();
        directive_comments(src, 0..src.len(), &mut out);
        assert_eq!(out.len(), 1);
        assert_eq!(&src[out[0].start..out[0].end], "<!-- mtlint-disable x -->");
    }
}
