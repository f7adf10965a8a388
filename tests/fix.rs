//! `mtlint fix`: which fixes are applied, diffs, idempotence, convergence,
//! layout, permissions, errors, standard input, interactive answers through a
//! pseudo-terminal, and atomic writes under SIGKILL.

#![allow(clippy::unwrap_used)]

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use common::{mtlint, write, SEED};
use mtlint::fix::{self, FixMode};
use mtlint::rules::embedded;
use mtlint::{Document, Engine};
use predicates::prelude::*;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The seed and every fixtures/mt-*.txt article: (file name, text).
fn articles() -> Vec<(String, String)> {
    let mut out = vec![(
        "seed.txt".to_string(),
        fs::read_to_string(root().join(SEED)).unwrap(),
    )];
    let mut names: Vec<PathBuf> = fs::read_dir(root().join("fixtures"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let n = p.file_name().unwrap().to_string_lossy();
            n.starts_with("mt-") && n.ends_with(".txt")
        })
        .collect();
    names.sort();
    assert!(names.len() >= 10, "the fixture articles are there");
    for p in names {
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        out.push((name, fs::read_to_string(&p).unwrap()));
    }
    out
}

fn read(path: &str) -> String {
    fs::read_to_string(path).unwrap()
}

#[test]
fn safe_fixes_by_default_and_the_others_with_unsafe() {
    let dir = tempfile::tempdir().unwrap();
    let seed = fs::read_to_string(root().join(SEED)).unwrap();
    let safe = write(dir.path(), "safe.txt", &seed);
    let all = write(dir.path(), "all.txt", &seed);
    // the safe fixes leave two title errors (needs-review) behind: exit 1
    mtlint()
        .args(["fix", &safe])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
        "fixed 1 of 1 file: 25 fixes applied; 29 findings (2 errors, 27 warnings, 0 infos) left",
    ));
    let fixed = read(&safe);
    for (gone, now) in [
        ("Lawrow", "Lavrov"),
        ("Riad", "Riyadh"),
        ("Selenskyj", "Zelensky"),
        ("Copy the current link\n", ""),
    ] {
        assert!(!fixed.contains(gone), "{gone} is fixed");
        assert!(fixed.contains(now));
    }
    // needs-review fixes stay for a person to decide
    assert!(fixed.contains("the work ability of the messages"));
    assert!(fixed.contains("Foreign Minister Marco Rubio"));

    mtlint()
        .args(["fix", "--unsafe", &all])
        .assert()
        .code(0)
        .stderr(predicate::str::contains("0 findings"));
    let fixed = read(&all);
    assert!(fixed.contains("Secretary of State Marco Rubio"));
    assert!(fixed.contains("of the embassies"));
    assert!(!fixed.contains("Lawrow"));
}

#[test]
fn diff_prints_a_unified_diff_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let seed = fs::read_to_string(root().join(SEED)).unwrap();
    let path = write(dir.path(), "article.txt", &seed);
    let out = mtlint()
        .current_dir(dir.path())
        .args(["fix", "--diff", "article.txt"])
        .output()
        .unwrap();
    // like check: exit 1 when errors would be left after fixing
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(read(&path), seed, "--diff writes nothing");
    let diff = String::from_utf8(out.stdout).unwrap();
    assert!(diff.starts_with("--- a/article.txt\n+++ b/article.txt\n@@ -1,"));
    assert!(diff.contains("\n-USA get Russia from isolation – Rubio meets Lawrow\n"));
    assert!(diff.contains("\n+USA get Russia from isolation – Rubio meets Lavrov\n"));
    assert!(diff.contains("\n-Copy the current link\n"));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("would fix 1 of 1 file: 25 fixes;"),
        "{stderr}"
    );

    // the diff, applied with patch, gives exactly what `fix` writes
    let fixed = write(dir.path(), "fixed.txt", &seed);
    mtlint().args(["fix", &fixed]).assert().code(1);
    let patched = std::process::Command::new("patch")
        .current_dir(dir.path())
        .args(["-p1", "--quiet", "--output=patched.txt", "article.txt"])
        .stdin(fs::File::open(write(dir.path(), "fix.diff", &diff)).unwrap())
        .status();
    if let Ok(status) = patched {
        assert!(status.success());
        assert_eq!(
            fs::read(dir.path().join("patched.txt")).unwrap(),
            fs::read(&fixed).unwrap()
        );
    }

    // a CI check: --unsafe --diff leaves nothing behind, so it passes
    mtlint()
        .args(["fix", "--diff", "--unsafe", &path])
        .assert()
        .code(0);
    // nothing to fix: no diff at all
    let clean = write(dir.path(), "clean.txt", "Talks resumed in Riyadh.\n");
    mtlint()
        .args(["fix", "--diff", &clean])
        .assert()
        .code(0)
        .stdout("");
}

