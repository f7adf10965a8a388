//! The prose view of a marked-up document and the map from the view back to
//! the source.
//!
//! A view is built from pieces of the source, in order:
//!
//! - *verbatim* runs: the same bytes in the view as in the source;
//! - *replaced* runs: a stretch of source (an HTML entity, an inline code
//!   span, a collapsed whitespace run) stands in the view as other text;
//! - *synthetic* separators: text that exists only in the view (the blank
//!   line between two blocks), tied to a zero-width source position.
//!
//! Source bytes between pieces (tags, markup, skipped code) are not in the
//! view at all. [`OffsetMap::span_to_source`] maps any view span to the
//! source; [`OffsetMap::edit_to_source`] maps the span of an edit only when
//! the edit can be carried out in the source without touching skipped markup
//! or cutting a replaced run in two.

use std::ops::Range;

use crate::span::{ceil_char_boundary, floor_char_boundary, Span};

/// How a piece of the view relates to the source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// The same bytes as in the source.
    Verbatim,
    /// Other text than the source bytes it stands for.
    Replaced,
    /// Text without source bytes, at one source position.
    Synthetic,
}

/// One piece of the view and the source bytes it stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Piece {
    view: (usize, usize),
    src: (usize, usize),
    kind: Kind,
}

/// Maps byte offsets of a prose view to byte offsets of its source.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OffsetMap {
    /// Pieces in view order; together they cover the view without gaps.
    pieces: Vec<Piece>,
}

impl OffsetMap {
    /// Index of the piece holding view byte `offset` (the one starting at
    /// `offset` when it lies on a boundary); `None` past the last byte.
    fn piece_at(&self, offset: usize) -> Option<usize> {
        let i = self.pieces.partition_point(|p| p.view.1 <= offset);
        (i < self.pieces.len()).then_some(i)
    }

    /// Index of the piece holding view byte `offset - 1` (the piece a span
    /// ending at `offset` ends in); `None` for offset 0.
    fn piece_before(&self, offset: usize) -> Option<usize> {
        if offset == 0 {
            return None;
        }
        let i = self.pieces.partition_point(|p| p.view.1 < offset);
        (i < self.pieces.len()).then_some(i)
    }

    /// Source offset where a span starting at view `offset` starts.
    fn start_to_source(&self, offset: usize) -> usize {
        match self.piece_at(offset) {
            Some(i) => {
                let p = self.pieces[i];
                match p.kind {
                    Kind::Verbatim => p.src.0 + (offset - p.view.0),
                    Kind::Replaced | Kind::Synthetic => p.src.0,
                }
            }
            None => self.pieces.last().map_or(0, |p| p.src.1),
        }
    }

    /// Source offset where a span ending at view `offset` ends.
    fn end_to_source(&self, offset: usize) -> usize {
        match self.piece_before(offset) {
            Some(i) => {
                let p = self.pieces[i];
                match p.kind {
                    Kind::Verbatim => p.src.0 + (offset - p.view.0),
                    Kind::Replaced | Kind::Synthetic => p.src.1,
                }
            }
            None => self.pieces.first().map_or(0, |p| p.src.0),
        }
    }

    /// The source span that `span` of the view stands for: from the start
    /// of its first piece to the end of its last one, including any markup
    /// between them; a span that starts or ends inside a replaced run covers
    /// the whole run. Always on char boundaries of `source`.
    pub fn span_to_source(&self, source: &str, span: Span) -> Span {
        let start = self.start_to_source(span.start);
        let end = if span.is_empty() {
            start
        } else {
            self.end_to_source(span.end)
        };
        let start = floor_char_boundary(source, start);
        Span::new(start, ceil_char_boundary(source, end.max(start)))
    }

    /// The source span an edit of view `span` must replace, or `None` when
    /// the edit cannot be made in the source: it would delete or rewrite
    /// markup the view skipped, cut through a replaced run (half an entity),
    /// or touch nothing but synthetic separators.
    pub fn edit_to_source(&self, source: &str, span: Span) -> Option<Span> {
        if span.is_empty() {
            return self.insertion_to_source(source, span.start);
        }
        let first = self.piece_at(span.start)?;
        let last = self.piece_before(span.end)?;
        let mut real = false;
        for i in first..=last {
            let p = self.pieces.get(i)?;
            match p.kind {
                Kind::Replaced if span.start > p.view.0 || span.end < p.view.1 => return None,
                Kind::Synthetic => {}
                _ => real = true,
            }
            if i > first && self.pieces[i - 1].src.1 != p.src.0 {
                return None;
            }
        }
        if !real {
            return None;
        }
        let mapped = self.span_to_source(source, span);
        (source.is_char_boundary(mapped.start) && source.is_char_boundary(mapped.end))
            .then_some(mapped)
    }

