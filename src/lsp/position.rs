//! Positions as the Language Server Protocol counts them: a 0-based line and
//! a 0-based character offset in the negotiated encoding (UTF-16 code units
//! by default, UTF-8 bytes when client and server agree on it), converted to
//! and from the byte offsets mtlint's spans use.
//!
//! Lines end at `\n`, `\r\n` or a lone `\r`, as the protocol says. A position
//! past the end of its line means the end of the line; a line past the end of
//! the text means the end of the text; a character offset that falls inside
//! a character (half of a UTF-16 surrogate pair, a byte inside a UTF-8
//! sequence) means the start of that character.

use lsp_types::{Position, PositionEncodingKind, Range};

use crate::span::{floor_char_boundary, Span};

/// How character offsets are counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Encoding {
    /// UTF-16 code units: the protocol's default.
    #[default]
    Utf16,
    /// UTF-8 bytes.
    Utf8,
}

impl Encoding {
    /// The encoding to use given what the client offers in
    /// `general.positionEncodings`: UTF-8 when it is offered, else UTF-16
    /// (which every client must support).
    pub fn negotiate(offered: Option<&[PositionEncodingKind]>) -> Encoding {
        match offered {
            Some(kinds) if kinds.contains(&PositionEncodingKind::UTF8) => Encoding::Utf8,
            _ => Encoding::Utf16,
        }
    }

    /// The protocol's name for the encoding.
    pub fn kind(self) -> PositionEncodingKind {
        match self {
            Encoding::Utf16 => PositionEncodingKind::UTF16,
            Encoding::Utf8 => PositionEncodingKind::UTF8,
        }
    }

    /// How many code units `c` takes.
    pub fn width(self, c: char) -> usize {
        match self {
            Encoding::Utf16 => c.len_utf16(),
            Encoding::Utf8 => c.len_utf8(),
        }
    }

    /// How many code units `s` takes.
    pub fn len(self, s: &str) -> usize {
        match self {
            Encoding::Utf16 => s.chars().map(char::len_utf16).sum(),
            Encoding::Utf8 => s.len(),
        }
    }
}

/// The line starts of one text, for converting between byte offsets and
/// protocol positions. Build it again after the text changes.
#[derive(Debug, Clone)]
pub struct LineMap {
    /// Byte offset where each line starts; the first is 0.
    starts: Vec<usize>,
    /// Length of the text.
    len: usize,
}

impl LineMap {
    /// Indexes the lines of `text`.
    pub fn new(text: &str) -> LineMap {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        for (i, &b) in bytes.iter().enumerate() {
            match b {
                b'\n' => starts.push(i + 1),
                b'\r' if bytes.get(i + 1) != Some(&b'\n') => starts.push(i + 1),
                _ => {}
            }
        }
        LineMap {
            starts,
            len: text.len(),
        }
    }

    /// How many lines the text has (an empty last line counts).
    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// Byte offset where 0-based `line` starts (the end of the text past the last line).
    pub fn line_start(&self, line: usize) -> usize {
        self.starts.get(line).copied().unwrap_or(self.len)
    }

    /// Byte offset where the content of 0-based `line` ends, before its line break.
    pub fn line_end(&self, text: &str, line: usize) -> usize {
        let Some(&next) = self.starts.get(line + 1) else {
            return self.len;
        };
        let bytes = text.as_bytes();
        if next >= 2 && bytes.get(next - 2..next) == Some(b"\r\n".as_slice()) {
            next - 2
        } else {
            next - 1
        }
    }

