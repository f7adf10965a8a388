//! The configuration file: `mtlint.toml` (or `.mtlint.toml`), found by walking
//! up from each checked file, or named with `--config`.
//!
//! ```toml
//! [rules]
//! packs = ["names", "false-friends"]     # built-in packs to load (default: all default packs)
//! extra = ["desk-rules/"]                # the desk's own packs, relative to this file
//! disable = ["idioms/*", "typography/en-dash"]
//! severity = { "names/*" = "warning" }
//!
//! [style]
//! prefer = ["Kiev", "Zelenskyy", "rouble"]   # house spellings
//! spelling = "us"                            # or "uk"
//!
//! [allow]
//! words = ["Riad Salameh"]
//!
//! [files]
//! exclude = ["drafts/**"]
//!
//! [score]
//! info = 1
//! warning = 5
//! error = 25
//!
//! [detectors.repetition]
//! severity = "warning"
//! ```
//!
//! `mtlint init` writes a commented starter file ([`STARTER`]). Every error
//! names the file, line and column, and an unknown key comes with the
//! closest valid one.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use crate::detect::{self, DetectorSettings, DetectorsConfig};
use crate::diagnostic::Severity;
use crate::score::Weights;
use crate::span::LineIndex;

/// File names looked for in each folder, in order.
pub const FILE_NAMES: &[&str] = &["mtlint.toml", ".mtlint.toml"];

/// The commented starter file `mtlint init` writes.
pub const STARTER: &str = include_str!("config_starter.toml");

/// House spelling variety.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Spelling {
    /// American spelling: loads the optional `spelling-us` pack.
    Us,
    /// British spelling: loads the optional `spelling-uk` pack.
    Uk,
}

impl Spelling {
    /// The optional built-in pack that enforces this spelling.
    pub fn pack(self) -> &'static str {
        match self {
            Spelling::Us => "spelling-us",
            Spelling::Uk => "spelling-uk",
        }
    }
}

/// The parsed configuration, with paths resolved against the file's folder.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Config {
    /// The file it was read from (`None`: built-in defaults).
    pub path: Option<PathBuf>,
    /// Built-in packs to load; `None` loads every default pack.
    pub packs: Option<Vec<String>>,
    /// More pack files or folders.
    pub extra_rules: Vec<PathBuf>,
    /// Rule ids, packs or globs to switch off.
    pub disable: Vec<String>,
    /// Severity overrides by rule id, pack or glob (later entries win).
    pub severity: Vec<(String, Severity)>,
    /// Preferred house spellings.
    pub prefer: Vec<String>,
    /// House spelling variety.
    pub spelling: Option<Spelling>,
    /// Words and names never reported.
    pub allow: Vec<String>,
    /// Globs of files not checked when folders are walked, relative to the file's folder.
    pub exclude: Vec<String>,
    /// Penalty weights of the quality score.
    pub weights: Weights,
    /// Detector switches and settings.
    pub detectors: DetectorsConfig,
}