    /// Where text inserted at view `offset` goes in the source: inside a
    /// verbatim run, at the same place; between two pieces, right after the
    /// text before it (or before the text after a separator); never inside a
    /// replaced run or a separator.
    fn insertion_to_source(&self, source: &str, offset: usize) -> Option<Span> {
        let at = |o: usize| source.is_char_boundary(o).then_some(Span::new(o, o));
        let next = self.piece_at(offset);
        let prev = self.piece_before(offset);
        match (prev, next) {
            (Some(p), Some(n)) if p == n => {
                let piece = self.pieces[p];
                (piece.kind == Kind::Verbatim)
                    .then(|| piece.src.0 + (offset - piece.view.0))
                    .and_then(at)
            }
            (Some(p), Some(n)) => {
                let (p, n) = (self.pieces[p], self.pieces[n]);
                if p.kind == Kind::Synthetic {
                    at(n.src.0)
                } else {
                    at(p.src.1)
                }
            }
            (Some(p), None) => at(self.pieces[p].src.1),
            (None, Some(n)) => at(self.pieces[n].src.0),
            (None, None) => at(0),
        }
    }
}

/// The separator wanted before the next piece of text.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Pending {
    None,
    /// A word space; the whitespace run of the source it stands for, if any.
    Space(Option<Range<usize>>),
    /// A line break.
    Line,
    /// A blank line between blocks.
    Block,
}

impl Pending {
    fn rank(&self) -> u8 {
        match self {
            Pending::None => 0,
            Pending::Space(_) => 1,
            Pending::Line => 2,
            Pending::Block => 3,
        }
    }
}

/// Builds a view and its [`OffsetMap`] from pieces of a source, in source order.
#[derive(Debug)]
pub(crate) struct ViewBuilder<'s> {
    source: &'s str,
    view: String,
    pieces: Vec<Piece>,
    pending: Pending,
    /// Source end of the last piece with source bytes.
    last_src_end: usize,
}

impl<'s> ViewBuilder<'s> {
    /// An empty view of `source`.
    pub(crate) fn new(source: &'s str) -> Self {
        ViewBuilder {
            source,
            view: String::with_capacity(source.len() / 2),
            pieces: Vec::new(),
            pending: Pending::None,
            last_src_end: 0,
        }
    }