    /// The line break that ends 0-based `line` (`""` for the last line).
    pub fn line_break<'t>(&self, text: &'t str, line: usize) -> &'t str {
        let end = self.line_end(text, line);
        let next = self.starts.get(line + 1).copied().unwrap_or(self.len);
        text.get(end..next).unwrap_or("")
    }

    /// 0-based line of byte `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        self.starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1)
    }

    /// The position of byte `offset` (clamped to the text, moved back to a
    /// character boundary, and to the end of its line's content when it
    /// points into a line break).
    pub fn position(&self, text: &str, offset: usize, encoding: Encoding) -> Position {
        let offset = floor_char_boundary(text, offset.min(self.len));
        let line = self.line_of(offset);
        let start = self.line_start(line);
        let offset = offset.min(self.line_end(text, line));
        let character = text.get(start..offset).map_or(0, |s| encoding.len(s));
        Position {
            line: to_u32(line),
            character: to_u32(character),
        }
    }

    /// The byte offset of `position` (clamped as the module docs say).
    pub fn offset(&self, text: &str, position: Position, encoding: Encoding) -> usize {
        let line = position.line as usize;
        if line >= self.starts.len() {
            return self.len;
        }
        let start = self.line_start(line);
        let end = self.line_end(text, line);
        let wanted = position.character as usize;
        let mut units = 0;
        for (i, c) in text.get(start..end).unwrap_or("").char_indices() {
            let next = units + encoding.width(c);
            if next > wanted {
                return start + i;
            }
            units = next;
        }
        end
    }

    /// The range of byte span `span`.
    pub fn range(&self, text: &str, span: Span, encoding: Encoding) -> Range {
        Range {
            start: self.position(text, span.start, encoding),
            end: self.position(text, span.end, encoding),
        }
    }

    /// The byte span of `range` (an end before the start is taken as the start).
    pub fn span(&self, text: &str, range: Range, encoding: Encoding) -> Span {
        Span::new(
            self.offset(text, range.start, encoding),
            self.offset(text, range.end, encoding),
        )
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pos(line: u32, character: u32) -> Position {
        Position { line, character }
    }

    #[test]
    fn utf8_is_chosen_only_when_offered() {
        assert_eq!(Encoding::negotiate(None), Encoding::Utf16);
        let both = [PositionEncodingKind::UTF16, PositionEncodingKind::UTF8];
        assert_eq!(Encoding::negotiate(Some(&both)), Encoding::Utf8);
        let utf32 = [PositionEncodingKind::UTF32];
        assert_eq!(Encoding::negotiate(Some(&utf32)), Encoding::Utf16);
    }

    #[test]
    fn accents_take_one_utf16_unit_and_two_bytes() {
        let text = "Kyïv said: Lawrow";
        let map = LineMap::new(text);
        let at = text.find("Lawrow").unwrap_or_default();
        assert_eq!(map.position(text, at, Encoding::Utf16), pos(0, 11));
        assert_eq!(map.position(text, at, Encoding::Utf8), pos(0, 12));
        assert_eq!(map.offset(text, pos(0, 11), Encoding::Utf16), at);
        assert_eq!(map.offset(text, pos(0, 12), Encoding::Utf8), at);
    }

    #[test]
    fn cjk_takes_one_utf16_unit_and_three_bytes() {
        let text = "北京 Lawrow";
        let map = LineMap::new(text);
        let at = text.find("Lawrow").unwrap_or_default();
        assert_eq!(map.position(text, at, Encoding::Utf16), pos(0, 3));
        assert_eq!(map.position(text, at, Encoding::Utf8), pos(0, 7));
        assert_eq!(map.offset(text, pos(0, 3), Encoding::Utf16), at);
    }

    #[test]
    fn astral_emoji_take_two_utf16_units_and_four_bytes() {
        let text = "a🙂b\n🇺🇦 Lawrow";
        let map = LineMap::new(text);
        assert_eq!(map.position(text, 5, Encoding::Utf16), pos(0, 3));
        assert_eq!(map.position(text, 5, Encoding::Utf8), pos(0, 5));
        let at = text.find("Lawrow").unwrap_or_default();
        // a flag is two regional indicators, each outside the BMP
        assert_eq!(map.position(text, at, Encoding::Utf16), pos(1, 5));
        assert_eq!(map.position(text, at, Encoding::Utf8), pos(1, 9));
        // the middle of a surrogate pair is the start of its character
        assert_eq!(map.offset(text, pos(0, 2), Encoding::Utf16), 1);
        // a byte inside a UTF-8 sequence likewise
        assert_eq!(map.offset(text, pos(0, 3), Encoding::Utf8), 1);
    }

    #[test]
    fn crlf_and_lone_cr_end_lines() {
        let text = "one\r\ntwo\rthree\n";
        let map = LineMap::new(text);
        assert_eq!(map.line_count(), 4);
        assert_eq!(map.offset(text, pos(1, 0), Encoding::Utf16), 5);
        assert_eq!(map.offset(text, pos(2, 0), Encoding::Utf16), 9);
        assert_eq!(map.line_break(text, 0), "\r\n");
        assert_eq!(map.line_break(text, 1), "\r");
        assert_eq!(map.line_break(text, 3), "");
        // an offset inside "\r\n" is the end of the line's content
        assert_eq!(map.position(text, 4, Encoding::Utf16), pos(0, 3));
        assert_eq!(map.position(text, text.len(), Encoding::Utf16), pos(3, 0));
    }

    #[test]
    fn positions_past_the_end_are_clamped() {
        let text = "äb\r\ncd";
        let map = LineMap::new(text);
        assert_eq!(map.offset(text, pos(0, 99), Encoding::Utf16), 3);
        assert_eq!(map.offset(text, pos(1, 99), Encoding::Utf8), text.len());
        assert_eq!(map.offset(text, pos(7, 0), Encoding::Utf16), text.len());
        assert_eq!(map.position(text, 999, Encoding::Utf16), pos(1, 2));
        // an offset inside a character counts from the character's start
        assert_eq!(map.position(text, 1, Encoding::Utf8), pos(0, 0));
        let backwards = Range {
            start: pos(1, 1),
            end: pos(0, 0),
        };
        assert!(map.span(text, backwards, Encoding::Utf16).is_empty());
    }

    /// Every character boundary of a mixed text survives offset → position →
    /// offset in both encodings, and positions grow with offsets.
    #[test]
    fn every_boundary_round_trips() {
        let text = "Zürich 北京\r\n🙂 x🇺🇦y\rß\n\nend é\u{301}";
        for encoding in [Encoding::Utf16, Encoding::Utf8] {
            let map = LineMap::new(text);
            let mut last = pos(0, 0);
            for (offset, _) in text.char_indices().chain([(text.len(), ' ')]) {
                let p = map.position(text, offset, encoding);
                let line = map.line_of(offset);
                let in_break = offset > map.line_end(text, line);
                if !in_break {
                    assert_eq!(
                        map.offset(text, p, encoding),
                        offset,
                        "{encoding:?} {offset}"
                    );
                }
                assert!(p >= last, "{encoding:?} {offset}: {p:?} < {last:?}");
                last = p;
            }
        }
    }
}
