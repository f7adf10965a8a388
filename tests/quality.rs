//! Detection quality guards: core recall on annotated articles and false
//! alarms on clean English (the same measures as `../shared/score.py`).

use std::path::{Path, PathBuf};

use mtlint::rules::embedded;
use mtlint::{Document, Engine};
use serde::Deserialize;

#[derive(Deserialize)]
struct Expect {
    #[serde(default)]
    finding: Vec<Finding>,
}

#[derive(Deserialize)]
struct Finding {
    text: String,
    #[serde(default)]
    nth: Option<usize>,
    #[serde(default)]
    all: bool,
    #[serde(default)]
    tier: Option<String>,
}

fn engine() -> Engine {
    Engine::new(embedded::load_default().expect("built-in packs")).expect("engine")
}

fn articles(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|x| x == "txt"));
    files.sort();
    files
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// (found, total) core findings of one annotated article.
fn core_recall(engine: &Engine, txt: &Path) -> (usize, usize, Vec<String>) {
    let text = std::fs::read_to_string(txt).expect("article");
    let expect: Expect = toml::from_str(
        &std::fs::read_to_string(txt.with_extension("expect.toml")).expect("annotation"),
    )
    .expect("annotation parses");
    let diags = engine.check(&Document::plain(text.clone()));
    let (mut found, mut total, mut missed) = (0, 0, Vec::new());
    for f in expect
        .finding
        .iter()
        .filter(|f| f.tier.as_deref().unwrap_or("core") == "core")
    {
        let spans: Vec<(usize, usize)> = text
            .match_indices(&f.text)
            .map(|(s, m)| (s, s + m.len()))
            .collect();
        let chosen: Vec<(usize, usize)> = if f.all {
            spans
        } else {
            spans
                .get(f.nth.unwrap_or(1) - 1)
                .copied()
                .into_iter()
                .collect()
        };
        for (s, e) in chosen {
            total += 1;
            if diags.iter().any(|d| d.span.start < e && d.span.end > s) {
                found += 1;
            } else {
                missed.push(format!("{}@{s}: {:?}", txt.display(), f.text));
            }
        }
    }
    (found, total, missed)
}

#[test]
fn seed_core_recall_is_at_least_95_percent() {
    let (found, total, missed) = core_recall(&engine(), &root().join("../shared/seed/article.txt"));
    assert!(total > 30);
    assert!(
        found * 100 >= total * 95,
        "core recall {found}/{total}; missed:\n{}",
        missed.join("\n")
    );
}

#[test]
fn clean_english_raises_at_most_half_an_alarm_per_thousand_words() {
    let engine = engine();
    let mut words = 0;
    let mut alarms = Vec::new();
    for txt in articles(&root().join("fixtures")) {
        if txt.with_extension("expect.toml").exists() {
            continue;
        }
        let text = std::fs::read_to_string(&txt).expect("clean article");
        words += text.split_whitespace().count();
        for d in engine.check(&Document::plain(text.clone())) {
            alarms.push(format!(
                "{}@{}: {:?} [{}]",
                txt.display(),
                d.span.start,
                &text[d.span.start..d.span.end],
                d.rule
            ));
        }
    }
    assert!(words >= 20_000, "the clean corpus has only {words} words");
    let rate = 1000.0 * alarms.len() as f64 / words as f64;
    assert!(
        rate <= 0.5,
        "{rate:.2} false alarms per 1,000 words ({} in {words}):\n{}",
        alarms.len(),
        alarms.join("\n")
    );
}
