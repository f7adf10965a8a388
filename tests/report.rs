//! `mtlint report`: the HTML and Markdown correction reports, checked by
//! parsing the page, and rendered in real headless Chromium.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::BTreeMap;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{mtlint, write, SEED};
use mtlint::document::InputFormat;
use mtlint::fix::{fix_text, FixMode};
use mtlint::rules::embedded;
use mtlint::{Document, Engine};
use scraper::{ElementRef, Html, Selector};
use serde_json::Value;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn sel(s: &str) -> Selector {
    Selector::parse(s).unwrap()
}

/// `mtlint check --format json` on `paths`: the findings the report must show.
fn check_json(paths: &[&str]) -> Value {
    let mut args = vec!["check", "--format", "json"];
    args.extend_from_slice(paths);
    let out = mtlint().args(&args).output().unwrap();
    serde_json::from_slice(&out.stdout).expect("JSON output")
}

/// `mtlint report` on `paths` with `extra` options; the report from stdout.
fn report(paths: &[&str], extra: &[&str]) -> String {
    let mut args = vec!["report"];
    args.extend_from_slice(extra);
    args.extend_from_slice(paths);
    let out = mtlint().args(&args).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Two fixtures in a folder of their own (an MT article and a clean one).
fn two_fixtures() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for name in ["mt-01-ukraine-kharkiv.txt", "clean-01-diplomacy.txt"] {
        std::fs::copy(root().join("fixtures").join(name), dir.path().join(name)).unwrap();
    }
    dir
}

fn text_of(e: ElementRef<'_>) -> String {
    e.text().collect()
}

/// The text of `e` without the content of `<del>` (`skip = "del"`) or `<ins>` elements.
fn text_without(e: ElementRef<'_>, skip: &str) -> String {
    let mut out = String::new();
    for node in e.children() {
        if let Some(t) = node.value().as_text() {
            out.push_str(t);
        } else if let Some(child) = ElementRef::wrap(node) {
            if child.value().name() != skip {
                out.push_str(&text_without(child, skip));
            }
        }
    }
    out
}

/// Checks that article `k` (1-based) of `doc` highlights every finding of
/// `file` (one file of the JSON output) with its rule, severity and span.
fn assert_highlights(doc: &Html, k: usize, file: &Value) {
    let diags = file["diagnostics"].as_array().unwrap();
    let article = doc
        .select(&sel(&format!("section.article#article-{k}")))
        .next()
        .unwrap_or_else(|| panic!("article {k} has a section"));
    let text = article.select(&sel(".article-text")).next().unwrap();
    let firsts: Vec<ElementRef<'_>> = text.select(&sel("mark.hl[id]")).collect();
    assert_eq!(
        firsts.len(),
        diags.len(),
        "one highlight with an id per diagnostic in {}",
        file["path"]
    );
    let mut pieces: BTreeMap<String, String> = BTreeMap::new();
    for m in text.select(&sel("mark.hl")) {
        let id = m.value().attr("data-diag").unwrap().to_string();
        pieces.entry(id).or_default().push_str(&text_of(m));
    }
    assert_eq!(
        pieces.len(),
        diags.len(),
        "every highlight belongs to a finding"
    );
    for (n, d) in diags.iter().enumerate() {
        let id = format!("a{k}-d{}", n + 1);
        let m = doc
            .select(&sel(&format!("mark.hl#{id}")))
            .next()
            .unwrap_or_else(|| panic!("{id} is highlighted"));
        let attr = |a: &str| m.value().attr(a).unwrap_or_default().to_string();
        assert_eq!(attr("data-rule"), d["rule"].as_str().unwrap(), "{id}");
        assert_eq!(attr("data-severity"), d["severity"].as_str().unwrap());
        assert_eq!(attr("data-category"), d["category"].as_str().unwrap());
        assert!(m
            .value()
            .classes()
            .any(|c| c == format!("sev-{}", attr("data-severity"))));
        assert_eq!(attr("data-start"), d["span"]["start"].to_string(), "{id}");
        assert_eq!(attr("data-end"), d["span"]["end"].to_string(), "{id}");
        assert!(attr("title").contains(d["message"].as_str().unwrap()));
        assert_eq!(attr("tabindex"), "0", "reachable with the keyboard");
        assert_eq!(
            pieces[&id],
            d["text"].as_str().unwrap(),
            "{id}: the highlighted text is the flagged text"
        );
        // the same finding in the list, with its line and column
        let item = doc
            .select(&sel(&format!("#issue-{id}")))
            .next()
            .unwrap_or_else(|| panic!("{id} is listed"));
        let pos = text_of(item.select(&sel(".pos")).next().unwrap());
        assert_eq!(
            pos,
            format!("line {}, column {}", d["span"]["line"], d["span"]["column"])
        );
        let category = item
            .ancestors()
            .filter_map(ElementRef::wrap)
            .find(|e| e.value().classes().any(|c| c == "category"))
            .unwrap();
        assert_eq!(
            category.value().attr("data-category"),
            d["category"].as_str(),
            "{id} is listed under its category"
        );
    }
}

