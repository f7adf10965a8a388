//! Engine behaviour that users rely on, tested through the library with small packs.

use std::path::Path;

use mtlint::rules::load_pack_str;
use mtlint::{Document, Engine, EngineOptions};

fn engine(rules: &str) -> Engine {
    let src = format!("[pack]\nid = \"t\"\n\n{rules}");
    let pack = load_pack_str(&src, Path::new("t.toml")).expect("pack loads");
    // the pack's rules alone: the built-in detectors are tested in tests/detectors.rs
    let mut options = EngineOptions::default();
    options.detectors.enabled = false;
    Engine::with_options(vec![pack], &options).expect("engine")
}

/// (rule id without pack, flagged text, first suggestion)
fn findings(engine: &Engine, text: &str) -> Vec<(String, String, String)> {
    engine
        .check(&Document::plain(text))
        .into_iter()
        .map(|d| {
            (
                d.rule.trim_start_matches("t/").to_string(),
                text[d.span.start..d.span.end].to_string(),
                d.suggestions().next().unwrap_or("-").to_string(),
            )
        })
        .collect()
}

fn f(rule: &str, text: &str, sug: &str) -> (String, String, String) {
    (rule.into(), text.into(), sug.into())
}

#[test]
fn overlapping_rules_are_all_reported() {
    let e = engine(
        r#"
[[rule]]
id = "idiom"
kind = "term"
find = ["work of the messages"]
replace = "work of the embassies"
message = "m"
bad = ["the work of the messages"]
good = ["x"]

[[rule]]
id = "word"
kind = "term"
find = ["messages"]
replace = "embassies"
message = "m"
bad = ["messages"]
good = ["x"]
"#,
    );
    assert_eq!(
        findings(&e, "It hampered the work of the messages."),
        vec![
            f("idiom", "work of the messages", "work of the embassies"),
            f("word", "messages", "embassies")
        ]
    );
}

#[test]
fn terms_match_whole_words_in_smart_case_and_inflect() {
    let e = engine(
        r#"
[[rule]]
id = "row-back"
kind = "term"
find = ["row back"]
replace = "backtrack"
inflect = "verb"
message = "m"
bad = ["row back"]
good = ["x"]

[[rule]]
id = "peak"
kind = "term"
find = ["peak"]
replace = "summit"
inflect = "noun"
message = "m"
bad = ["peak"]
good = ["x"]
"#,
    );
    assert_eq!(
        findings(&e, "Rowed back, he speaks of PEAKS and peaks. ROWING BACK"),
        vec![
            f("row-back", "Rowed back", "Backtracked"),
            f("peak", "PEAKS", "SUMMITS"),
            f("peak", "peaks", "summits"),
            f("row-back", "ROWING BACK", "BACKTRACKING"),
        ]
    );
}

#[test]
fn names_consistency_and_as_word() {
    let e = engine(
        r#"
[[rule]]
id = "blinken"
kind = "names"
canonical = "Blinken"
variants = ["Blinkin"]
as_word = ["Blinking"]
given = ["Antony", "Secretary of State"]
bad = ["Antony Blinking"]
good = ["x"]

[[rule]]
id = "zelensky"
kind = "consistency"
forms = ["Zelensky", "Zelenskyy"]
bad = ["Zelensky Zelenskyy Zelensky"]
good = ["x"]
"#,
    );
    let text = "Antony Blinking met Zelenskyy. Lights kept blinking. Blinking Zelensky, Zelensky, Secretary of State Blinking.";
    assert_eq!(
        findings(&e, text),
        vec![
            f("blinken", "Blinking", "Blinken"),
            f("zelensky", "Zelenskyy", "Zelensky"),
            f("blinken", "Blinking", "Blinken"),
        ]
    );
}

