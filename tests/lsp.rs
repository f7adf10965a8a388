//! `mtlint lsp` driven over stdio with JSON-RPC, as an editor drives it.

#![allow(clippy::unwrap_used)]

#[path = "lsp/client.rs"]
mod client;
mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use serde_json::{json, Value};
use tempfile::TempDir;

use client::{apply_edits, edits_for, file_uri, position, Client};

/// The seed article.
fn seed() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(common::SEED);
    std::fs::read_to_string(path).expect("seed article")
}

/// A workspace folder with `article.txt` holding `text`; the server runs in it.
fn workspace(text: &str) -> (TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = common::write(dir.path(), "article.txt", text);
    let uri = file_uri(Path::new(&path));
    (dir, uri)
}

/// A server started and initialized in `dir`.
fn server(dir: &Path, utf8: bool) -> Client {
    let mut c = Client::start(dir, &[]);
    c.initialize(dir, utf8, json!({"debounceMs": 20}));
    c
}

fn code(d: &Value) -> &str {
    d["code"].as_str().unwrap_or("")
}

/// (rule, start, end) of each finding `mtlint check --format json` reports
/// for `file`, in LSP positions.
fn expected_from_cli(file: &Path, text: &str, utf8: bool) -> Vec<(String, Value, Value)> {
    let mut found: Vec<_> = common::json_diagnostics(file)
        .iter()
        .map(|d| {
            let start = d["span"]["start"].as_u64().unwrap() as usize;
            let end = d["span"]["end"].as_u64().unwrap() as usize;
            (
                d["rule"].as_str().unwrap().to_string(),
                position(text, start, utf8),
                position(text, end, utf8),
            )
        })
        .collect();
    found.sort_by_key(|f| format!("{f:?}"));
    found
}

fn published(diags: &[Value]) -> Vec<(String, Value, Value)> {
    let mut found: Vec<_> = diags
        .iter()
        .map(|d| {
            (
                code(d).to_string(),
                d["range"]["start"].clone(),
                d["range"]["end"].clone(),
            )
        })
        .collect();
    found.sort_by_key(|f| format!("{f:?}"));
    found
}

/// Code actions at `at` (a position) for `uri`.
fn actions_at(c: &mut Client, uri: &str, at: Value, only: Option<&[&str]>) -> Vec<Value> {
    let mut context = json!({"diagnostics": []});
    if let Some(only) = only {
        context["only"] = json!(only);
    }
    let r = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": {"start": at, "end": at}, "context": context}),
    );
    r["result"]
        .as_array()
        .cloned()
        .unwrap_or_else(|| panic!("no actions: {r}"))
}

fn title(a: &Value) -> &str {
    a["title"].as_str().unwrap_or("")
}

/// Sends the whole new text as one incremental change replacing everything.
fn replace_all(c: &mut Client, uri: &str, old: &str, new: &str, version: i64) {
    let end = position(old, old.len(), c.utf8);
    c.notify(
        "textDocument/didChange",
        json!({
            "textDocument": {"uri": uri, "version": version},
            "contentChanges": [{"range": {"start": {"line": 0, "character": 0}, "end": end}, "text": new}]
        }),
    );
}

#[test]
fn initialize_offers_utf16_by_default_and_utf8_when_the_client_does() {
    let dir = tempfile::tempdir().unwrap();
    let mut c = Client::start(dir.path(), &[]);
    let caps = c.initialize(dir.path(), false, Value::Null)["capabilities"].clone();
    assert_eq!(caps["positionEncoding"], "utf-16");
    assert_eq!(caps["textDocumentSync"]["change"], 2, "incremental sync");
    assert_eq!(caps["hoverProvider"], true);
    let kinds = caps["codeActionProvider"]["codeActionKinds"].clone();
    assert_eq!(kinds, json!(["quickfix", "source.fixAll.mtlint"]));
    assert!(c.shutdown_and_exit().success());

    let mut c = Client::start(dir.path(), &["--stdio"]);
    let caps = c.initialize(dir.path(), true, Value::Null)["capabilities"].clone();
    assert_eq!(caps["positionEncoding"], "utf-8");
    assert!(c.shutdown_and_exit().success());
}