/// Why a configuration file was rejected.
#[derive(Debug, thiserror::Error)]
#[error("{path}:{line}:{column}: {message}")]
pub struct ConfigError {
    /// The file.
    pub path: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
    /// What is wrong.
    pub message: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    #[serde(default)]
    rules: Option<RawRules>,
    #[serde(default)]
    style: Option<RawStyle>,
    #[serde(default)]
    allow: Option<RawAllow>,
    #[serde(default)]
    files: Option<RawFiles>,
    #[serde(default)]
    score: Option<Weights>,
    #[serde(default)]
    detectors: BTreeMap<String, Spanned<toml::Value>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRules {
    packs: Option<Vec<Spanned<String>>>,
    #[serde(default)]
    extra: Vec<String>,
    #[serde(default)]
    disable: Vec<Spanned<String>>,
    #[serde(default)]
    severity: BTreeMap<String, Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStyle {
    #[serde(default)]
    prefer: Vec<String>,
    spelling: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAllow {
    #[serde(default)]
    words: Vec<String>,
    #[serde(default)]
    names: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFiles {
    #[serde(default)]
    exclude: Vec<Spanned<String>>,
}

impl Config {
    /// Reads a configuration file.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let source = std::fs::read_to_string(path).map_err(|e| ConfigError {
            path: path.display().to_string(),
            line: 1,
            column: 1,
            message: e.to_string(),
        })?;
        Config::parse(&source, path)
    }

    /// The nearest configuration file for `start` (a file or folder): the
    /// first [`FILE_NAMES`] entry found in its folder or any folder above.
    pub fn discover(start: &Path) -> Option<PathBuf> {
        let start = if start.is_dir() {
            start.to_path_buf()
        } else {
            start.parent().map(Path::to_path_buf).unwrap_or_default()
        };
        let start = if start.as_os_str().is_empty() {
            PathBuf::from(".")
        } else {
            start
        };
        let absolute = std::path::absolute(&start).unwrap_or(start);
        absolute.ancestors().find_map(|dir| {
            FILE_NAMES
                .iter()
                .map(|name| dir.join(name))
                .find(|p| p.is_file())
        })
    }

    /// The folder relative paths in this configuration are resolved against.
    pub fn base_dir(&self) -> PathBuf {
        self.path
            .as_deref()
            .and_then(Path::parent)
            .map(Path::to_path_buf)
            .unwrap_or_default()
    }

    /// Parses configuration text; `path` is used in errors and to resolve
    /// relative paths.
    pub fn parse(source: &str, path: &Path) -> Result<Config, ConfigError> {
        let index = LineIndex::new(source);
        let err = |offset: usize, message: String| {
            let pos = index.position(source, offset);
            ConfigError {
                path: path.display().to_string(),
                line: pos.line,
                column: pos.column,
                message,
            }
        };
        let raw: RawConfig = toml::from_str(source).map_err(|e| {
            let msg = e.message().lines().next().unwrap_or("").to_string();
            err(e.span().map_or(0, |s| s.start), with_suggestion(&msg))
        })?;
        let base = path.parent().map(Path::to_path_buf).unwrap_or_default();
        let mut config = Config {
            path: Some(path.to_path_buf()),
            ..Config::default()
        };
        if let Some(rules) = raw.rules {
            if let Some(packs) = rules.packs {
                let known = builtin_pack_ids();
                for p in &packs {
                    if !known.contains(&p.get_ref().as_str()) {
                        let mut msg = format!("rules.packs: no built-in pack `{}`", p.get_ref());
                        match crate::rules::closest_name(p.get_ref(), &known) {
                            Some(best) => msg.push_str(&format!(" (did you mean `{best}`?)")),
                            None => {
                                msg.push_str(&format!(" (built-in packs: {})", known.join(", ")))
                            }
                        }
                        return Err(err(p.span().start, msg));
                    }
                }
                config.packs = Some(packs.into_iter().map(Spanned::into_inner).collect());
            }
            config.extra_rules = rules.extra.iter().map(|p| base.join(p)).collect();
            for pattern in rules.disable {
                check_glob(pattern.get_ref()).map_err(|m| err(pattern.span().start, m))?;
                config.disable.push(pattern.into_inner());
            }
            for (pattern, level) in rules.severity {
                let at = level.span().start;
                check_glob(&pattern).map_err(|m| err(at, m))?;
                let severity: Severity = level
                    .get_ref()
                    .parse()
                    .map_err(|m: String| err(at, format!("rules.severity.\"{pattern}\": {m}")))?;
                config.severity.push((pattern, severity));
            }
        }
        if let Some(style) = raw.style {
            config.prefer = style.prefer;
            if let Some(s) = style.spelling {
                config.spelling = Some(match s.get_ref().as_str() {
                    "us" => Spelling::Us,
                    "uk" => Spelling::Uk,
                    other => {
                        return Err(err(
                            s.span().start,
                            format!(
                            "style.spelling: unknown value `{other}` (expected \"us\" or \"uk\")"
                        ),
                        ))
                    }
                });
            }
        }
        if let Some(allow) = raw.allow {
            config.allow = allow.words.into_iter().chain(allow.names).collect();
        }
        if let Some(files) = raw.files {
            for pattern in files.exclude {
                check_glob(pattern.get_ref()).map_err(|m| err(pattern.span().start, m))?;
                config.exclude.push(pattern.into_inner());
            }
        }
        if let Some(weights) = raw.score {
            config.weights = weights;
        }
        config.detectors = parse_detectors(raw.detectors, &err)?;
        Ok(config)
    }

    /// Whether `file` is excluded by `[files] exclude` (matched against its
    /// path relative to the configuration's folder).
    pub fn excludes(&self, file: &Path) -> bool {
        if self.exclude.is_empty() {
            return false;
        }
        let base = std::path::absolute(self.base_dir()).unwrap_or_default();
        let file = std::path::absolute(file).unwrap_or_else(|_| file.to_path_buf());
        let relative = file.strip_prefix(&base).unwrap_or(&file);
        // the file and each folder above it, up to the configuration's folder
        let candidates: Vec<&Path> = relative
            .ancestors()
            .filter(|p| !p.as_os_str().is_empty())
            .collect();
        self.exclude.iter().any(|pattern| {
            let Ok(glob) = globset::GlobBuilder::new(pattern.trim_end_matches('/'))
                .literal_separator(true)
                .build()
            else {
                return false;
            };
            let m = glob.compile_matcher();
            // like .gitignore: a pattern without `/` matches a name at any depth
            let anywhere = !pattern.trim_end_matches('/').contains('/');
            candidates.iter().any(|c| {
                m.is_match(c) || (anywhere && c.file_name().is_some_and(|n| m.is_match(n)))
            })
        })
    }
}

/// Ids of the built-in packs (each pack's id is its file name).
pub fn builtin_pack_ids() -> Vec<&'static str> {
    crate::rules::embedded::PACKS
        .iter()
        .filter_map(|(path, _)| Path::new(path).file_stem().and_then(|s| s.to_str()))
        .collect()
}

