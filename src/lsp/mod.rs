//! The pure parts of `mtlint lsp`, the language server: position encodings,
//! keeping document text in step with the editor, findings as protocol
//! diagnostics, code actions, hover text and allow-list edits. The server
//! loop itself (stdio, threads, configuration) lives in the binary.

pub mod actions;
pub mod allow_list;
pub mod diagnostics;
pub mod hover;
pub mod position;
pub mod text;

pub use position::{Encoding, LineMap};