#[test]
fn seed_diagnostics_match_the_cli_in_both_encodings() {
    let text = seed();
    let (dir, uri) = workspace(&text);
    for utf8 in [false, true] {
        let mut c = server(dir.path(), utf8);
        c.open(&uri, "plaintext", 1, &text);
        let diags = c.diagnostics(&uri, Some(1));
        let rules: Vec<&str> = diags.iter().map(code).collect();
        for rule in [
            "names/lavrov",
            "names/riyadh",
            "names/zelensky",
            "names/blinken",
            "furniture/share-link",
        ] {
            assert!(rules.contains(&rule), "{rule} missing from {rules:?}");
        }
        let expected = expected_from_cli(&dir.path().join("article.txt"), &text, utf8);
        assert_eq!(published(&diags), expected, "utf8: {utf8}");
        let lavrov = diags.iter().find(|d| code(d) == "names/lavrov").unwrap();
        assert_eq!(lavrov["severity"], 1);
        assert_eq!(lavrov["source"], "mtlint");
        assert!(c.shutdown_and_exit().success());
    }
}

#[test]
fn incremental_changes_on_an_emoji_line_move_and_drop_findings() {
    let text = "🙂🇺🇦 Sergei Lawrow met Rubio.\nNo findings here.\n";
    let (dir, uri) = workspace(text);
    let mut c = server(dir.path(), false);
    c.open(&uri, "plaintext", 1, text);
    let d = c.diagnostics(&uri, Some(1));
    assert_eq!(d.len(), 1, "{d:?}");
    // 🙂 and each regional indicator of the flag are two UTF-16 units
    assert_eq!(d[0]["range"]["start"], json!({"line": 0, "character": 14}));

    // insert "Mr " before "Sergei": the finding moves by three units
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2},
               "contentChanges": [{"range": {"start": {"line": 0, "character": 7}, "end": {"line": 0, "character": 7}}, "text": "Mr "}]}),
    );
    let d = c.diagnostics(&uri, Some(2));
    assert_eq!(d[0]["range"]["start"], json!({"line": 0, "character": 17}));
    assert_eq!(d[0]["range"]["end"], json!({"line": 0, "character": 23}));

    // then a finding on line 2, and delete "Lawrow" on line 1 in the same notification
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 3},
               "contentChanges": [
                   {"range": {"start": {"line": 1, "character": 0}, "end": {"line": 1, "character": 2}}, "text": "In Riad, no"},
                   {"range": {"start": {"line": 0, "character": 16}, "end": {"line": 0, "character": 23}}, "text": ""}
               ]}),
    );
    let d = c.diagnostics(&uri, Some(3));
    let found: Vec<(&str, Value)> = d
        .iter()
        .map(|d| (code(d), d["range"]["start"].clone()))
        .collect();
    assert_eq!(
        found,
        [("names/riyadh", json!({"line": 1, "character": 3}))]
    );
    assert!(c.shutdown_and_exit().success());
}

#[test]
fn quick_fix_at_lawrow_replaces_it() {
    let text = seed();
    let (dir, uri) = workspace(&text);
    let mut c = server(dir.path(), false);
    c.open(&uri, "plaintext", 1, &text);
    let diags = c.diagnostics(&uri, Some(1));
    let lawrow = diags.iter().find(|d| code(d) == "names/lavrov").unwrap();
    let actions = actions_at(&mut c, &uri, lawrow["range"]["start"].clone(), None);
    let first = &actions[0];
    assert_eq!(title(first), "Replace “Lawrow” with “Lavrov”");
    assert_eq!(first["kind"], "quickfix");
    assert_eq!(first["isPreferred"], true);
    assert_eq!(first["diagnostics"][0]["code"], "names/lavrov");
    let fixed = apply_edits(&text, &edits_for(&first["edit"], &uri), false);
    let at = text.find("Lawrow").unwrap();
    assert_eq!(&fixed[at..at + 6], "Lavrov");
    assert_eq!(
        fixed.replacen("Lavrov", "Lawrow", 1),
        text,
        "only that word changed"
    );
    let titles: Vec<&str> = actions.iter().map(title).collect();
    assert!(
        titles.contains(&"Disable names/lavrov for this line"),
        "{titles:?}"
    );
    assert!(
        titles
            .iter()
            .any(|t| t.starts_with("Add “Lawrow” to the allow-list")),
        "{titles:?}"
    );
    assert!(c.shutdown_and_exit().success());
}

