//! The documents the editor has open: their text as the editor has it, and
//! the latest check of it.

use std::path::{Path, PathBuf};

use lsp_types::Url;

use mtlint::document::InputFormat;

use super::worker::Analysis;

/// One open document.
pub struct Doc {
    /// The file, for `file:` documents.
    pub path: Option<PathBuf>,
    /// How it is read.
    pub format: InputFormat,
    /// The text as the editor has it.
    pub text: String,
    /// The editor's version of that text.
    pub version: i32,
    /// The latest check, possibly of an older version.
    pub analysis: Option<Analysis>,
}

impl Doc {
    /// The check of the current text, if it is done.
    pub fn current(&self) -> Option<&Analysis> {
        self.analysis.as_ref().filter(|a| a.version == self.version)
    }
}

/// The file behind `uri`, when it is a `file:` URI.
pub fn path_of(uri: &Url) -> Option<PathBuf> {
    (uri.scheme() == "file")
        .then(|| uri.to_file_path().ok())
        .flatten()
}

/// How to read a document with `language_id` at `uri`: the language when it
/// is one mtlint reads, else the file extension; `None` for documents mtlint
/// does not check (source code, say). `forced` is `--input-format`.
pub fn format_of(language_id: &str, uri: &Url, forced: Option<InputFormat>) -> Option<InputFormat> {
    if let Some(f) = forced {
        return Some(f);
    }
    match language_id {
        "plaintext" | "text" => return Some(InputFormat::Plain),
        "markdown" => return Some(InputFormat::Markdown),
        "html" => return Some(InputFormat::Html),
        _ => {}
    }
    let path = Path::new(uri.path());
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())?;
    matches!(
        ext.as_str(),
        "txt" | "text" | "md" | "markdown" | "mdown" | "mkd" | "html" | "htm" | "xhtml"
    )
    .then(|| InputFormat::from_path(path))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_first_then_extension() {
        let url = |s: &str| Url::parse(s).expect("url");
        let txt = url("file:///a/story.txt");
        assert_eq!(
            format_of("markdown", &txt, None),
            Some(InputFormat::Markdown)
        );
        assert_eq!(format_of("", &txt, None), Some(InputFormat::Plain));
        let page = url("untitled:/b/page.HTML");
        assert_eq!(format_of("xyz", &page, None), Some(InputFormat::Html));
        assert_eq!(format_of("rust", &url("file:///a/main.rs"), None), None);
        assert_eq!(
            format_of("rust", &url("file:///a/main.rs"), Some(InputFormat::Plain)),
            Some(InputFormat::Plain)
        );
    }
}
