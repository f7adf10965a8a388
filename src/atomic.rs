//! Replacing a file's contents atomically: readers see the old file or the
//! new one, never a mix, whenever the process stops.
//!
//! [`replace_if_unchanged`] writes the new contents to a temporary file in
//! the same folder, named `.NAME.mtlint-XXXXXX.tmp` (`NAME` is the file's
//! name, `XXXXXX` six random letters and digits), gives it the original's
//! permissions (and owner and group, where the process may set them),
//! flushes it to disk, renames it over the original and flushes the folder.
//! On any error before the rename the original is untouched and the
//! temporary file is removed. A process killed while writing can leave one
//! such temporary file behind; the name makes it easy to find and delete,
//! and folder walks skip it (it is hidden).
//!
//! Right before writing, the file is read again and compared with what was
//! checked: if someone changed it in between, nothing is written
//! ([`WriteError::Changed`]). (A change in the last microseconds between that
//! read and the rename can still be lost; there is no portable file lock.)
//!
//! A symbolic link is followed: the file it points to is replaced in its own
//! folder and the link stays a link. A file with more than one hard link is
//! refused ([`WriteError::HardLinked`]), since replacing it would leave the
//! other names with the old text.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Why a file was not replaced.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// The OS refused a step.
    #[error("{path}: {step}: {source}")]
    Io {
        /// The file being replaced.
        path: String,
        /// What was being done.
        step: &'static str,
        /// The OS error.
        source: io::Error,
    },
    /// The file's contents differ from those that were checked.
    #[error("{path}: changed since it was checked; not written (run the fix again)")]
    Changed {
        /// The file.
        path: String,
    },
    /// Replacing the file would split its hard links.
    #[error("{path}: has {links} hard links; replacing it would leave the others with the old text, so it is not written")]
    HardLinked {
        /// The file.
        path: String,
        /// How many names it has.
        links: u64,
    },
    /// Not a regular file (a device, a pipe, a folder).
    #[error("{path}: not a regular file; not written")]
    NotAFile {
        /// The path.
        path: String,
    },
}

/// The prefix and suffix of the temporary file written next to `NAME`.
pub fn temp_name_parts(name: &str) -> (String, &'static str) {
    (format!(".{name}.mtlint-"), ".tmp")
}

/// Replaces the contents of `path` (the file a symbolic link points to, for a
/// link) with `contents`, atomically, if it still holds exactly `checked`.
/// Returns the path of the file that was replaced.
pub fn replace_if_unchanged(
    path: &Path,
    checked: &[u8],
    contents: &[u8],
) -> Result<PathBuf, WriteError> {
    let shown = path.display().to_string();
    let io = |step: &'static str| {
        let path = shown.clone();
        move |source: io::Error| WriteError::Io {
            path: path.clone(),
            step,
            source,
        }
    };
    let link = fs::symlink_metadata(path).map_err(io("reading its metadata"))?;
    let target = if link.file_type().is_symlink() {
        fs::canonicalize(path).map_err(io("following the symbolic link"))?
    } else {
        path.to_path_buf()
    };
    let meta = fs::metadata(&target).map_err(io("reading its metadata"))?;
    if !meta.is_file() {
        return Err(WriteError::NotAFile { path: shown });
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if meta.nlink() > 1 {
            return Err(WriteError::HardLinked {
                path: shown,
                links: meta.nlink(),
            });
        }
    }
    let now = fs::read(&target).map_err(io("reading it again before writing"))?;
    if now != checked {
        return Err(WriteError::Changed { path: shown });
    }
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let (prefix, suffix) = temp_name_parts(&name);
    let mut temp = tempfile::Builder::new()
        .prefix(&prefix)
        .suffix(suffix)
        .rand_bytes(6)
        .tempfile_in(&dir)
        .map_err(io("creating a temporary file beside it"))?;
    copy_owner(temp.as_file(), &meta);
    temp.as_file()
        .set_permissions(meta.permissions())
        .map_err(io("setting the temporary file's permissions"))?;
    temp.write_all(contents)
        .map_err(io("writing the temporary file"))?;
    temp.as_file()
        .sync_all()
        .map_err(io("flushing the temporary file to disk"))?;
    temp.persist(&target)
        .map_err(|e| io("renaming the temporary file over it")(e.error))?;
    sync_dir(&dir).map_err(io("flushing its folder (the file was replaced)"))?;
    Ok(target)
}

/// Gives `file` the owner and group in `meta` where the process may; an
/// unprivileged process keeps its own (the file is then still written).
#[cfg(unix)]
fn copy_owner(file: &File, meta: &fs::Metadata) {
    use std::os::unix::fs::MetadataExt;
    if let Ok(own) = file.metadata() {
        if (own.uid(), own.gid()) != (meta.uid(), meta.gid()) {
            // not permitted for other users' files unless privileged: keep ours
            let _ = std::os::unix::fs::fchown(file, Some(meta.uid()), Some(meta.gid()));
        }
    }
}

#[cfg(not(unix))]
fn copy_owner(_file: &File, _meta: &fs::Metadata) {}

#[cfg(unix)]
fn sync_dir(dir: &Path) -> io::Result<()> {
    File::open(dir)?.sync_all()
}

#[cfg(not(unix))]
fn sync_dir(_dir: &Path) -> io::Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn temp_files(dir: &Path) -> Vec<String> {
        fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".tmp"))
            .collect()
    }

    #[test]
    fn replaces_and_leaves_no_temp_file() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("a.txt");
        fs::write(&f, "old").unwrap();
        replace_if_unchanged(&f, b"old", b"new").unwrap();
        assert_eq!(fs::read(&f).unwrap(), b"new");
        assert!(temp_files(dir.path()).is_empty());
    }

    #[test]
    fn a_changed_file_is_not_written() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("a.txt");
        fs::write(&f, "edited meanwhile").unwrap();
        let e = replace_if_unchanged(&f, b"old", b"new").unwrap_err();
        assert!(matches!(e, WriteError::Changed { .. }), "{e}");
        assert_eq!(fs::read(&f).unwrap(), b"edited meanwhile");
        assert!(temp_files(dir.path()).is_empty());
    }

    #[cfg(unix)]
    #[test]
    fn links_are_followed_and_hard_links_refused() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.txt");
        fs::write(&real, "old").unwrap();
        let link = dir.path().join("link.txt");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        let target = replace_if_unchanged(&link, b"old", b"new").unwrap();
        assert_eq!(target, fs::canonicalize(&real).unwrap());
        assert!(fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());
        assert_eq!(fs::read(&real).unwrap(), b"new");

        let hard = dir.path().join("hard.txt");
        fs::hard_link(&real, &hard).unwrap();
        let e = replace_if_unchanged(&hard, b"new", b"newer").unwrap_err();
        assert!(matches!(e, WriteError::HardLinked { links: 2, .. }), "{e}");
        assert_eq!(fs::read(&real).unwrap(), b"new");
    }
}