#[test]
fn line_findings_cover_the_line_break_and_keep_crlf_offsets() {
    let e = engine(
        r#"
[[rule]]
id = "share"
kind = "line"
lines = ["Copy the current link"]
bad = ["Copy the current link"]
good = ["x"]
"#,
    );
    let text = "Ünïcödé headline\r\n  » Copy the current link.\r\nBody text.";
    let d = e.check(&Document::plain(text));
    assert_eq!(d.len(), 1);
    assert_eq!(
        &text[d[0].span.start..d[0].span.end],
        "  » Copy the current link.\r\n"
    );
    assert_eq!(d[0].suggestions().collect::<Vec<_>>(), [""]);
}

#[test]
fn patterns_expand_templates_and_respect_same_and_report() {
    let e = engine(
        r#"
[[rule]]
id = "comma"
kind = "pattern"
regex = '\b(\d{1,3}),(\d{1,2}) percent\b'
replace = "$1.$2 percent"
message = "m"
bad = ["3,5 percent"]
good = ["x"]

[[rule]]
id = "twice"
kind = "pattern"
regex = '\b(?P<a>\p{Lu}\p{L}+) with (?P<b>\p{L}+)\b'
same = ["a", "b"]
replace = "$a"
message = "m"
bad = ["Putin with Putin"]
good = ["x"]

[[rule]]
id = "said"
kind = "pattern"
regex = '\bsaid(?P<dup> said)\b'
report = "dup"
replace = ""
message = "m"
bad = ["said said"]
good = ["x"]
"#,
    );
    assert_eq!(
        findings(&e, "Up 3,5 percent; 3,500 percent? He spoke with Merz with Putin with Putin and said said."),
        vec![
            f("comma", "3,5 percent", "3.5 percent"),
            f("twice", "Putin with Putin", "Putin"),
            f("said", " said", ""),
        ]
    );
}

#[test]
fn context_conditions_stop_at_sentence_ends() {
    let e = engine(
        r#"
[[rule]]
id = "fm"
kind = "title"
find = ["foreign minister"]
replace = "Secretary of State"
holders = ["Marco Rubio"]
countries = ["US", "U.S."]
not_preceded_by = ["Ukraine-US"]
bad = ["US foreign minister"]
good = ["x"]
"#,
    );
    assert_eq!(
        findings(&e, "Talks in Ukraine. US foreign minister spoke. The U.S. Foreign Minister spoke. Foreign Minister Rubio. Foreign Minister Lavrov. Us. Foreign minister Wang."),
        vec![
            f("fm", "foreign minister", "Secretary of State"),
            f("fm", "Foreign Minister", "Secretary of State"),
            f("fm", "Foreign Minister", "Secretary of State"),
        ]
    );
}

#[test]
fn spans_are_byte_offsets_on_multibyte_text() {
    let e = engine(
        r#"
[[rule]]
id = "lavrov"
kind = "names"
canonical = "Lavrov"
variants = ["Lawrow"]
bad = ["Lawrow"]
good = ["x"]
"#,
    );
    let text = "„Grüße“ – 😀 Lawrow’s visit";
    let d = e.check(&Document::plain(text));
    assert_eq!(d.len(), 1);
    assert_eq!(&text[d[0].span.start..d[0].span.end], "Lawrow");
}

#[test]
fn one_rule_reports_its_longest_match_only() {
    let e = engine(
        r#"
[[rule]]
id = "leitzins"
kind = "term"
find = ["leading interest", "leading interest rate"]
replace = "key interest rate"
message = "m"
bad = ["leading interest rate"]
good = ["x"]
"#,
    );
    assert_eq!(
        findings(&e, "The leading interest rate rose; leading interest fell."),
        vec![
            f("leitzins", "leading interest rate", "key interest rate"),
            f("leitzins", "leading interest", "key interest rate"),
        ]
    );
}

#[test]
fn case_insensitive_patterns_match_any_capitalisation() {
    let e = engine(
        r#"
[[rule]]
id = "since-years"
kind = "pattern"
regex = '\bsince (years|months)\b'
case = "any"
replace = "for $1"
message = "m"
bad = ["since years"]
good = ["x"]
"#,
    );
    assert_eq!(
        findings(&e, "It rained since years. SINCE MONTHS it rains."),
        vec![
            f("since-years", "since years", "for years"),
            f("since-years", "SINCE MONTHS", "For MONTHS"),
        ]
    );
}