/// The text with the safe fixes applied, as the library computes it.
fn safe_fixed(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    let engine = Engine::new(embedded::load_default().unwrap()).unwrap();
    let doc = Document::parse(text.clone(), InputFormat::from_path(path));
    let diags = engine.check(&doc);
    fix_text(&text, &diags, FixMode::Safe).0
}

fn assert_self_contained(html: &str) {
    let doc = Html::parse_document(html);
    assert_eq!(doc.select(&sel("link")).count(), 0, "no <link>");
    assert_eq!(
        doc.select(&sel("script[src]")).count(),
        0,
        "no external script"
    );
    for tag in ["img", "iframe", "object", "embed", "video", "audio", "base"] {
        assert_eq!(doc.select(&sel(tag)).count(), 0, "no <{tag}>");
    }
    for e in doc.select(&sel("[src], [href], [action], [srcset]")) {
        for a in ["src", "href", "action", "srcset"] {
            if let Some(v) = e.value().attr(a) {
                let v = v.trim().to_ascii_lowercase();
                assert!(
                    !v.starts_with("http:") && !v.starts_with("https:") && !v.starts_with("//"),
                    "external URL in {a}: {v}"
                );
            }
        }
    }
    for style in doc.select(&sel("style")) {
        let css = text_of(style);
        assert!(
            !css.contains("@import") && !css.contains("url("),
            "CSS loads nothing"
        );
    }
    for script in doc.select(&sel("script")) {
        let js = text_of(script);
        for api in ["fetch(", "XMLHttpRequest", "import(", "http://", "https://"] {
            assert!(
                !js.contains(api),
                "the script does not touch the network ({api})"
            );
        }
    }
}

#[test]
fn html_report_highlights_every_finding_of_the_seed() {
    let json = check_json(&[SEED]);
    let html = report(&[SEED], &[]);
    let doc = Html::parse_document(&html);
    let file = &json["files"][0];
    assert!(file["diagnostics"].as_array().unwrap().len() > 20);
    assert_highlights(&doc, 1, file);
    let body = doc.select(&sel("body")).next().unwrap();
    assert_eq!(
        body.value().attr("data-diagnostics").unwrap(),
        file["diagnostics"].as_array().unwrap().len().to_string()
    );
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert_eq!(doc.select(&sel("html[lang=en]")).count(), 1);
    assert_eq!(doc.select(&sel("meta[charset=utf-8]")).count(), 1);
    assert_eq!(doc.select(&sel("meta[name=viewport]")).count(), 1);
    assert!(html.contains("@media print"), "a print stylesheet");
    assert!(html.contains("@media (max-width"), "a narrow-screen layout");
    assert_eq!(
        doc.select(&sel("#summary")).count(),
        0,
        "one article: no summary"
    );
    assert_self_contained(&html);
}