    /// The source being viewed.
    pub(crate) fn source(&self) -> &'s str {
        self.source
    }

    /// `range` of the source, or `None` when it is not a valid range on char
    /// boundaries or lies before text already taken.
    fn checked(&self, range: &Range<usize>) -> Option<Range<usize>> {
        (range.start <= range.end
            && range.start >= self.last_src_end
            && self.source.get(range.clone()).is_some())
        .then(|| range.clone())
    }

    /// Takes `range` of the source into the view as it is.
    pub(crate) fn text(&mut self, range: Range<usize>) {
        let Some(range) = self.checked(&range) else {
            return;
        };
        if range.is_empty() {
            return;
        }
        self.flush(range.start);
        self.push_verbatim(range);
    }

    /// Puts `text` into the view for `range` of the source.
    pub(crate) fn replaced(&mut self, range: Range<usize>, text: &str) {
        let Some(range) = self.checked(&range) else {
            return;
        };
        if text.is_empty() {
            return;
        }
        if self.source.get(range.clone()) == Some(text) {
            return self.text(range);
        }
        self.flush(range.start);
        self.push(Kind::Replaced, range.start, range.end, text);
    }

    /// A word space before the next text (`range`: the source whitespace it
    /// stands for). Ignored at the start of the view.
    pub(crate) fn space(&mut self, range: Option<Range<usize>>) {
        if !self.view.is_empty() && self.pending.rank() < 1 {
            self.pending = Pending::Space(range);
        }
    }

    /// A line break before the next text. Ignored at the start of the view.
    pub(crate) fn line(&mut self) {
        if !self.view.is_empty() && self.pending.rank() < 2 {
            self.pending = Pending::Line;
        }
    }

    /// A blank line (a new block) before the next text. Ignored at the start
    /// of the view.
    pub(crate) fn block(&mut self) {
        if !self.view.is_empty() {
            self.pending = Pending::Block;
        }
    }

    /// The view and its map.
    pub(crate) fn finish(self) -> (String, OffsetMap) {
        (
            self.view,
            OffsetMap {
                pieces: self.pieces,
            },
        )
    }

    /// Emits the pending separator before text that starts at source `next`.
    fn flush(&mut self, next: usize) {
        let pending = std::mem::replace(&mut self.pending, Pending::None);
        let gap_range = self.last_src_end..next.max(self.last_src_end);
        let gap = self.source.get(gap_range.clone()).unwrap_or("");
        match pending {
            Pending::None => {}
            Pending::Space(Some(run)) if self.source.get(run.clone()).is_some() => {
                self.replaced_or_verbatim(run, " ");
            }
            Pending::Space(_) => {
                if !gap.is_empty() && gap.chars().all(char::is_whitespace) {
                    self.replaced_or_verbatim(gap_range, " ");
                } else {
                    self.push(Kind::Synthetic, self.last_src_end, self.last_src_end, " ");
                }
            }
            Pending::Line | Pending::Block => {
                let want = if pending == Pending::Line { 1 } else { 2 };
                // line breaks of the source right after the text are real
                let lead = gap.len() - gap.trim_start_matches(['\r', '\n']).len();
                let have = gap[..lead].bytes().filter(|b| *b == b'\n').count();
                if lead > 0 {
                    self.push_verbatim(gap_range.start..gap_range.start + lead);
                }
                if have < want {
                    let text = if want - have == 1 { "\n" } else { "\n\n" };
                    self.push(Kind::Synthetic, self.last_src_end, self.last_src_end, text);
                }
            }
        }
    }

    fn replaced_or_verbatim(&mut self, range: Range<usize>, text: &str) {
        if self.source.get(range.clone()) == Some(text) {
            self.push_verbatim(range);
        } else {
            self.push(Kind::Replaced, range.start, range.end, text);
        }
    }

    fn push_verbatim(&mut self, range: Range<usize>) {
        let Some(text) = self.source.get(range.clone()) else {
            return;
        };
        let view_start = self.view.len();
        self.view.push_str(text);
        self.last_src_end = range.end;
        if let Some(last) = self.pieces.last_mut() {
            if last.kind == Kind::Verbatim && last.src.1 == range.start && last.view.1 == view_start
            {
                last.view.1 = self.view.len();
                last.src.1 = range.end;
                return;
            }
        }
        self.pieces.push(Piece {
            view: (view_start, self.view.len()),
            src: (range.start, range.end),
            kind: Kind::Verbatim,
        });
    }

    fn push(&mut self, kind: Kind, src_start: usize, src_end: usize, text: &str) {
        if text.is_empty() {
            return;
        }
        let view_start = self.view.len();
        self.view.push_str(text);
        self.last_src_end = self.last_src_end.max(src_end);
        self.pieces.push(Piece {
            view: (view_start, self.view.len()),
            src: (src_start, src_end),
            kind,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `<p>Caf&eacute; <b>x</b></p>\n<p>Next</p>` built by hand.
    fn sample() -> (&'static str, String, OffsetMap) {
        let src = "<p>Caf&eacute; <b>bar</b></p>\n<p>Next</p>";
        let mut b = ViewBuilder::new(src);
        b.text(3..6); // Caf
        b.replaced(6..14, "é");
        b.space(Some(14..15));
        b.text(18..21); // bar
        b.block();
        b.text(33..37); // Next
        let (view, map) = b.finish();
        (src, view, map)
    }

    #[test]
    fn view_holds_the_prose_only() {
        let (_, view, _) = sample();
        assert_eq!(view, "Café bar\n\nNext");
    }

    #[test]
    fn spans_map_to_source_bytes() {
        let (src, view, map) = sample();
        let at = |s: &str| {
            let i = view.find(s).unwrap_or(usize::MAX);
            let m = map.span_to_source(src, Span::new(i, i + s.len()));
            &src[m.start..m.end]
        };
        assert_eq!(at("Caf"), "Caf");
        assert_eq!(at("Café"), "Caf&eacute;");
        assert_eq!(at("é"), "&eacute;");
        assert_eq!(at("bar"), "bar");
        assert_eq!(at("Café bar"), "Caf&eacute; <b>bar");
        assert_eq!(at("Next"), "Next");
        // a line and its break: the break has no source bytes
        assert_eq!(at("bar\n"), "bar");
    }

    #[test]
    fn edits_across_markup_are_refused() {
        let (src, view, map) = sample();
        let span = |s: &str| {
            let i = view.find(s).unwrap_or(usize::MAX);
            Span::new(i, i + s.len())
        };
        assert_eq!(
            map.edit_to_source(src, span("Café ")),
            Some(Span::new(3, 15))
        );
        assert_eq!(map.edit_to_source(src, span("Café bar")), None);
        assert_eq!(map.edit_to_source(src, span("bar\n\nNext")), None);
        // half of a replaced run
        let e = view.find('é').unwrap_or(0);
        assert_eq!(map.edit_to_source(src, Span::new(e, e + 1)), None);
        // a line with its synthetic break: only the text goes
        assert_eq!(
            map.edit_to_source(src, span("bar\n")),
            Some(Span::new(18, 21))
        );
        // separators alone cannot be edited
        assert_eq!(map.edit_to_source(src, span("\n\n")), None);
    }

    #[test]
    fn insertions_land_next_to_text() {
        let (src, view, map) = sample();
        let n = view.find("Next").unwrap_or(0);
        assert_eq!(
            map.edit_to_source(src, Span::new(n, n)),
            Some(Span::new(33, 33))
        );
        assert_eq!(
            map.edit_to_source(src, Span::new(1, 1)),
            Some(Span::new(4, 4))
        );
        let bar_end = view.find("bar").unwrap_or(0) + 3;
        assert_eq!(
            map.edit_to_source(src, Span::new(bar_end, bar_end)),
            Some(Span::new(21, 21))
        );
    }

    #[test]
    fn blank_lines_of_the_source_are_kept() {
        let src = "One.\r\n\r\nTwo.";
        let mut b = ViewBuilder::new(src);
        b.text(0..4);
        b.block();
        b.text(8..12);
        let (view, map) = b.finish();
        assert_eq!(view, src);
        assert_eq!(
            map.edit_to_source(src, Span::new(0, 6)),
            Some(Span::new(0, 6))
        );
    }
}