/// Appends the closest valid key to serde's "unknown field" message.
fn with_suggestion(message: &str) -> String {
    let Some(rest) = message.strip_prefix("unknown field `") else {
        return message.to_string();
    };
    let Some((field, expected)) = rest.split_once('`') else {
        return message.to_string();
    };
    let valid: Vec<&str> = expected
        .split('`')
        .skip(1)
        .step_by(2)
        .filter(|k| !k.is_empty())
        .collect();
    match crate::rules::closest_name(field, &valid) {
        Some(best) => format!("{message} (did you mean `{best}`?)"),
        None => message.to_string(),
    }
}

fn check_glob(pattern: &str) -> Result<(), String> {
    globset::Glob::new(pattern)
        .map(|_| ())
        .map_err(|e| format!("bad pattern `{pattern}`: {}", e.kind()))
}

fn parse_detectors(
    table: BTreeMap<String, Spanned<toml::Value>>,
    err: &dyn Fn(usize, String) -> ConfigError,
) -> Result<DetectorsConfig, ConfigError> {
    let known = detect::names();
    let mut detectors = DetectorsConfig::default();
    for (key, value) in table {
        let at = value.span().start;
        let value = value.into_inner();
        if key == "enabled" {
            detectors.enabled = value
                .as_bool()
                .ok_or_else(|| err(at, "`detectors.enabled` must be true or false".into()))?;
            continue;
        }
        if !known.contains(&key.as_str()) {
            let mut msg = format!("unknown detector `{key}`");
            if let Some(best) = crate::rules::closest_name(&key, &known) {
                msg.push_str(&format!(" (did you mean `{best}`?)"));
            }
            return Err(err(at, msg));
        }
        let settings: DetectorSettings = value.try_into().map_err(|e: toml::de::Error| {
            let msg = e.message().lines().next().unwrap_or("").to_string();
            err(at, format!("[detectors.{key}]: {}", with_suggestion(&msg)))
        })?;
        detectors.settings.insert(key, settings);
    }
    Ok(detectors)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Result<Config, String> {
        Config::parse(s, Path::new("cfg/mtlint.toml")).map_err(|e| e.to_string())
    }

    #[test]
    fn starter_file_is_valid() {
        assert!(parse(STARTER).is_ok(), "{:?}", parse(STARTER));
    }

    #[test]
    fn unknown_key_is_located_with_a_suggestion() {
        let e = parse("[rules]\ndisabel = [\"x\"]\n").err();
        assert_eq!(
            e.as_deref().map(|e| e.split(" (did").next().unwrap_or("")),
            Some("cfg/mtlint.toml:2:1: unknown field `disabel`, expected one of `packs`, `extra`, `disable`, `severity`")
        );
        assert!(e.is_some_and(|e| e.ends_with("(did you mean `disable`?)")));
        let e = parse("[detectors.repetiton]\nenabled = false\n").err();
        assert!(e.is_some_and(|e| e.contains("did you mean `repetition`")));
    }

    #[test]
    fn values_are_checked() {
        let e = parse("[rules.severity]\n\"names/*\" = \"fatal\"\n").err();
        assert!(e.is_some_and(|e| e.starts_with("cfg/mtlint.toml:2:13: rules.severity")));
        let e = parse("[style]\nspelling = \"au\"\n").err();
        assert!(e.is_some_and(|e| e.starts_with("cfg/mtlint.toml:2:12:")));
    }

    #[test]
    fn relative_paths_follow_the_file() {
        let c = parse("[rules]\nextra = [\"desk\"]\n[style]\nspelling = \"uk\"\n").ok();
        let c = c.as_ref();
        assert_eq!(
            c.map(|c| c.extra_rules.clone()),
            Some(vec![PathBuf::from("cfg/desk")])
        );
        assert_eq!(c.and_then(|c| c.spelling), Some(Spelling::Uk));
    }

    #[test]
    fn exclude_matches_files_and_folders() {
        let c = parse("[files]\nexclude = [\"drafts\", \"*.tmp.md\"]\n").ok();
        let c = c.as_ref();
        assert!(c.is_some_and(|c| c.excludes(Path::new("cfg/drafts/a.md"))));
        assert!(c.is_some_and(|c| c.excludes(Path::new("cfg/x.tmp.md"))));
        assert!(c.is_some_and(|c| c.excludes(Path::new("cfg/news/y.tmp.md"))));
        assert!(c.is_some_and(|c| !c.excludes(Path::new("cfg/news/a.md"))));
    }
}
