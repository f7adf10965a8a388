//! Subcommands of the `mtlint` binary. Each module owns one command's
//! arguments and its run function; `session` holds what they share.

pub mod check;
pub mod fix;
pub mod init;
pub mod lsp;
pub mod report;
pub mod rules_cmd;
pub mod session;

/// Exit code: nothing at or above the failing severity was found.
pub const EXIT_CLEAN: u8 = 0;
/// Exit code: findings at or above the failing severity.
pub const EXIT_FINDINGS: u8 = 1;
/// Exit code: usage, I/O or rule-file error.
pub const EXIT_ERROR: u8 = 2;
