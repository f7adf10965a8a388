//! Finding and reading the articles to check.

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::span::LineIndex;

/// File extensions picked up when a folder is checked.
pub const ARTICLE_EXTENSIONS: &[&str] = &["txt", "text", "md", "markdown", "html", "htm"];

/// Something to check: a file, or standard input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// A file on disk.
    File(PathBuf),
    /// Standard input.
    Stdin,
}

impl Source {
    /// The name shown in output.
    pub fn display_name(&self) -> String {
        match self {
            Source::File(p) => p.display().to_string(),
            Source::Stdin => "<stdin>".to_string(),
        }
    }
}

/// Why an input could not be checked.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    /// The OS refused.
    #[error("{path}: {message}")]
    Io {
        /// The file.
        path: String,
        /// The OS error.
        message: String,
    },
    /// The file has NUL bytes.
    #[error("{path}: binary file (NUL byte at offset {offset}), not checked")]
    Binary {
        /// The file.
        path: String,
        /// Where the first NUL is.
        offset: usize,
    },
    /// The file is not UTF-8.
    #[error("{path}:{line}:{column}: not valid UTF-8 (byte offset {offset}), not checked")]
    NotUtf8 {
        /// The file.
        path: String,
        /// 1-based line of the first bad byte.
        line: usize,
        /// 1-based column of the first bad byte.
        column: usize,
        /// Byte offset of the first bad byte.
        offset: usize,
    },
}

/// Expands command-line paths: files stay as given, folders are walked
/// recursively (sorted; hidden entries and what `.gitignore`/`.ignore` files
/// exclude are skipped) for article files, a path that does not exist but
/// contains `*`, `?` or `[` is expanded as a glob; `-` is stdin.
pub fn expand(paths: &[PathBuf]) -> Result<Vec<Source>, InputError> {
    expand_filtered(paths, |_| true)
}

/// Like [`expand`], keeping only the files found by walking a folder or
/// expanding a glob for which `keep` is true (named files are always kept).
pub fn expand_filtered(
    paths: &[PathBuf],
    keep: impl Fn(&Path) -> bool,
) -> Result<Vec<Source>, InputError> {
    if paths.is_empty() {
        return Ok(vec![Source::Stdin]);
    }
    let mut out = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            out.push(Source::Stdin);
        } else if p.is_dir() {
            walk(p, &keep, &mut out)?;
        } else if !p.exists() && is_glob(p) {
            expand_glob(p, &keep, &mut out)?;
        } else {
            out.push(Source::File(p.clone()));
        }
    }
    Ok(out)
}

fn is_glob(p: &Path) -> bool {
    p.to_string_lossy().contains(['*', '?', '['])
}

fn is_article(p: &Path) -> bool {
    p.extension()
        .is_some_and(|x| ARTICLE_EXTENSIONS.contains(&x.to_string_lossy().to_lowercase().as_str()))
}

fn walk(dir: &Path, keep: &dyn Fn(&Path) -> bool, out: &mut Vec<Source>) -> Result<(), InputError> {
    let walker = ignore::WalkBuilder::new(dir)
        .hidden(true)
        .git_ignore(true)
        .git_global(false)
        .git_exclude(true)
        .ignore(true)
        .require_git(false)
        .follow_links(false)
        .sort_by_file_name(|a, b| a.cmp(b))
        .build();
    for entry in walker {
        let entry = entry.map_err(|e| InputError::Io {
            path: dir.display().to_string(),
            message: e.to_string(),
        })?;
        let path = entry.path();
        if entry.file_type().is_some_and(|t| t.is_file()) && is_article(path) && keep(path) {
            out.push(Source::File(path.to_path_buf()));
        }
    }
    Ok(())
}

fn expand_glob(
    pattern: &Path,
    keep: &dyn Fn(&Path) -> bool,
    out: &mut Vec<Source>,
) -> Result<(), InputError> {
    let text = pattern.to_string_lossy();
    let bad = |message: String| InputError::Io {
        path: text.to_string(),
        message,
    };
    let paths = glob::glob(&text).map_err(|e| bad(format!("bad glob: {e}")))?;
    let mut found: Vec<PathBuf> = paths
        .filter_map(Result::ok)
        .filter(|p| p.is_file() && keep(p))
        .collect();
    if found.is_empty() {
        return Err(bad("no files match this pattern".into()));
    }
    found.sort();
    out.extend(found.into_iter().map(Source::File));
    Ok(())
}

/// Reads a source as UTF-8 text, exactly as stored (no newline or BOM changes).
pub fn read(source: &Source) -> Result<String, InputError> {
    let name = source.display_name();
    let bytes = match source {
        Source::File(p) => std::fs::read(p),
        Source::Stdin => {
            let mut buf = Vec::new();
            std::io::stdin().read_to_end(&mut buf).map(|_| buf)
        }
    }
    .map_err(|e| InputError::Io {
        path: name.clone(),
        message: e.to_string(),
    })?;
    decode(&name, bytes)
}

/// Decodes bytes as UTF-8, rejecting binary data with a precise error.
pub fn decode(name: &str, bytes: Vec<u8>) -> Result<String, InputError> {
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(InputError::Binary {
            path: name.to_string(),
            offset,
        });
    }
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let valid = String::from_utf8_lossy(&e.as_bytes()[..offset]).into_owned();
        let pos = LineIndex::new(&valid).position(&valid, offset);
        InputError::NotUtf8 {
            path: name.to_string(),
            line: pos.line,
            column: pos.column,
            offset,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_is_located() {
        let e = decode("a.txt", b"ok\nab\xffcd".to_vec())
            .err()
            .map(|e| e.to_string());
        assert_eq!(
            e.as_deref(),
            Some("a.txt:2:3: not valid UTF-8 (byte offset 5), not checked")
        );
        let e = decode("b.bin", b"x\0y".to_vec())
            .err()
            .map(|e| e.to_string());
        assert_eq!(
            e.as_deref(),
            Some("b.bin: binary file (NUL byte at offset 1), not checked")
        );
    }
}