#[test]
fn fix_all_applies_every_safe_fix_of_the_document() {
    let text = seed();
    let (dir, uri) = workspace(&text);
    let mut c = server(dir.path(), true);
    c.open(&uri, "plaintext", 1, &text);
    c.diagnostics(&uri, Some(1));
    let actions = actions_at(
        &mut c,
        &uri,
        json!({"line": 0, "character": 0}),
        Some(&["source.fixAll"]),
    );
    assert_eq!(actions.len(), 1, "{actions:?}");
    assert_eq!(actions[0]["kind"], "source.fixAll.mtlint");
    let fixed = apply_edits(&text, &edits_for(&actions[0]["edit"], &uri), true);
    // what one pass of `mtlint fix` does to the same text
    let engine = mtlint::Engine::new(mtlint::rules::embedded::load_default().unwrap()).unwrap();
    let found = engine.check(&mtlint::Document::plain(text.clone()));
    let (expected, n) = mtlint::fix::fix_text(&text, &found, mtlint::fix::FixMode::Safe);
    assert!(n > 20, "{n} fixes");
    assert_eq!(fixed, expected);
    assert!(!fixed.contains("Lawrow") && !fixed.contains("Copy the current link"));

    // the document as fixed has no safe fix left to offer
    replace_all(&mut c, &uri, &text, &fixed, 2);
    c.diagnostics(&uri, Some(2));
    let again = actions_at(
        &mut c,
        &uri,
        json!({"line": 0, "character": 0}),
        Some(&["source.fixAll"]),
    );
    assert!(again.is_empty(), "{again:?}");
    assert!(c.shutdown_and_exit().success());
}

#[test]
fn disable_for_line_inserts_the_directive_and_silences_the_finding() {
    for (name, language, text, directive) in [
        (
            "a.md",
            "markdown",
            "# Talks\n\n  - Sergei Lawrow met Rubio.\n",
            "  <!-- mtlint-disable-next-line names/lavrov -->\n",
        ),
        (
            "a.txt",
            "plaintext",
            "Talks.\nSergei Lawrow met Rubio.\n",
            "mtlint-disable-next-line names/lavrov\n",
        ),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let uri = file_uri(&dir.path().join(name));
        let mut c = server(dir.path(), false);
        c.open(&uri, language, 1, text);
        let d = c.diagnostics(&uri, Some(1));
        let lawrow = d.iter().find(|d| code(d) == "names/lavrov").unwrap();
        let actions = actions_at(&mut c, &uri, lawrow["range"]["end"].clone(), None);
        let disable = actions
            .iter()
            .find(|a| title(a) == "Disable names/lavrov for this line")
            .unwrap();
        let new = apply_edits(text, &edits_for(&disable["edit"], &uri), false);
        let sergei = text.find("Sergei").unwrap();
        let at = text[..sergei].rfind('\n').map_or(0, |i| i + 1);
        assert_eq!(&new[at..at + directive.len()], directive, "{new}");
        replace_all(&mut c, &uri, text, &new, 2);
        let d = c.diagnostics(&uri, Some(2));
        assert!(d.iter().all(|d| code(d) != "names/lavrov"), "{d:?}");
        assert!(
            d.iter().all(|d| code(d) != "mtlint/unused-suppression"),
            "{d:?}"
        );
        assert!(c.shutdown_and_exit().success());
    }
}

