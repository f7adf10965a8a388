//! The default rule packs from `rules/`, built into the binary.

use std::path::Path;

use super::{load_pack_str, Pack, PackError};

include!(concat!(env!("OUT_DIR"), "/embedded_packs.rs"));

/// Loads and compiles every built-in pack, the optional ones (`default = false`) included.
pub fn load() -> Result<Vec<Pack>, PackError> {
    PACKS
        .iter()
        .map(|(path, source)| load_pack_str(source, Path::new(path)))
        .collect()
}

/// Loads the built-in packs a plain check uses: all but the optional ones
/// (`default = false`), which wait for a configuration that names them.
pub fn load_default() -> Result<Vec<Pack>, PackError> {
    Ok(load()?.into_iter().filter(|p| p.default).collect())
}