#[test]
fn html_report_shows_the_mqm_score_and_the_corrected_text() {
    let json = check_json(&[SEED]);
    let html = report(&[SEED], &[]);
    let doc = Html::parse_document(&html);
    let score = doc.select(&sel("#article-1 .stat.score")).next().unwrap();
    let words: f64 = score.value().attr("data-words").unwrap().parse().unwrap();
    assert!(words > 1000.0, "the seed has more than 1,000 words");
    let penalty: f64 = json["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| match d["severity"].as_str().unwrap() {
            "error" => 25.0,
            "warning" => 5.0,
            _ => 1.0,
        })
        .sum();
    let expected = ((100.0 * (1.0 - penalty / words)).clamp(0.0, 100.0) * 100.0).round() / 100.0;
    let shown: f64 = score.value().attr("data-score").unwrap().parse().unwrap();
    assert!((shown - expected).abs() < 0.006, "{shown} vs {expected}");
    assert_eq!(
        text_of(score.select(&sel(".big")).next().unwrap()),
        format!("{expected:.2}")
    );
    let per_kword: f64 = score
        .value()
        .attr("data-penalty-per-kword")
        .unwrap()
        .parse()
        .unwrap();
    assert!((per_kword - penalty * 1000.0 / words).abs() < 0.006);
    // counts by severity
    for sev in ["error", "warning", "info"] {
        let n = json["files"][0]["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["severity"] == sev)
            .count();
        let chip = doc
            .select(&sel(&format!("#article-1 .chip[data-severity={sev}]")))
            .next()
            .unwrap();
        assert_eq!(chip.value().attr("data-count").unwrap(), n.to_string());
    }
    // a bar per category, as long as the category's count
    let mut per_category: BTreeMap<String, usize> = BTreeMap::new();
    for d in json["files"][0]["diagnostics"].as_array().unwrap() {
        *per_category
            .entry(d["category"].as_str().unwrap().into())
            .or_default() += 1;
    }
    for (cat, n) in &per_category {
        let row = doc
            .select(&sel(&format!(
                "#article-1 .bar-row[data-category=\"{cat}\"]"
            )))
            .next()
            .unwrap_or_else(|| panic!("a bar for {cat}"));
        assert_eq!(
            text_of(row.select(&sel(".bar-n")).next().unwrap()),
            n.to_string()
        );
    }
    assert_eq!(
        doc.select(&sel("#article-1 .bar-row")).count(),
        per_category.len()
    );
    // the corrected text is exactly what `fix_text` makes of the seed
    let original = std::fs::read_to_string(root().join(SEED)).unwrap();
    let fixed = safe_fixed(&root().join(SEED));
    assert_ne!(fixed, original, "the seed has safe fixes");
    let plain = doc
        .select(&sel("#article-1 textarea.corrected-plain"))
        .next()
        .unwrap();
    assert_eq!(
        text_of(plain),
        fixed,
        "the plain copy (the parser drops the newline after <textarea>)"
    );
    let marked = doc
        .select(&sel("#article-1 .corrected-text"))
        .next()
        .unwrap();
    assert_eq!(
        text_without(marked, "del"),
        fixed,
        "without <del>: the corrected text"
    );
    assert_eq!(
        text_without(marked, "ins"),
        original,
        "without <ins>: the original"
    );
    assert!(marked.select(&sel("ins")).any(|e| text_of(e) == "Lavrov"));
    assert!(marked.select(&sel("del")).any(|e| text_of(e) == "Lawrow"));
}