#[test]
fn fixing_twice_changes_nothing_the_second_time() {
    let dir = tempfile::tempdir().unwrap();
    let arts = articles();
    for (name, text) in &arts {
        write(dir.path(), name, text);
    }
    let folder = dir.path().display().to_string();
    for mode in [&[][..], &["--unsafe"][..]] {
        mtlint()
            .arg("fix")
            .args(mode)
            .arg(&folder)
            .assert()
            .stderr(predicate::str::contains(format!(
                "fixed {} of {} files",
                arts.len(),
                arts.len()
            )));
        let first: Vec<Vec<u8>> = arts
            .iter()
            .map(|(n, _)| fs::read(dir.path().join(n)).unwrap())
            .collect();
        mtlint()
            .arg("fix")
            .args(mode)
            .arg(&folder)
            .assert()
            .stderr(predicate::str::contains(format!(
                "fixed 0 of {} files: 0 fixes applied",
                arts.len()
            )));
        for ((name, _), before) in arts.iter().zip(&first) {
            assert_eq!(
                &fs::read(dir.path().join(name)).unwrap(),
                before,
                "{name} changed again"
            );
        }
    }
}

#[test]
fn fixes_revealed_by_a_fix_are_applied_in_a_later_pass() {
    let dir = tempfile::tempdir().unwrap();
    // fixing the names makes "Lavrov Lavrov" and "Riyadh Riyadh" doubled words,
    // whose fix (needs review) the next pass applies
    let path = write(
        dir.path(),
        "a.txt",
        "Rubio met Lawrow Lavrov in Riad Riad yesterday.\n",
    );
    mtlint().args(["fix", "--unsafe", &path]).assert().code(0);
    assert_eq!(read(&path), "Rubio met Lavrov in Riyadh yesterday.\n");
    mtlint()
        .args(["fix", "--unsafe", "--diff", &path])
        .assert()
        .code(0)
        .stdout("");
}

/// After each pass of fixing, no finding of a rule touches text that rule's
/// own fix just wrote (for a deletion: the place where it deleted).
#[test]
fn a_fix_is_never_flagged_again_by_its_own_rule() {
    let engine = Engine::new(embedded::load().unwrap()).unwrap();
    let check = |t: &str| engine.check(&Document::plain(t));
    for (name, original) in articles() {
        for mode in [FixMode::Safe, FixMode::All] {
            let mut text = original.clone();
            for pass in 0..fix::MAX_PASSES {
                let found = check(&text);
                let plan = fix::plan(&text, &found, mode);
                if plan.chosen.is_empty() {
                    break;
                }
                let applied = fix::apply(&text, &plan.chosen);
                let again = check(&applied.text);
                for w in &applied.written {
                    for d in again.iter().filter(|d| d.rule == w.rule) {
                        let touches = if w.span.is_empty() {
                            d.span.start <= w.span.start && w.span.start <= d.span.end
                        } else {
                            d.span.overlaps(&w.span)
                        };
                        assert!(
                            !touches,
                            "{name} ({mode:?}, pass {pass}): {} flags its own fix {:?} at {:?}",
                            w.rule,
                            applied.text.get(w.span.start..w.span.end),
                            d.span
                        );
                    }
                }
                text = applied.text;
            }
        }
    }
}