#[test]
fn allow_list_action_creates_or_edits_mtlint_toml() {
    let text = "Sergei Lawrow met Rubio in Riad.\n";
    let (dir, uri) = workspace(text);
    let config = dir.path().join("mtlint.toml");
    let config_uri = file_uri(&config);
    let mut c = server(dir.path(), false);
    c.open(&uri, "plaintext", 1, text);
    c.diagnostics(&uri, Some(1));

    // no configuration yet: the edit creates mtlint.toml in the workspace folder
    let actions = actions_at(&mut c, &uri, json!({"line": 0, "character": 9}), None);
    let add = actions
        .iter()
        .find(|a| title(a) == "Add “Lawrow” to the allow-list in mtlint.toml")
        .unwrap();
    let changes = add["edit"]["documentChanges"].as_array().unwrap();
    assert_eq!(changes[0]["kind"], "create");
    assert_eq!(changes[0]["uri"], config_uri.as_str());
    std::fs::write(
        &config,
        apply_edits("", &edits_for(&add["edit"], &config_uri), false),
    )
    .unwrap();
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": config_uri, "type": 1}]}),
    );
    let d = c.diagnostics(&uri, None);
    let rules: Vec<&str> = d.iter().map(code).collect();
    assert_eq!(rules, ["names/riyadh"], "Lawrow is allowed now");

    // an existing file is edited in place, its comments kept
    std::fs::write(
        &config,
        "# desk settings\n[allow]\nwords = [\"Lawrow\"] # people\n",
    )
    .unwrap();
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": config_uri, "type": 2}]}),
    );
    c.diagnostics(&uri, None);
    let actions = actions_at(&mut c, &uri, json!({"line": 0, "character": 28}), None);
    let add = actions
        .iter()
        .find(|a| title(a).starts_with("Add “Riad”"))
        .unwrap();
    let old = std::fs::read_to_string(&config).unwrap();
    let new = apply_edits(&old, &edits_for(&add["edit"], &config_uri), false);
    assert_eq!(
        new,
        "# desk settings\n[allow]\nwords = [\"Lawrow\", \"Riad\"] # people\n"
    );
    assert!(c.shutdown_and_exit().success());
}

#[test]
fn allow_list_command_for_clients_that_cannot_create_files() {
    let text = "Sergei Lawrow met Rubio.\n";
    let (dir, uri) = workspace(text);
    let mut c = Client::start(dir.path(), &[]);
    let root = file_uri(dir.path());
    c.request(
        "initialize",
        json!({"processId": null, "rootUri": root, "capabilities": {}, "initializationOptions": {"debounceMs": 0}}),
    );
    c.notify("initialized", json!({}));
    c.open(&uri, "plaintext", 1, text);
    c.diagnostics(&uri, Some(1));
    let actions = actions_at(&mut c, &uri, json!({"line": 0, "character": 9}), None);
    let add = actions
        .iter()
        .find(|a| title(a).starts_with("Add “Lawrow”"))
        .unwrap();
    assert!(add.get("edit").is_none());
    let command = add["command"].clone();
    assert_eq!(command["command"], "mtlint.addToAllowList");
    let r = c.request(
        "workspace/executeCommand",
        json!({"command": command["command"], "arguments": command["arguments"]}),
    );
    assert!(r.get("error").is_none(), "{r}");
    let written = std::fs::read_to_string(dir.path().join("mtlint.toml")).unwrap();
    assert_eq!(written, "[allow]\nwords = [\"Lawrow\"]\n");
    // the server reloads by itself
    let d = c.diagnostics(&uri, None);
    assert!(d.is_empty(), "{d:?}");
    assert!(c.shutdown_and_exit().success());
}

#[test]
fn hover_explains_the_rule() {
    let text = "Talks.\nSergei Lawrow met Rubio.\n";
    let (dir, uri) = workspace(text);
    let mut c = server(dir.path(), false);
    c.open(&uri, "plaintext", 1, text);
    c.diagnostics(&uri, Some(1));
    let r = c.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": 1, "character": 10}}),
    );
    let value = r["result"]["contents"]["value"].as_str().unwrap();
    assert_eq!(r["result"]["contents"]["kind"], "markdown");
    assert!(value.starts_with("**names/lavrov** · error"), "{value}");
    assert!(value.contains("**Flags**"), "{value}");
    assert_eq!(
        r["result"]["range"]["start"],
        json!({"line": 1, "character": 7})
    );
    // nothing to say away from a finding
    let r = c.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": 0, "character": 2}}),
    );
    assert_eq!(r["result"], Value::Null);
    assert!(c.shutdown_and_exit().success());
}

