//! The default rule packs from `rules/`, built into the binary.

use std::path::Path;

use super::{load_pack_str, Pack, PackError};

include!(concat!(env!("OUT_DIR"), "/embedded_packs.rs"));

/// Loads and compiles every built-in pack.
pub fn load() -> Result<Vec<Pack>, PackError> {
    PACKS
        .iter()
        .map(|(path, source)| load_pack_str(source, Path::new(path)))
        .collect()
}