#[test]
fn crlf_files_keep_crlf_and_a_missing_final_newline_stays_missing() {
    let dir = tempfile::tempdir().unwrap();
    let seed = fs::read_to_string(root().join(SEED)).unwrap();
    assert!(!seed.ends_with('\n'), "the seed has no final line break");
    let lf = write(dir.path(), "lf.txt", &seed);
    let crlf = write(dir.path(), "crlf.txt", seed.replace('\n', "\r\n"));
    mtlint().args(["fix", &lf, &crlf]).assert().code(1);
    let (lf, crlf) = (read(&lf), read(&crlf));
    assert!(!lf.ends_with('\n'));
    assert_eq!(crlf, lf.replace('\n', "\r\n"), "same fixes, CRLF kept");

    // furniture deleted from the end of a file without a final line break
    let tail = write(
        dir.path(),
        "tail.txt",
        "Rubio met Lawrow in Riad.\nCopy the current link",
    );
    mtlint().args(["fix", &tail]).assert().code(0);
    assert_eq!(read(&tail), "Rubio met Lavrov in Riyadh.");
    // ... and from the end of one with it
    let tail = write(
        dir.path(),
        "tail-nl.txt",
        "Rubio met Lawrow in Riad.\r\nCopy the current link\r\n",
    );
    mtlint().args(["fix", &tail]).assert().code(0);
    assert_eq!(read(&tail), "Rubio met Lavrov in Riyadh.\r\n");

    // a replacement with a line break is written with the file's CRLF
    let pack = write(
        dir.path(),
        "desk.toml",
        r#"
[pack]
id = "desk"
description = "dateline on a line of its own"

[[rule]]
id = "dateline"
kind = "term"
find = ["BERLIN --"]
replace = "BERLIN\n"
case = "exact"
fix = "safe"
message = "put the dateline on its own line"
bad = [{ text = "BERLIN -- Talks.", fixed = "BERLIN\n Talks." }]
good = ["Berlin is big."]
"#,
    );
    let dateline = write(
        dir.path(),
        "dateline.txt",
        "News\r\nBERLIN -- Talks went on.\r\n",
    );
    mtlint()
        .args(["--rules", &pack, "fix", &dateline])
        .assert()
        .code(0);
    assert_eq!(read(&dateline), "News\r\nBERLIN\r\n Talks went on.\r\n");
}

#[cfg(unix)]
#[test]
fn permissions_are_kept_and_links_handled() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let mode_of = |p: &str| fs::metadata(p).unwrap().permissions().mode() & 0o7777;
    for mode in [0o640, 0o755, 0o444] {
        let p = write(dir.path(), &format!("m{mode:o}.txt"), "Lawrow spoke.\n");
        fs::set_permissions(&p, fs::Permissions::from_mode(mode)).unwrap();
        mtlint().args(["fix", &p]).assert().code(0);
        assert_eq!(read(&p), "Lavrov spoke.\n");
        assert_eq!(mode_of(&p), mode, "mode {mode:o} kept");
    }
    // a symbolic link: the file it points to is fixed, the link stays a link
    let real = write(dir.path(), "real.md", "Lawrow spoke.\n");
    let link = dir.path().join("link.txt");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    mtlint()
        .args(["fix", &link.display().to_string()])
        .assert()
        .code(0);
    assert!(fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    assert_eq!(read(&real), "Lavrov spoke.\n");
}

#[test]
fn unfixable_files_are_errors_and_the_others_still_fixed() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.txt").display().to_string();
    let binary = write(dir.path(), "b-binary.txt", b"Lawrow\0\x01");
    let latin1 = write(dir.path(), "c-latin1.txt", b"Gr\xfc\xdfe aus Kiew\n");
    let good = write(dir.path(), "d-good.txt", "Lawrow spoke.\n");
    let mut args = vec![missing.clone(), binary.clone(), latin1.clone()];
    let mut untouched = vec![
        (binary.clone(), fs::read(&binary).unwrap()),
        (latin1.clone(), fs::read(&latin1).unwrap()),
    ];
    // a file with a second hard link is refused (replacing it would split them)
    let linked = write(dir.path(), "e-linked.txt", "Lawrow spoke.\n");
    fs::hard_link(&linked, dir.path().join("e-other-name.txt")).unwrap();
    args.push(linked.clone());
    untouched.push((linked.clone(), fs::read(&linked).unwrap()));
    // a file the process may not read (as root every file is readable)
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let secret = write(dir.path(), "f-secret.txt", "Lawrow spoke.\n");
        fs::set_permissions(&secret, fs::Permissions::from_mode(0o000)).unwrap();
        if fs::read(&secret).is_err() {
            args.push(secret);
        }
    }
    args.push(good.clone());
    let out = mtlint().arg("fix").args(&args).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains(&format!("error: {missing}")), "{stderr}");
    assert!(stderr.contains("binary file"), "{stderr}");
    assert!(
        stderr.contains("c-latin1.txt:1:3: not valid UTF-8"),
        "{stderr}"
    );
    assert!(
        stderr.contains("e-linked.txt: has 2 hard links"),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!("{} files could not be fixed", args.len() - 1)),
        "{stderr}"
    );
    assert_eq!(read(&good), "Lavrov spoke.\n", "the good file is fixed");
    for (path, bytes) in untouched {
        assert_eq!(fs::read(&path).unwrap(), bytes, "{path} untouched");
    }
    let leftovers: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn standard_input_is_fixed_to_standard_output() {
    let seed = fs::read_to_string(root().join(SEED)).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "a.txt", &seed);
    mtlint().args(["fix", &file]).assert().code(1);
    let out = mtlint()
        .args(["fix", "-"])
        .write_stdin(seed.clone())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(out.stdout, fs::read(&file).unwrap());
    // with --diff, the diff instead
    mtlint()
        .args(["fix", "--diff", "-"])
        .write_stdin("Lawrow spoke.\n")
        .assert()
        .code(0)
        .stdout("--- a/<stdin>\n+++ b/<stdin>\n@@ -1 +1 @@\n-Lawrow spoke.\n+Lavrov spoke.\n");
    // nothing to fix: the text comes back unchanged
    mtlint()
        .args(["fix", "-"])
        .write_stdin("Nothing here.")
        .assert()
        .code(0)
        .stdout("Nothing here.");
}