#[test]
fn consistency_findings_carry_the_other_spellings() {
    let text = "Zelensky met the chancellor. Later, Zelenskyy spoke. Zelensky then left.\n";
    let (dir, uri) = workspace(text);
    let mut c = server(dir.path(), false);
    c.open(&uri, "plaintext", 1, text);
    let d = c.diagnostics(&uri, Some(1));
    let z = d
        .iter()
        .find(|d| code(d) == "house-style/zelensky-spelling")
        .unwrap();
    let related = z["relatedInformation"].as_array().unwrap();
    let starts: Vec<Value> = related
        .iter()
        .map(|r| r["location"]["range"]["start"].clone())
        .collect();
    assert_eq!(
        starts,
        [
            json!({"line": 0, "character": 0}),
            json!({"line": 0, "character": 53})
        ]
    );
    assert_eq!(related[0]["location"]["uri"], uri.as_str());
    assert!(c.shutdown_and_exit().success());
}

#[test]
fn rules_from_the_desks_own_pack_link_to_their_file() {
    let text = "It fell on Monday.\n";
    let (dir, uri) = workspace(text);
    let pack = common::write(
        dir.path(),
        "desk.toml",
        r#"[pack]
id = "desk"
[[rule]]
id = "monday"
kind = "term"
find = ["on Monday"]
replace = "Monday"
message = "House style drops the \"on\" before weekdays"
bad = [{ text = "It fell on Monday.", fixed = "It fell Monday." }]
good = ["It fell Monday."]
"#,
    );
    common::write(
        dir.path(),
        "mtlint.toml",
        "[rules]\nextra = [\"desk.toml\"]\n",
    );
    let mut c = server(dir.path(), false);
    c.open(&uri, "plaintext", 1, text);
    let d = c.diagnostics(&uri, Some(1));
    let monday = d.iter().find(|d| code(d) == "desk/monday").unwrap();
    assert_eq!(
        monday["codeDescription"]["href"],
        file_uri(Path::new(&pack))
    );

    // a broken pack is reported on the pack, at the bad line
    std::fs::write(
        &pack,
        "[pack]\nid = \"desk\"\n[[rule]]\nid = \"monday\"\nkind = \"nonsense\"\n",
    )
    .unwrap();
    let pack_uri = file_uri(Path::new(&pack));
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": pack_uri, "type": 2}]}),
    );
    let bad = c.diagnostics(&pack_uri, None);
    assert_eq!(bad.len(), 1, "{bad:?}");
    assert_eq!(bad[0]["range"]["start"]["line"], 4, "{bad:?}");
    assert!(c.shutdown_and_exit().success());
}

#[test]
fn a_broken_config_is_reported_on_the_config_file_and_the_server_goes_on() {
    let text = "Sergei Lawrow met Rubio.\n";
    let (dir, uri) = workspace(text);
    let config = dir.path().join("mtlint.toml");
    let config_uri = file_uri(&config);
    let mut c = server(dir.path(), false);
    c.open(&uri, "plaintext", 1, text);
    assert_eq!(c.diagnostics(&uri, Some(1)).len(), 1);

    std::fs::write(&config, "[style]\nspelling = \"british\"\n").unwrap();
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": config_uri, "type": 1}]}),
    );
    let bad = c.diagnostics(&config_uri, None);
    assert_eq!(bad.len(), 1, "{bad:?}");
    assert_eq!(
        bad[0]["range"]["start"],
        json!({"line": 1, "character": 11})
    );
    assert_eq!(bad[0]["code"], "mtlint/config");
    assert!(
        bad[0]["message"]
            .as_str()
            .unwrap()
            .contains("style.spelling"),
        "{bad:?}"
    );
    // the article is still checked (with the defaults)
    assert_eq!(c.diagnostics(&uri, None).len(), 1);

    // a TOML syntax error too
    std::fs::write(&config, "[allow]\nwords = [\"x\"\n").unwrap();
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": config_uri, "type": 2}]}),
    );
    let bad = c.wait_for("syntax error diagnostics", |m| {
        m["params"]["uri"] == config_uri.as_str()
            && m["params"]["diagnostics"][0]["range"]["start"]["line"] == 1
            && m["params"]["diagnostics"][0]["message"] != json!(null)
            && !m["params"]["diagnostics"][0]["message"]
                .as_str()
                .unwrap_or("")
                .contains("style.spelling")
    });
    assert_eq!(bad["params"]["diagnostics"].as_array().unwrap().len(), 1);

    // fixed: the config's diagnostics are cleared and the allow-list applies
    std::fs::write(&config, "[allow]\nwords = [\"Lawrow\"]\n").unwrap();
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": config_uri, "type": 2}]}),
    );
    assert!(c.diagnostics(&config_uri, None).is_empty());
    c.wait_for("a clean article", |m| {
        m["params"]["uri"] == uri.as_str() && m["params"]["diagnostics"] == json!([])
    });
    assert!(c.shutdown_and_exit().success());
}

