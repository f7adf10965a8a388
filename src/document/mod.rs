//! A document to check: the original text, the prose view the rules see, and
//! the map between the two.
//!
//! Rules and detectors work on [`Document::text`], a view that holds only the
//! prose (for plain text: the text itself). Everything they report is mapped
//! back to byte offsets of [`Document::source`], the file as read, by
//! [`Document::to_source`], so fixes land where they belong whatever markup
//! surrounds the prose.

mod format;

pub use format::InputFormat;

use crate::span::Span;

/// The text of one article, the prose worth checking, and where it came from.
#[derive(Debug, Clone)]
pub struct Document {
    source: String,
    /// The prose view; `None` when it is the source itself (plain text).
    view: Option<String>,
    regions: Vec<Span>,
    format: InputFormat,
}

impl Document {
    /// A plain-text document: all of it is prose.
    pub fn plain(text: impl Into<String>) -> Self {
        let source = text.into();
        let regions = vec![Span::new(0, source.len())];
        Document {
            source,
            view: None,
            regions,
            format: InputFormat::Plain,
        }
    }

    /// Reads `source` as `format`.
    pub fn parse(source: impl Into<String>, format: InputFormat) -> Self {
        let source = source.into();
        match format {
            // Markdown and HTML views come with their own module.
            InputFormat::Plain | InputFormat::Markdown | InputFormat::Html => Document {
                format,
                ..Document::plain(source)
            },
        }
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

    /// Maps a span of the view to the source.
    pub fn to_source(&self, span: Span) -> Span {
        span
    }

    /// Moves a diagnostic found in the view, with its fixes, to source offsets.
    /// A fix whose edit would cross markup that is not part of the prose is
    /// dropped (the finding stays).
    pub fn diagnostic_to_source(&self, d: &mut crate::diagnostic::Diagnostic) {
        d.span = self.to_source(d.span);
        for fix in &mut d.fixes {
            for edit in &mut fix.edits {
                edit.span = self.to_source(edit.span);
            }
        }
    }

    /// Number of words of prose (for per-1,000-word figures).
    pub fn word_count(&self) -> usize {
        count_words(self.text())
    }
}

/// Words in `text`: runs of letters or digits (with inner apostrophes and hyphens).
pub fn count_words(text: &str) -> usize {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '-'))
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}