#[test]
fn interactive_needs_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "a.txt", "Lawrow spoke.\n");
    mtlint()
        .args(["fix", "--interactive", &p])
        .write_stdin("y\n")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "--interactive asks on a terminal, but standard input is not one",
        ));
    assert_eq!(read(&p), "Lawrow spoke.\n");
}

/// Runs `mtlint fix --interactive FILE` in a pseudo-terminal made by
/// util-linux `script`, typing `answers`; `None` when `script` is missing.
fn interactive(file: &str, answers: &str) -> Option<(i32, String)> {
    let bin = assert_cmd::cargo::cargo_bin("mtlint");
    let probe = std::process::Command::new("script")
        .arg("--version")
        .output();
    if !probe.is_ok_and(|o| o.status.success()) {
        eprintln!("`script` (util-linux) is missing: the pseudo-terminal test is skipped");
        return None;
    }
    let command = format!("'{}' fix --interactive '{file}'", bin.display());
    let mut child = std::process::Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .env("NO_COLOR", "1")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(answers.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let shown = String::from_utf8_lossy(&out.stdout).replace("\r\n", "\n");
    Some((out.status.code().unwrap_or(-1), shown))
}

#[test]
fn interactive_asks_per_fix_on_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Lawrow met Rubio in Riad.\nThe diplomats left the messages.\n";
    let p = write(dir.path(), "a.txt", text);
    // yes to Lavrov, no to Riyadh, yes to the needs-review "embassies"
    let Some((code, shown)) = interactive(&p, "y\nn\ny\n") else {
        return;
    };
    assert_eq!(
        read(&p),
        "Lavrov met Rubio in Riad.\nThe diplomats left the embassies.\n"
    );
    assert_eq!(code, 1, "the declined Riad is an error left: {shown}");
    assert!(shown.contains("error[names/lavrov]"), "{shown}");
    assert!(shown.contains("1 | Lawrow met Rubio in Riad."), "{shown}");
    assert!(shown.contains("^^^^^^ safe fix"), "{shown}");
    assert!(shown.contains("replace “Riad” with “Riyadh”"), "{shown}");
    assert!(shown.contains("^^^^^^^^ needs-review fix"), "{shown}");
    assert_eq!(shown.matches("Apply? [y]es, [n]o, [a]ll").count(), 3);
    assert!(
        shown.contains("fixed 1 of 1 file: 2 fixes applied"),
        "{shown}"
    );

    // "a" takes this and all remaining fixes of the file; "q" keeps what was taken
    let p = write(dir.path(), "b.txt", text);
    let (code, _) = interactive(&p, "n\na\n").unwrap();
    assert_eq!(code, 1, "the declined Lawrow is left");
    assert_eq!(
        read(&p),
        "Lawrow met Rubio in Riyadh.\nThe diplomats left the embassies.\n"
    );
    let p = write(dir.path(), "c.txt", text);
    let (_, shown) = interactive(&p, "y\nq\n").unwrap();
    assert_eq!(
        read(&p),
        "Lavrov met Rubio in Riad.\nThe diplomats left the messages.\n"
    );
    assert_eq!(shown.matches("Apply?").count(), 2);
}