#[test]
fn bad_messages_get_errors_and_the_server_keeps_working() {
    let text = "Sergei Lawrow met Rubio.\n";
    let (dir, uri) = workspace(text);
    let mut c = Client::start(dir.path(), &[]);
    // before initialize
    let r = c.request("textDocument/hover", json!({}));
    assert_eq!(r["error"]["code"], -32002);
    c.initialize(dir.path(), false, json!({"debounceMs": 0}));

    c.send_raw("{this is not json");
    let r = c.wait_for("parse error", |m| m["error"]["code"] == -32700);
    assert_eq!(r["id"], Value::Null);
    c.send_raw(r#"{"jsonrpc":"2.0","id":99,"method":7}"#);
    let r = c.response(99);
    assert_eq!(r["error"]["code"], -32600);
    let r = c.request("textDocument/definition", json!({}));
    assert_eq!(r["error"]["code"], -32601, "unknown method: {r}");
    let r = c.request("textDocument/codeAction", json!({"textDocument": 5}));
    assert_eq!(r["error"]["code"], -32602, "bad params: {r}");
    c.notify("textDocument/didChange", json!({"nonsense": true}));
    c.notify("textDocument/didOpen", json!({"textDocument": {"uri": "file:///nowhere/x.rs", "languageId": "rust", "version": 1, "text": "fn main() {}"}}));
    // a document on no disk at all, and a binary-looking one
    c.open("untitled:Untitled-1", "plaintext", 1, "Lawrow\u{0}\u{7f}");
    assert_eq!(c.diagnostics("untitled:Untitled-1", Some(1)).len(), 1);
    let r = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": "file:///not/open.txt"}, "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "context": {"diagnostics": []}}),
    );
    assert_eq!(r["result"], json!([]));

    // still alive and checking
    c.open(&uri, "plaintext", 1, text);
    assert_eq!(c.diagnostics(&uri, Some(1)).len(), 1);
    assert!(c.shutdown_and_exit().success());
}

#[test]
fn exit_codes_follow_the_protocol() {
    let dir = tempfile::tempdir().unwrap();
    // shutdown, then exit: 0; requests after shutdown are refused
    let mut c = server(dir.path(), false);
    let r = c.request("shutdown", Value::Null);
    assert_eq!(r["result"], Value::Null);
    let r = c.request("textDocument/hover", json!({}));
    assert_eq!(r["error"]["code"], -32600);
    c.notify("exit", Value::Null);
    assert_eq!(c.wait().code(), Some(0));
    // exit without shutdown: 1
    let mut c = server(dir.path(), false);
    c.notify("exit", Value::Null);
    assert_eq!(c.wait().code(), Some(1));
    // the client closes the pipe without either: 1
    let c = server(dir.path(), false);
    assert_eq!(c.wait().code(), Some(1));
}