#[test]
fn html_report_escapes_everything_from_the_article() {
    let dir = tempfile::tempdir().unwrap();
    let article =
        "Rubio meets Lawrow <script>alert(\"pwned\")</script> & <b>bold</b> 'single' \"double\".\n\
                   <img src=\"https://example.org/x.png\"> Kyiv &amp; Riad.\n";
    let path = write(dir.path(), "odd & <name>.txt", article);
    let json = check_json(&[&path]);
    assert!(!json["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .is_empty());
    let html = report(&[&path], &[]);
    let doc = Html::parse_document(&html);
    assert_eq!(
        doc.select(&sel("script")).count(),
        1,
        "only the report's own script"
    );
    assert!(!text_of(doc.select(&sel("script")).next().unwrap()).contains("pwned"));
    assert_eq!(
        doc.select(&sel("b, img")).count(),
        0,
        "no markup from the article"
    );
    let text = doc.select(&sel(".article-text")).next().unwrap();
    assert_eq!(
        text_of(text),
        article,
        "the article text, character for character"
    );
    assert_eq!(
        text_of(doc.select(&sel("#article-1-title")).next().unwrap()),
        "odd & <name>.txt"
    );
    assert_highlights(&doc, 1, &json["files"][0]);
    assert_self_contained(&html);
    // Markdown: nothing from the article is live markup outside code
    let md = report(&[&path], &["--format", "markdown"]);
    let mut in_fence = false;
    for line in md.lines() {
        if line.starts_with("```") {
            in_fence = !in_fence;
            continue;
        }
        if !in_fence {
            // outside code spans, an escaped `\<` is text, a bare `<` would be markup
            let outside_code: String = line.split('`').step_by(2).collect();
            let outside_code = outside_code.replace("\\<", "");
            assert!(!outside_code.contains("<script"), "escaped: {line}");
            assert!(!outside_code.contains("<img"), "escaped: {line}");
        }
    }
}

#[test]
fn folder_report_starts_with_a_summary_of_every_article() {
    let dir = two_fixtures();
    let folder = dir.path().to_str().unwrap();
    let json = check_json(&[folder]);
    let files = json["files"].as_array().unwrap();
    assert_eq!(files.len(), 2);
    let html = report(&[folder], &[]);
    let doc = Html::parse_document(&html);
    let summary = doc
        .select(&sel("#summary"))
        .next()
        .expect("a summary first");
    let first_article = doc.select(&sel("section.article")).next().unwrap();
    assert!(
        html.find("id=\"summary\"").unwrap() < html.find("id=\"article-1\"").unwrap(),
        "the summary comes before the articles"
    );
    let rows: Vec<ElementRef<'_>> = summary.select(&sel("tbody tr")).collect();
    assert_eq!(rows.len(), 2);
    for (k, (row, file)) in rows.iter().zip(files).enumerate() {
        let link = row.select(&sel("a")).next().unwrap();
        let anchor = format!("article-{}", k + 1);
        assert_eq!(link.value().attr("href").unwrap(), format!("#{anchor}"));
        assert_eq!(doc.select(&sel(&format!("section#{anchor}"))).count(), 1);
        let name = Path::new(file["path"].as_str().unwrap())
            .file_name()
            .unwrap();
        assert_eq!(text_of(link), name.to_str().unwrap());
        assert_highlights(&doc, k + 1, file);
    }
    assert_eq!(first_article.value().attr("id"), Some("article-1"));
    // overall score: the articles' scores weighted by their words
    let (mut weighted, mut words) = (0.0, 0.0);
    for a in doc.select(&sel("section.article .stat.score")) {
        let w: f64 = a.value().attr("data-words").unwrap().parse().unwrap();
        let s: f64 = a.value().attr("data-score").unwrap().parse().unwrap();
        weighted += s * w;
        words += w;
    }
    let overall = summary.select(&sel(".stat.score")).next().unwrap();
    let shown: f64 = overall.value().attr("data-score").unwrap().parse().unwrap();
    assert!(
        (shown - weighted / words).abs() < 0.01,
        "{shown} vs {}",
        weighted / words
    );
    assert_eq!(
        overall.value().attr("data-words").unwrap(),
        format!("{words}")
    );
    let total = files
        .iter()
        .map(|f| f["diagnostics"].as_array().unwrap().len())
        .sum::<usize>();
    assert_eq!(
        doc.select(&sel("body"))
            .next()
            .unwrap()
            .value()
            .attr("data-diagnostics"),
        Some(total.to_string().as_str())
    );
    // the clean article says so, and its corrected text is the original
    let clean = dir.path().join("clean-01-diplomacy.txt");
    let clean_k = files
        .iter()
        .position(|f| {
            f["path"]
                .as_str()
                .unwrap()
                .ends_with("clean-01-diplomacy.txt")
        })
        .unwrap()
        + 1;
    let plain = doc
        .select(&sel(&format!(
            "#article-{clean_k} textarea.corrected-plain"
        )))
        .next()
        .unwrap();
    assert_eq!(text_of(plain), std::fs::read_to_string(&clean).unwrap());
    assert_self_contained(&html);
}

#[test]
fn markdown_report_has_the_same_content() {
    let json = check_json(&[SEED]);
    let diags = json["files"][0]["diagnostics"].as_array().unwrap();
    let md = report(&[SEED], &["--format", "markdown"]);
    assert!(md.starts_with("# Correction report\n"));
    assert!(md.contains("### Issues by category"));
    assert!(md.contains("### Findings by category"));
    // one list entry per finding, with line:column and severity
    for d in diags {
        let entry = format!(
            "  - {}:{} **{}**: ",
            d["span"]["line"],
            d["span"]["column"],
            d["severity"].as_str().unwrap()
        );
        assert!(md.contains(&entry), "missing {entry}");
        assert!(md.contains(&format!("- `{}` (", d["rule"].as_str().unwrap())));
    }
    let entries = md
        .lines()
        .filter(|l| l.starts_with("  - ") && l.contains(" **"))
        .count();
    assert_eq!(entries, diags.len());
    // categories in MQM order, each once
    let headings: Vec<&str> = md.lines().filter(|l| l.starts_with("#### ")).collect();
    let mut cats: Vec<&str> = diags
        .iter()
        .map(|d| d["category"].as_str().unwrap())
        .collect();
    cats.sort();
    cats.dedup();
    assert_eq!(headings.len(), cats.len());
    // the score and the corrected text in a fenced block
    let html = report(&[SEED], &[]);
    let doc = Html::parse_document(&html);
    let score = doc.select(&sel(".stat.score")).next().unwrap();
    assert!(md.contains(&format!(
        "**MQM score {}**",
        score.value().attr("data-score").unwrap()
    )));
    let fixed = safe_fixed(&root().join(SEED));
    let start = md.find("```text\n").expect("a fenced block") + "```text\n".len();
    let end = start + md[start..].find("\n```").unwrap();
    // the fence starts on a line of its own whether or not the text ends with a line break
    assert_eq!(&md[start..end], fixed.strip_suffix('\n').unwrap_or(&fixed));
    assert!(md.contains("- line 2: `Lawrow` → `Lavrov`"));
    // --output with .md chooses Markdown by itself
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.md");
    mtlint()
        .args(["report", SEED, "--output", out.to_str().unwrap()])
        .assert()
        .code(0)
        .stdout("");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), md);
}

