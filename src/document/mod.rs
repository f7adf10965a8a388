//! A document to check: the original text, the prose view the rules see, and
//! the map between the two.
//!
//! Rules and detectors work on [`Document::text`], a view that holds only the
//! prose (for plain text: the text itself). Everything they report is mapped
//! back to byte offsets of [`Document::source`], the file as read, by
//! [`Document::to_source`], so fixes land where they belong whatever markup
//! surrounds the prose.

mod format;
mod html;
mod map;
mod markdown;
mod runs;

pub use format::InputFormat;
pub use map::OffsetMap;
pub use runs::PLACEHOLDER;

use crate::span::{ceil_char_boundary, floor_char_boundary, Span};
use crate::suppress::{self, Directive};

/// The text of one article, the prose worth checking, and where it came from.
#[derive(Debug, Clone)]
pub struct Document {
    source: String,
    /// The prose view; `None` when it is the source itself (plain text).
    view: Option<String>,
    /// Maps the view to the source; `None` with the view.
    map: Option<OffsetMap>,
    regions: Vec<Span>,
    format: InputFormat,
    /// Source spans of suppression directives (comments or plain-text lines).
    directive_sites: Vec<Span>,
}

impl Document {
    /// A plain-text document: all of it is prose.
    pub fn plain(text: impl Into<String>) -> Self {
        let source = text.into();
        let regions = vec![Span::new(0, source.len())];
        Document {
            source,
            view: None,
            map: None,
            regions,
            format: InputFormat::Plain,
            directive_sites: Vec::new(),
        }
    }

    /// Reads `source` as `format`. Plain text is its own view (lines that
    /// hold a suppression directive are left out of the regions); Markdown
    /// and HTML get a prose view with a map back to the source.
    pub fn parse(source: impl Into<String>, format: InputFormat) -> Self {
        let source = source.into();
        match format {
            InputFormat::Plain => Document::plain_with_directives(source),
            InputFormat::Markdown | InputFormat::Html => {
                let mut sites = Vec::new();
                let mut builder = map::ViewBuilder::new(&source);
                if format == InputFormat::Markdown {
                    markdown::build(&mut builder, &mut sites);
                } else {
                    html::build_page(&mut builder, &mut sites);
                }
                let (view, map) = builder.finish();
                let regions = vec![Span::new(0, view.len())];
                Document {
                    source,
                    view: Some(view),
                    map: Some(map),
                    regions,
                    format,
                    directive_sites: sites,
                }
            }
        }
    }

    /// Plain text; directive lines are not prose.
    fn plain_with_directives(source: String) -> Self {
        let mut doc = Document::plain(source);
        if !doc.source.contains("mtlint-") {
            return doc;
        }
        let mut regions = Vec::new();
        let mut region_start = 0;
        let mut pos = 0;
        for line in doc.source.split_inclusive('\n') {
            let start = pos;
            pos += line.len();
            let content = line.trim_end_matches(['\n', '\r']);
            if suppress::is_directive_line(content) {
                let lead = content.len() - content.trim_start().len();
                let text = content.trim();
                doc.directive_sites
                    .push(Span::new(start + lead, start + lead + text.len()));
                if start > region_start {
                    regions.push(Span::new(region_start, start));
                }
                region_start = pos;
            }
        }
        if region_start < doc.source.len() || regions.is_empty() {
            regions.push(Span::new(region_start, doc.source.len()));
        }
        doc.regions = regions;
        doc
    }

    /// The prose view the rules check (the source itself for plain text).
    pub fn text(&self) -> &str {
        self.view.as_deref().unwrap_or(&self.source)
    }

    /// The original text, exactly as read.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// How the source was read.
    pub fn format(&self) -> InputFormat {
        self.format
    }

    /// The byte ranges of [`Document::text`] to check, sorted and non-overlapping.
    pub fn regions(&self) -> &[Span] {
        &self.regions
    }

    /// Each region with its text.
    pub fn region_texts(&self) -> impl Iterator<Item = (Span, &str)> {
        let text = self.text();
        self.regions
            .iter()
            .filter_map(move |r| text.get(r.start..r.end).map(|t| (*r, t)))
    }

    /// Maps a span of the view to the source: the source bytes from the
    /// start of its first character to the end of its last, including any
    /// markup between them (on char boundaries of the source).
    pub fn to_source(&self, span: Span) -> Span {
        match &self.map {
            Some(map) => map.span_to_source(&self.source, span),
            None => {
                let start = floor_char_boundary(&self.source, span.start);
                Span::new(start, ceil_char_boundary(&self.source, span.end))
            }
        }
    }

    /// Moves a diagnostic found in the view, with its fixes, to source offsets.
    /// A fix with an edit that would cross markup that is not part of the
    /// prose (a tag between two words, half an entity) is dropped; the
    /// finding stays.
    pub fn diagnostic_to_source(&self, d: &mut crate::diagnostic::Diagnostic) {
        let Some(map) = &self.map else {
            return;
        };
        d.span = map.span_to_source(&self.source, d.span);
        d.fixes.retain_mut(|fix| {
            fix.edits
                .iter_mut()
                .all(|edit| match map.edit_to_source(&self.source, edit.span) {
                    Some(span) => {
                        edit.span = span;
                        true
                    }
                    None => false,
                })
        });
    }

    /// The suppression directives written in the document, in source order.
    pub fn directives(&self) -> Vec<Directive> {
        self.directive_sites
            .iter()
            .filter_map(|span| suppress::parse(&self.source, *span))
            .collect()
    }

    /// Number of words of prose (for per-1,000-word figures).
    pub fn word_count(&self) -> usize {
        self.region_texts().map(|(_, t)| count_words(t)).sum()
    }
}

/// Words in `text`: runs of letters or digits (with inner apostrophes and hyphens).
pub fn count_words(text: &str) -> usize {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '-'))
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}
