//! A document to check: the original text and the regions of it worth checking.

use crate::span::Span;

/// The text of one article and the byte ranges that hold prose.
///
/// Every span the engine reports is a byte range of `text` as it was read, so
/// fixes land where they belong whatever markup surrounds the prose.
#[derive(Debug, Clone)]
pub struct Document {
    text: String,
    regions: Vec<Span>,
}

impl Document {
    /// A plain-text document: all of it is prose.
    pub fn plain(text: impl Into<String>) -> Self {
        let text = text.into();
        let regions = vec![Span::new(0, text.len())];
        Document { text, regions }
    }

    /// The whole original text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The byte ranges to check, sorted and non-overlapping.
    pub fn regions(&self) -> &[Span] {
        &self.regions
    }

    /// Each region with its text.
    pub fn region_texts(&self) -> impl Iterator<Item = (Span, &str)> {
        self.regions
            .iter()
            .filter_map(|r| self.text.get(r.start..r.end).map(|t| (*r, t)))
    }
}
