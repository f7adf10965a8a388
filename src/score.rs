//! An MQM-style quality score per article.
//!
//! Each finding costs penalty points by severity (info = minor 1,
//! warning = major 5, error = critical 25 by default). The absolute penalty
//! total (APT) is normalised by the article's word count:
//!
//! - `penalty_per_kword` = APT × 1000 / words
//! - `score` = 100 × (1 − APT / words), clamped to 0…100 (the MQM raw score)
//!
//! An article without findings scores 100; an empty article scores 100.

use serde::{Deserialize, Serialize};

use crate::diagnostic::{Diagnostic, Severity};

/// Penalty points per finding, by severity.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Weights {
    /// Points for an `info` finding (MQM minor).
    #[serde(default = "Weights::minor")]
    pub info: f64,
    /// Points for a `warning` finding (MQM major).
    #[serde(default = "Weights::major")]
    pub warning: f64,
    /// Points for an `error` finding (MQM critical).
    #[serde(default = "Weights::critical")]
    pub error: f64,
}

impl Weights {
    fn minor() -> f64 {
        1.0
    }
    fn major() -> f64 {
        5.0
    }
    fn critical() -> f64 {
        25.0
    }

    /// Points for one finding of `severity`.
    pub fn of(&self, severity: Severity) -> f64 {
        match severity {
            Severity::Info => self.info,
            Severity::Warning => self.warning,
            Severity::Error => self.error,
        }
    }
}

impl Default for Weights {
    fn default() -> Self {
        Weights {
            info: Weights::minor(),
            warning: Weights::major(),
            error: Weights::critical(),
        }
    }
}

/// The quality score of one article.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Score {
    /// Words of prose checked.
    pub words: usize,
    /// Absolute penalty total.
    pub penalty: f64,
    /// Penalty points per 1,000 words.
    pub penalty_per_kword: f64,
    /// 100 × (1 − penalty / words), clamped to 0…100; higher is better.
    pub score: f64,
}

impl Score {
    /// Scores `diagnostics` found in an article of `words` words.
    pub fn of(diagnostics: &[Diagnostic], words: usize, weights: &Weights) -> Score {
        // fold from +0.0: an empty sum of f64 is -0.0, which would print as "-0"
        let penalty = diagnostics
            .iter()
            .fold(0.0_f64, |sum, d| sum + weights.of(d.severity));
        let (per_kword, score) = if words == 0 {
            (0.0, if penalty > 0.0 { 0.0 } else { 100.0 })
        } else {
            let w = words as f64;
            (
                penalty * 1000.0 / w,
                (100.0 * (1.0 - penalty / w)).clamp(0.0, 100.0),
            )
        };
        Score {
            words,
            penalty,
            penalty_per_kword: round2(per_kword),
            score: round2(score),
        }
    }
}

/// Rounds to two decimals, so output is stable across platforms.
fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Category;
    use crate::span::Span;

    fn diag(severity: Severity) -> Diagnostic {
        Diagnostic {
            rule: "t/x".into(),
            severity,
            category: Category::Spelling,
            span: Span::new(0, 1),
            message: String::new(),
            fixes: Vec::new(),
        }
    }

    #[test]
    fn weighted_and_normalised() {
        let d = [
            diag(Severity::Error),
            diag(Severity::Warning),
            diag(Severity::Info),
        ];
        let s = Score::of(&d, 500, &Weights::default());
        assert_eq!(s.penalty, 31.0);
        assert_eq!(s.penalty_per_kword, 62.0);
        assert_eq!(s.score, 93.8);
        assert_eq!(Score::of(&[], 0, &Weights::default()).score, 100.0);
        let clean = Score::of(&[], 10, &Weights::default());
        assert_eq!(
            format!("{} {}", clean.penalty, clean.penalty_per_kword),
            "0 0"
        );
        assert_eq!(Score::of(&d, 10, &Weights::default()).score, 0.0);
    }
}
