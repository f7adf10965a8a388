//! Input formats and how they are chosen.

use std::fmt;
use std::path::Path;
use std::str::FromStr;

/// How a file is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum InputFormat {
    /// Plain text: all of it is prose.
    #[default]
    Plain,
    /// CommonMark/GFM: prose only; code, URLs, HTML comments and front matter skipped.
    Markdown,
    /// HTML: text content only; scripts, styles, tags and comments skipped.
    Html,
}

impl InputFormat {
    /// The format a file name suggests: `.md`/`.markdown` → Markdown,
    /// `.html`/`.htm`/`.xhtml` → HTML, anything else → plain text.
    pub fn from_path(path: &Path) -> InputFormat {
        let ext = path
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase())
            .unwrap_or_default();
        match ext.as_str() {
            "md" | "markdown" | "mdown" | "mkd" => InputFormat::Markdown,
            "html" | "htm" | "xhtml" => InputFormat::Html,
            _ => InputFormat::Plain,
        }
    }

    /// The name used on the command line and in output.
    pub fn as_str(self) -> &'static str {
        match self {
            InputFormat::Plain => "plain",
            InputFormat::Markdown => "markdown",
            InputFormat::Html => "html",
        }
    }
}

impl fmt::Display for InputFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for InputFormat {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "plain" | "text" | "txt" => Ok(InputFormat::Plain),
            "markdown" | "md" => Ok(InputFormat::Markdown),
            "html" | "htm" => Ok(InputFormat::Html),
            other => Err(format!(
                "unknown input format `{other}` (expected plain, markdown or html)"
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chosen_by_extension() {
        assert_eq!(
            InputFormat::from_path(Path::new("a/b.MD")),
            InputFormat::Markdown
        );
        assert_eq!(
            InputFormat::from_path(Path::new("x.htm")),
            InputFormat::Html
        );
        assert_eq!(
            InputFormat::from_path(Path::new("x.txt")),
            InputFormat::Plain
        );
        assert_eq!(
            InputFormat::from_path(Path::new("README")),
            InputFormat::Plain
        );
        assert_eq!("md".parse::<InputFormat>(), Ok(InputFormat::Markdown));
    }
}