/// A batch of copies of the fixture articles, fixed in a process that is
/// killed (SIGKILL) at a random point of the batch: every file must be
/// byte-identical to its original or to its fully fixed version, and at most
/// one temporary file (`.NAME.mtlint-XXXXXX.tmp`, the one being written) may
/// be left. Files are fixed in path order, so each round waits until a
/// randomly picked file of the batch has been written, then kills after a
/// short random delay: the kill lands in the middle of the batch however
/// fast or loaded the machine is.
#[test]
fn killing_a_batch_fix_leaves_every_file_old_or_new() {
    const COPIES: usize = 20;
    const ROUNDS: usize = 4;
    let originals: BTreeMap<String, String> = articles().into_iter().skip(1).collect();
    let bin = assert_cmd::cargo::cargo_bin("mtlint");
    let spawn = |dir: &Path| {
        std::process::Command::new(&bin)
            .arg("fix")
            .arg(dir)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap()
    };

    // the fully fixed version of each article
    let once = tempfile::tempdir().unwrap();
    for (name, text) in &originals {
        fs::write(once.path().join(name), text).unwrap();
    }
    let status = spawn(once.path()).wait().unwrap();
    assert_ne!(status.code(), Some(2), "the articles fix cleanly");
    let fixed: BTreeMap<&str, Vec<u8>> = originals
        .iter()
        .map(|(name, text)| {
            let bytes = fs::read(once.path().join(name)).unwrap();
            assert_ne!(bytes, text.as_bytes(), "{name} has fixes");
            (name.as_str(), bytes)
        })
        .collect();

    // copy name -> article name, in the order the batch is fixed
    let mut batch: BTreeMap<String, &str> = BTreeMap::new();
    for i in 0..COPIES {
        for name in originals.keys() {
            batch.insert(format!("{i:02}-{name}"), name);
        }
    }
    assert!(batch.len() >= 300, "{} files", batch.len());
    let order: Vec<&String> = batch.keys().collect();

    let mut partial_rounds = 0;
    for round in 0..ROUNDS {
        let dir = tempfile::tempdir().unwrap();
        for (copy, name) in &batch {
            fs::write(dir.path().join(copy), &originals[*name]).unwrap();
        }
        // wait for a random file in the first five sixths to be fixed
        let watched = order[(random_fraction(round) * order.len() as f64 * 5.0 / 6.0) as usize];
        let watched_fixed = &fixed[batch[watched]];
        let mut child = spawn(dir.path());
        let deadline = Instant::now() + Duration::from_secs(600);
        while fs::read(dir.path().join(watched)).is_ok_and(|b| &b != watched_fixed) {
            assert!(Instant::now() < deadline, "round {round}: no progress");
            if child.try_wait().unwrap().is_some() {
                break;
            }
            std::thread::sleep(Duration::from_millis(2));
        }
        let delay = Duration::from_micros((random_fraction(round + 100) * 50_000.0) as u64);
        std::thread::sleep(delay);
        child.kill().unwrap(); // SIGKILL on Unix
        child.wait().unwrap();

        let mut changed = 0;
        let mut temps = Vec::new();
        for entry in fs::read_dir(dir.path()).unwrap() {
            let file = entry.unwrap().file_name().to_string_lossy().into_owned();
            let Some(name) = batch.get(&file) else {
                let copy = file
                    .strip_prefix('.')
                    .and_then(|f| f.split_once(".mtlint-"))
                    .map(|(copy, _)| copy.to_string());
                assert!(
                    file.ends_with(".tmp") && copy.is_some_and(|c| batch.contains_key(&c)),
                    "unexpected file {file}"
                );
                temps.push(file);
                continue;
            };
            let bytes = fs::read(dir.path().join(&file)).unwrap();
            if bytes == fixed[name] {
                changed += 1;
            } else {
                assert_eq!(
                    bytes,
                    originals[*name].as_bytes(),
                    "{file} is neither old nor new"
                );
            }
        }
        assert!(
            temps.len() <= 1,
            "round {round}: temp files left: {temps:?}"
        );
        eprintln!(
            "round {round}: killed {delay:?} after {watched} was fixed: {changed} of {} files fixed, {} temp file(s)",
            batch.len(),
            temps.len()
        );
        if changed > 0 && changed < batch.len() {
            partial_rounds += 1;
        }
    }
    assert!(
        partial_rounds > 0,
        "no round stopped the process in the middle of the batch"
    );
}

/// A number in [0, 1) that differs from run to run and round to round.
fn random_fraction(round: usize) -> f64 {
    use std::hash::{BuildHasher, Hasher};
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_usize(round);
    h.write_u128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap_or(Duration::ZERO)
            .as_nanos(),
    );
    (h.finish() >> 11) as f64 / (1u64 << 53) as f64
}
