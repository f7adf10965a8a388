//! The configuration file (`--config FILE`): for now the `[detectors]` table.
//!
//! ```toml
//! [detectors]
//! enabled = true                 # all detectors (default true)
//!
//! [detectors.repetition]
//! enabled = true
//! severity = "warning"
//! allow = ["Walla Walla"]
//! threshold = 0.9                # meaning depends on the detector
//! ```

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use crate::detect::{self, DetectorSettings, DetectorsConfig};
use crate::span::LineIndex;

/// The parsed configuration.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Config {
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
    detectors: BTreeMap<String, Spanned<toml::Value>>,
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

    /// Parses configuration text; `path` is used in errors.
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
            err(e.span().map_or(0, |s| s.start), msg)
        })?;
        let known = detect::names();
        let mut detectors = DetectorsConfig::default();
        for (key, value) in raw.detectors {
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
                err(
                    at,
                    format!(
                        "[detectors.{key}]: {}",
                        e.message().lines().next().unwrap_or("")
                    ),
                )
            })?;
            detectors.settings.insert(key, settings);
        }
        Ok(Config { detectors })
    }
}
