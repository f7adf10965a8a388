//! mtlint: a fast checker for machine-translated news.
//!
//! ```text
//! bytes ──► Document ──► Engine ──► Vec<Diagnostic> ──► output (human | json | jsonl | sarif | github | report)
//!           (prose view     (rule packs compiled          └──► fix (safe edits, atomic writes)
//!            of plain, md    into one matcher per
//!            or html, mapped family, detectors,
//!            to the source)  suppressions; no I/O)
//! ```
//!
//! Rule packs are TOML data (`docs/rule-format.md`); the default packs in
//! `rules/` are built into the binary. The engine takes a [`Document`] and
//! returns [`Diagnostic`]s with byte spans into the original text; everything
//! a user sees is rendered from that list by [`output`].
//!
//! ```
//! use mtlint::rules::embedded;
//! use mtlint::{Document, Engine};
//!
//! let engine = Engine::new(embedded::load_default()?)?;
//! let found = engine.check(&Document::plain("Sergei Lawrow met Marco Rubio."));
//! assert_eq!(found[0].rule.as_ref(), "names/lavrov");
//! assert_eq!(found[0].suggestions().next(), Some("Lavrov"));
//! # Ok::<(), mtlint::rules::PackError>(())
//! ```

pub mod atomic;
pub mod config;
pub mod detect;
pub mod diagnostic;
pub mod document;
pub mod engine;
pub mod fix;
pub mod input;
pub mod lsp;
pub mod output;
pub mod rules;
pub mod score;
pub mod span;
pub mod suppress;
pub mod text;

pub use diagnostic::{Applicability, Category, Diagnostic, Edit, Fix, Severity};
pub use document::Document;
pub use engine::{Checked, Engine, EngineOptions};
pub use span::{LineIndex, Span};