#[test]
fn closing_a_document_clears_its_diagnostics() {
    let text = "Sergei Lawrow met Rubio.\n";
    let (dir, uri) = workspace(text);
    let mut c = server(dir.path(), false);
    c.open(&uri, "plaintext", 1, text);
    assert_eq!(c.diagnostics(&uri, Some(1)).len(), 1);
    c.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": uri}}),
    );
    assert!(c.diagnostics(&uri, None).is_empty());
    assert!(c.shutdown_and_exit().success());
}

#[test]
fn a_large_document_being_checked_does_not_hold_up_other_requests() {
    let small = "Sergei Lawrow met Rubio.\n";
    let (dir, small_uri) = workspace(small);
    let mut big = String::new();
    while big.len() < 400_000 {
        big.push_str(&seed());
        big.push('\n');
    }
    let big_uri = file_uri(&dir.path().join("big.txt"));
    let mut c = Client::start(dir.path(), &[]);
    c.initialize(dir.path(), false, json!({"debounceMs": 0}));
    c.open(&small_uri, "plaintext", 1, small);
    c.open(&big_uri, "plaintext", 1, &big);
    c.diagnostics(&small_uri, Some(1));
    let started = Instant::now();
    let big_findings = c.diagnostics(&big_uri, Some(1)).len();
    let check_time = started.elapsed();
    assert!(big_findings > 1000, "{big_findings}");

    // while the big document is checked again, a hover on the small one is answered
    replace_all(&mut c, &big_uri, &big, &big.replacen("Talks", "Talk", 1), 2);
    let asked = Instant::now();
    let id = c.request_async(
        "textDocument/hover",
        json!({"textDocument": {"uri": small_uri}, "position": {"line": 0, "character": 9}}),
    );
    let r = c.response(id);
    let answered = asked.elapsed();
    assert!(r["result"]["contents"]["value"]
        .as_str()
        .unwrap()
        .contains("names/lavrov"));
    let published_first = c.has_pending(|m| {
        m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == big_uri.as_str()
    });
    assert!(
        !published_first,
        "the hover waited for the big check ({answered:?}; a check takes {check_time:?})"
    );
    assert_eq!(c.diagnostics(&big_uri, Some(2)).len(), big_findings);
    assert!(c.shutdown_and_exit().success());
}

/// Time from a `didChange` to its `publishDiagnostics`, median of `runs`.
fn latency(text: &str, debounce_ms: u64, runs: usize) -> Duration {
    let (dir, uri) = workspace(text);
    let mut c = Client::start(dir.path(), &[]);
    c.initialize(dir.path(), false, json!({"debounceMs": debounce_ms}));
    c.open(&uri, "plaintext", 1, text);
    c.diagnostics(&uri, Some(1));
    let mut times = Vec::new();
    for run in 0..runs {
        let version = run as i64 + 2;
        let at = json!({"line": 0, "character": 0});
        let insert = if run % 2 == 0 { "x" } else { "" };
        let end = if run % 2 == 0 {
            at.clone()
        } else {
            json!({"line": 0, "character": 1})
        };
        let started = Instant::now();
        c.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version},
                   "contentChanges": [{"range": {"start": at, "end": end}, "text": insert}]}),
        );
        c.diagnostics(&uri, Some(version));
        times.push(started.elapsed());
    }
    times.sort();
    times[times.len() / 2]
}

/// Prints didChange → publishDiagnostics latencies for the seed and a
/// ~200 KB document (run with `cargo test --release --test lsp -- --ignored --nocapture`).
#[test]
#[ignore = "a measurement, not a check"]
fn measure_change_to_diagnostics_latency() {
    let text = seed();
    let mut big = String::new();
    while big.len() < 200_000 {
        big.push_str(&text);
        big.push('\n');
    }
    for (name, doc) in [("seed (7 KB)", &text), ("200 KB", &big)] {
        let with = latency(doc, 100, 15);
        let without = latency(doc, 0, 15);
        println!(
            "{name}: {} bytes: median {:.1} ms with the 100 ms debounce, {:.1} ms without",
            doc.len(),
            with.as_secs_f64() * 1000.0,
            without.as_secs_f64() * 1000.0
        );
    }
}