#[test]
fn markdown_folder_report_has_a_summary_table() {
    let dir = two_fixtures();
    let md = report(&[dir.path().to_str().unwrap()], &["--format", "markdown"]);
    let summary = md.find("## Summary").expect("a summary");
    assert!(summary < md.find("<a id=\"article-1\"></a>").unwrap());
    assert!(md.contains("](#article-1)") && md.contains("](#article-2)"));
    assert!(md.contains("| | **All articles** |"));
    assert!(md.contains("mtlint found nothing to correct in this article."));
}

#[test]
fn report_exit_codes_and_unreadable_files() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.html");
    // findings do not fail a report
    mtlint()
        .args(["report", SEED, "--output", out.to_str().unwrap()])
        .assert()
        .code(0)
        .stdout("");
    let written = std::fs::read_to_string(&out).unwrap();
    assert!(written.starts_with("<!DOCTYPE html>"));
    // an unreadable file is listed in the report, which is still written; exit 2
    let missing = dir.path().join("missing.txt");
    let binary = write(dir.path(), "binary.txt", b"abc\0def");
    let assert = mtlint()
        .args([
            "report",
            SEED,
            missing.to_str().unwrap(),
            &binary,
            "--output",
            out.to_str().unwrap(),
        ])
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    assert!(stderr.contains("missing.txt"), "{stderr}");
    let doc = Html::parse_document(&std::fs::read_to_string(&out).unwrap());
    let failed: Vec<String> = doc.select(&sel("td.failed")).map(text_of).collect();
    assert_eq!(failed.len(), 2, "{failed:?}");
    assert!(failed[1].contains("binary"), "{failed:?}");
    assert_eq!(doc.select(&sel("section.article .notice")).count(), 2);
    assert_eq!(doc.select(&sel("section.article")).count(), 3);
    // an output that cannot be written is an error
    mtlint()
        .args([
            "report",
            SEED,
            "--output",
            dir.path().join("no/such/dir.html").to_str().unwrap(),
        ])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("cannot write the report"));
}

// ---------------------------------------------------------------------------
// Real headless Chromium

/// The Chromium to use: `MTLINT_CHROMIUM`, else the first one found.
fn chromium() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("MTLINT_CHROMIUM").filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(p));
    }
    if Path::new("/usr/bin/chromium").is_file() {
        return Some(PathBuf::from("/usr/bin/chromium"));
    }
    let path = std::env::var_os("PATH")?;
    ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .flat_map(|name| std::env::split_paths(&path).map(move |dir| dir.join(name)))
        .find(|p| p.is_file())
}

/// Chromium, or `None` when the browser tests are to be skipped; panics with
/// what to do when it is missing.
fn chromium_or_skip(test: &str) -> Option<PathBuf> {
    match chromium() {
        Some(p) => Some(p),
        None if std::env::var("MTLINT_SKIP_BROWSER_TESTS").as_deref() == Ok("1") => {
            eprintln!("{test}: skipped (no Chromium, MTLINT_SKIP_BROWSER_TESTS=1)");
            None
        }
        None => panic!(
            "Chromium is not installed: install it (`apt-get install -y chromium`; .ci/run does this) \
             or set MTLINT_CHROMIUM to its path; set MTLINT_SKIP_BROWSER_TESTS=1 to skip this test"
        ),
    }
}

/// Runs headless Chromium with `args` on `page`, stdout to `stdout`, with a
/// fresh profile, no network services, and a time limit.
fn run_chromium(browser: &Path, args: &[String], page: &Path, stdout: &Path) {
    let profile = tempfile::tempdir().unwrap();
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(args)
        .arg(format!("file://{}", page.display()))
        .stdin(Stdio::null())
        .stdout(File::create(stdout).unwrap())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {}: {e}", browser.display()));
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            assert!(status.success(), "chromium failed: {status}");
            return;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("chromium did not finish within 120 s");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn chromium_renders_the_report_and_its_script_finds_every_highlight() {
    let Some(browser) = chromium_or_skip("chromium_renders_the_report") else {
        return;
    };
    let fixtures = two_fixtures();
    let folder = fixtures.path().to_str().unwrap();
    let json = check_json(&[SEED, folder]);
    let total: usize = json["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["diagnostics"].as_array().unwrap().len())
        .sum();
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("report.html");
    mtlint()
        .args(["report", SEED, folder, "--output", page.to_str().unwrap()])
        .assert()
        .code(0);

    // (a) a screenshot
    let png = dir.path().join("report.png");
    run_chromium(
        &browser,
        &[
            format!("--screenshot={}", png.display()),
            "--window-size=1280,2000".into(),
        ],
        &page,
        &dir.path().join("screenshot.log"),
    );
    let bytes = std::fs::read(&png).expect("chromium wrote the screenshot");
    assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"), "a PNG");
    assert!(
        bytes.len() > 50_000,
        "a page with content, not a blank one ({} bytes)",
        bytes.len()
    );

    // (b) the DOM after the page's script ran
    let dom = dir.path().join("dom.html");
    run_chromium(
        &browser,
        &["--dump-dom".into(), "--virtual-time-budget=2000".into()],
        &page,
        &dom,
    );
    let doc = Html::parse_document(&std::fs::read_to_string(&dom).unwrap());
    let body = doc.select(&sel("body")).next().unwrap();
    assert_eq!(
        body.value().attr("data-ready"),
        Some("true"),
        "the script ran"
    );
    assert_eq!(
        body.value().attr("data-highlights"),
        Some(total.to_string().as_str()),
        "the script finds one highlight per diagnostic"
    );
    assert!(
        doc.select(&sel("button.copy:not([hidden])")).count() == 3,
        "the script enabled the copy buttons"
    );
}

#[test]
fn chromium_screenshot_of_the_seed_report_is_kept_for_people() {
    let Some(browser) = chromium_or_skip("chromium_screenshot_of_the_seed_report") else {
        return;
    };
    // kept under target/ (not committed) for a person to look at
    let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("report");
    std::fs::create_dir_all(&out).unwrap();
    let page = out.join("seed.html");
    mtlint()
        .args(["report", SEED, "--output", page.to_str().unwrap()])
        .assert()
        .code(0);
    let png = out.join("seed.png");
    let _ = std::fs::remove_file(&png);
    run_chromium(
        &browser,
        &[
            format!("--screenshot={}", png.display()),
            "--window-size=1280,2000".into(),
        ],
        &page,
        &out.join("seed.log"),
    );
    let bytes = std::fs::read(&png).expect("chromium wrote the screenshot");
    assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"));
    assert!(bytes.len() > 50_000, "{} bytes", bytes.len());
    eprintln!("screenshot of the seed report: {}", png.display());
}
