//! Code actions for the findings under the cursor: apply a suggestion,
//! apply every safe fix in the document, silence the rule for the line, or
//! add the word to the allow-list.

use std::collections::HashMap;
use std::path::PathBuf;

use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, Command, CreateFile, CreateFileOptions,
    DocumentChangeOperation, DocumentChanges, OneOf, OptionalVersionedTextDocumentIdentifier,
    Position, Range, ResourceOp, TextDocumentEdit, TextEdit, Url, WorkspaceEdit,
};

use super::allow_list;
use super::diagnostics::Target;
use super::position::LineMap;
use crate::diagnostic::{Applicability, Diagnostic, Edit};
use crate::document::InputFormat;
use crate::fix::{self, Candidate, FixMode, Planned};
use crate::span::Span;
use crate::suppress::{self, DirectiveKind};

/// The kind of the "apply all safe fixes" source action.
pub const FIX_ALL: CodeActionKind = CodeActionKind::new("source.fixAll.mtlint");

/// The command that adds a word to an allow-list file on the server's side,
/// for clients that cannot create files through a workspace edit. Its
/// arguments: the configuration file's path and the word.
pub const ADD_TO_ALLOW_LIST: &str = "mtlint.addToAllowList";

/// The configuration file an allow-list action edits.
#[derive(Debug, Clone)]
pub struct AllowListFile {
    /// Where it is (or would be created).
    pub path: PathBuf,
    /// Its text; `None` when it does not exist yet.
    pub text: Option<String>,
    /// Whether the client can create files in a workspace edit.
    pub client_creates_files: bool,
}

/// What the actions are computed from.
#[derive(Debug, Clone, Copy)]
pub struct Request<'a> {
    /// The document, its text and lines.
    pub target: Target<'a>,
    /// How the document is read (for the suppression comment's form).
    pub format: InputFormat,
    /// Every finding of the document, for the current text.
    pub diagnostics: &'a [Diagnostic],
    /// The same findings as published, index for index.
    pub published: &'a [lsp_types::Diagnostic],
    /// The bytes the client asks about (the cursor or a selection).
    pub span: Span,
    /// The kinds the client asked for (`None`: any).
    pub only: Option<&'a [CodeActionKind]>,
    /// The configuration file for "add to allow-list", if there is a place for one.
    pub allow_list: Option<&'a AllowListFile>,
}

impl Request<'_> {
    fn wants(&self, kind: &CodeActionKind) -> bool {
        self.only.is_none_or(|only| {
            only.iter().any(|o| {
                kind.as_str() == o.as_str()
                    || kind
                        .as_str()
                        .strip_prefix(o.as_str())
                        .is_some_and(|rest| rest.starts_with('.'))
            })
        })
    }

    fn edit_of(&self, edits: Vec<TextEdit>) -> WorkspaceEdit {
        WorkspaceEdit {
            changes: Some(HashMap::from([(self.target.uri.clone(), edits)])),
            ..WorkspaceEdit::default()
        }
    }

    fn text_edit(&self, e: &Edit) -> TextEdit {
        TextEdit {
            range: self.target.range(e.span),
            new_text: e.replacement.clone(),
        }
    }
}

/// The code actions for `request`, quick fixes per finding first (in
/// position order), then "apply all safe fixes".
pub fn code_actions(request: &Request<'_>) -> Vec<CodeActionOrCommand> {
    let mut out = Vec::new();
    let here: Vec<usize> = (0..request.diagnostics.len())
        .filter(|&i| touches(request.diagnostics[i].span, request.span))
        .collect();
    if request.wants(&CodeActionKind::QUICKFIX) {
        for &i in &here {
            out.extend(quick_fixes(request, i));
        }
        if !here.is_empty() {
            if let Some(mut all) = fix_all(request) {
                all.kind = Some(CodeActionKind::QUICKFIX);
                out.push(CodeActionOrCommand::CodeAction(all));
            }
        }
    }
    if request.only.is_some() && request.wants(&FIX_ALL) {
        out.extend(fix_all(request).map(CodeActionOrCommand::CodeAction));
    }
    out
}

/// Whether a finding at `d` is under the cursor or selection `at`.
fn touches(d: Span, at: Span) -> bool {
    d.start <= at.end && at.start <= d.end
}

fn quick_fixes(request: &Request<'_>, i: usize) -> Vec<CodeActionOrCommand> {
    let d = &request.diagnostics[i];
    let published = request.published.get(i).cloned();
    let action = |title: String, edit: Option<WorkspaceEdit>, preferred: bool| CodeAction {
        title,
        kind: Some(CodeActionKind::QUICKFIX),
        diagnostics: published.clone().map(|p| vec![p]),
        edit,
        command: None,
        is_preferred: preferred.then_some(true),
        disabled: None,
        data: None,
    };
    let mut out = Vec::new();
    for (n, f) in d.fixes.iter().enumerate() {
        let candidate = Candidate {
            diagnostic: d,
            fix: f,
        };
        let Some(planned) = Planned::new(request.target.text, candidate) else {
            continue;
        };
        let edits = planned
            .edits()
            .iter()
            .map(|e| request.text_edit(e))
            .collect();
        let safe = f.applicability == Applicability::Safe;
        out.push(action(
            fix_title(request.target.text, d, f, safe),
            Some(request.edit_of(edits)),
            n == 0 && safe,
        ));
    }
    if !d.rule.starts_with("mtlint/") {
        let edit = disable_for_line(request, d);
        out.push(action(
            format!("Disable {} for this line", d.rule),
            Some(request.edit_of(vec![edit])),
            false,
        ));
    }
    let word = request
        .target
        .text
        .get(d.span.start..d.span.end)
        .unwrap_or("")
        .trim();
    if let Some(file) = request.allow_list {
        if !d.rule.starts_with("mtlint/") && allow_list::is_allowable(word) {
            if let Some(mut a) = allow_list_action(request, file, word) {
                a.diagnostics = published.clone().map(|p| vec![p]);
                out.push(a);
            }
        }
    }
    out.into_iter()
        .map(CodeActionOrCommand::CodeAction)
        .collect::<Vec<_>>()
}

/// "Replace “Lawrow” with “Lavrov”", "Delete “Copy the current link”".
fn fix_title(text: &str, d: &Diagnostic, f: &crate::diagnostic::Fix, safe: bool) -> String {
    let found = short(text.get(d.span.start..d.span.end).unwrap_or(""));
    let mut title = match f.replacement_for(d.span) {
        Some("") => format!("Delete “{found}”"),
        Some(r) => format!("Replace “{found}” with “{}”", short(r)),
        None => format!("Apply the fix of {}", d.rule),
    };
    if !safe {
        title.push_str(" (check the context)");
    }
    title
}

/// `s` on one line, cut to 40 characters.
fn short(s: &str) -> String {
    let one_line = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= 40 {
        one_line
    } else {
        let cut: String = one_line.chars().take(39).collect();
        format!("{cut}…")
    }
}

/// One pass of every safe fix in the document, exactly as `mtlint fix`
/// makes it (see [`fix::plan`] and [`fix::apply`]: the same choice of
/// fixes, line endings and final line break), as a `source.fixAll.mtlint`
/// action; `None` when there is nothing to fix.
fn fix_all(request: &Request<'_>) -> Option<CodeAction> {
    let text = request.target.text;
    let plan = fix::plan(text, request.diagnostics, FixMode::Safe);
    if plan.chosen.is_empty() {
        return None;
    }
    let fixed = fix::apply(text, &plan.chosen).text;
    let edits: Vec<TextEdit> = edits_between(text, &fixed)
        .iter()
        .map(|e| request.text_edit(e))
        .collect();
    Some(CodeAction {
        title: format!(
            "Apply all safe mtlint fixes in this document ({})",
            plan.chosen.len()
        ),
        kind: Some(FIX_ALL),
        diagnostics: None,
        edit: Some(request.edit_of(edits)),
        command: None,
        is_preferred: None,
        disabled: None,
        data: None,
    })
}

/// The edit that silences `d`'s rule on the line where `d` starts: a
/// `mtlint-disable-next-line` directive above it, indented like it (an HTML
/// comment in Markdown and HTML, a line of its own in plain text), or the
/// rule added to such a directive that is already there.
pub fn disable_for_line(request: &Request<'_>, d: &Diagnostic) -> TextEdit {
    let Target { text, lines, .. } = request.target;
    let line = lines.line_of(d.span.start);
    let start = lines.line_start(line);
    if let Some(edit) = extend_directive(request, line, &d.rule) {
        return edit;
    }
    let content = text.get(start..lines.line_end(text, line)).unwrap_or("");
    let indent: String = content
        .chars()
        .take_while(|c| *c == ' ' || *c == '\t')
        .collect();
    let eol = match lines.line_break(text, line) {
        "" => first_line_break(text, lines),
        b => b,
    };
    let keyword = DirectiveKind::DisableNextLine.keyword();
    let directive = match request.format {
        InputFormat::Plain => format!("{keyword} {}", d.rule),
        InputFormat::Markdown | InputFormat::Html => format!("<!-- {keyword} {} -->", d.rule),
    };
    let at = request
        .target
        .lines
        .position(text, start, request.target.encoding);
    TextEdit {
        range: Range { start: at, end: at },
        new_text: format!("{indent}{directive}{eol}"),
    }
}

/// The line break the text uses (its first one), `\n` when it has none.
fn first_line_break<'t>(text: &'t str, lines: &LineMap) -> &'t str {
    (0..lines.line_count().saturating_sub(1))
        .map(|l| lines.line_break(text, l))
        .next()
        .unwrap_or("\n")
}

/// When the line above `line` is already a `mtlint-disable-next-line`
/// directive with rules, the edit that adds `rule` to it.
fn extend_directive(request: &Request<'_>, line: usize, rule: &str) -> Option<TextEdit> {
    let Target {
        text,
        lines,
        encoding,
        ..
    } = request.target;
    let above = line.checked_sub(1)?;
    let span = Span::new(lines.line_start(above), lines.line_end(text, above));
    let body = text.get(span.start..span.end)?;
    let is_comment = body.trim_start().starts_with("<!--");
    if is_comment == (request.format == InputFormat::Plain) {
        return None;
    }
    let directive = suppress::parse(text, span)?;
    let last = directive.rules.last()?;
    if directive.kind != DirectiveKind::DisableNextLine {
        return None;
    }
    let at = lines.position(text, last.span.end, encoding);
    Some(TextEdit {
        range: Range { start: at, end: at },
        new_text: format!(" {rule}"),
    })
}

/// "Add “Lawrow” to the allow-list": a workspace edit of the configuration
/// file (creating it when missing and the client can), else the server-side
/// command; `None` when the word is listed already or the file cannot take it.
fn allow_list_action(
    request: &Request<'_>,
    file: &AllowListFile,
    word: &str,
) -> Option<CodeAction> {
    let current = file.text.as_deref().unwrap_or("");
    let new_text = allow_list::add_word(current, word).ok()??;
    let name = file.path.file_name().map_or_else(
        || "mtlint.toml".into(),
        |n| n.to_string_lossy().into_owned(),
    );
    let title = format!("Add “{}” to the allow-list in {name}", short(word));
    let uri = Url::from_file_path(&file.path).ok()?;
    let encoding = request.target.encoding;
    let (edit, command) = match (&file.text, file.client_creates_files) {
        (Some(old), _) => {
            let lines = LineMap::new(old);
            let changed = changed_span(old, &new_text);
            let replacement = new_text
                .get(changed.start..new_text.len() - (old.len() - changed.end))
                .unwrap_or("")
                .to_string();
            let edit = TextEdit {
                range: lines.range(old, changed, encoding),
                new_text: replacement,
            };
            let changes = HashMap::from([(uri, vec![edit])]);
            (
                Some(WorkspaceEdit {
                    changes: Some(changes),
                    ..WorkspaceEdit::default()
                }),
                None,
            )
        }
        (None, true) => {
            let origin = Position::default();
            let ops = vec![
                DocumentChangeOperation::Op(ResourceOp::Create(CreateFile {
                    uri: uri.clone(),
                    options: Some(CreateFileOptions {
                        overwrite: Some(false),
                        ignore_if_exists: Some(true),
                    }),
                    annotation_id: None,
                })),
                DocumentChangeOperation::Edit(TextDocumentEdit {
                    text_document: OptionalVersionedTextDocumentIdentifier { uri, version: None },
                    edits: vec![OneOf::Left(TextEdit {
                        range: Range {
                            start: origin,
                            end: origin,
                        },
                        new_text,
                    })],
                }),
            ];
            (
                Some(WorkspaceEdit {
                    document_changes: Some(DocumentChanges::Operations(ops)),
                    ..WorkspaceEdit::default()
                }),
                None,
            )
        }
        (None, false) => (
            None,
            Some(Command {
                title: title.clone(),
                command: ADD_TO_ALLOW_LIST.to_string(),
                arguments: Some(vec![
                    file.path.display().to_string().into(),
                    word.to_string().into(),
                ]),
            }),
        ),
    };
    Some(CodeAction {
        title,
        kind: Some(CodeActionKind::QUICKFIX),
        diagnostics: None,
        edit,
        command,
        is_preferred: None,
        disabled: None,
        data: None,
    })
}

/// Edits that turn `old` into `new`: one per changed run of lines, each
/// cut down to the characters that differ.
fn edits_between(old: &str, new: &str) -> Vec<Edit> {
    let diff = similar::TextDiff::from_lines(old, new);
    let starts = |lines: &[&str]| -> Vec<usize> {
        let mut at = vec![0];
        for l in lines {
            at.push(at.last().copied().unwrap_or(0) + l.len());
        }
        at
    };
    let (o, n) = (starts(diff.old_slices()), starts(diff.new_slices()));
    diff.ops()
        .iter()
        .filter(|op| op.tag() != similar::DiffTag::Equal)
        .filter_map(|op| {
            let (or, nr) = (op.old_range(), op.new_range());
            let (old_start, new_start) = (o[or.start], n[nr.start]);
            let before = old.get(old_start..o[or.end])?;
            let after = new.get(new_start..n[nr.end])?;
            let changed = changed_span(before, after);
            let kept_tail = before.len() - changed.end;
            Some(Edit {
                span: changed.shifted(old_start),
                replacement: after
                    .get(changed.start..after.len() - kept_tail)?
                    .to_string(),
            })
        })
        .collect()
}

/// The byte span of `old` that differs from `new` (common prefix and
/// suffix left out, on character boundaries).
fn changed_span(old: &str, new: &str) -> Span {
    let prefix = old
        .char_indices()
        .zip(new.chars())
        .find(|((_, a), b)| a != b)
        .map_or(old.len().min(new.len()), |((i, _), _)| i);
    let max_suffix = old.len().min(new.len()) - prefix;
    let suffix = old
        .chars()
        .rev()
        .zip(new.chars().rev())
        .take_while(|(a, b)| a == b)
        .map(|(a, _)| a.len_utf8())
        .scan(0, |sum, n| {
            *sum += n;
            Some(*sum)
        })
        .take_while(|&s| s <= max_suffix)
        .last()
        .unwrap_or(0);
    Span::new(prefix, old.len() - suffix)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lsp::diagnostics::to_lsp;
    use crate::lsp::position::Encoding;
    use crate::rules::embedded;
    use crate::{Document, Engine};

    struct Fixture {
        uri: Url,
        text: String,
        lines: LineMap,
        diags: Vec<Diagnostic>,
        published: Vec<lsp_types::Diagnostic>,
        format: InputFormat,
    }

    fn fixture(text: &str, format: InputFormat) -> Fixture {
        let engine = Engine::new(embedded::load_default().expect("packs")).expect("engine");
        let diags = engine.check(&Document::parse(text, format));
        let uri = Url::parse("file:///tmp/a.txt").expect("url");
        let lines = LineMap::new(text);
        let target = Target {
            uri: &uri,
            text,
            lines: &lines,
            encoding: Encoding::Utf16,
        };
        let published = to_lsp(target, &diags, &engine);
        Fixture {
            uri: uri.clone(),
            text: text.to_string(),
            lines,
            diags,
            published,
            format,
        }
    }

    fn request<'a>(f: &'a Fixture, at: usize, only: Option<&'a [CodeActionKind]>) -> Request<'a> {
        Request {
            target: Target {
                uri: &f.uri,
                text: &f.text,
                lines: &f.lines,
                encoding: Encoding::Utf16,
            },
            format: f.format,
            diagnostics: &f.diags,
            published: &f.published,
            span: Span::new(at, at),
            only,
            allow_list: None,
        }
    }

    fn titles(actions: &[CodeActionOrCommand]) -> Vec<String> {
        actions
            .iter()
            .map(|a| match a {
                CodeActionOrCommand::CodeAction(a) => a.title.clone(),
                CodeActionOrCommand::Command(c) => c.title.clone(),
            })
            .collect()
    }

    #[test]
    fn the_first_action_applies_the_suggestion() {
        let f = fixture("Sergei Lawrow met Rubio in Riad.\n", InputFormat::Plain);
        let actions = code_actions(&request(&f, 9, None));
        let t = titles(&actions);
        assert_eq!(t[0], "Replace “Lawrow” with “Lavrov”");
        assert_eq!(t[1], "Disable names/lavrov for this line");
        assert!(
            t.last()
                .is_some_and(|l| l.starts_with("Apply all safe mtlint fixes")),
            "{t:?}"
        );
        let only = [FIX_ALL];
        let source = code_actions(&request(&f, 0, Some(&only)));
        assert_eq!(
            titles(&source),
            ["Apply all safe mtlint fixes in this document (2)"]
        );
    }

    #[test]
    fn plain_text_gets_a_directive_line_with_the_same_indent() {
        let f = fixture(
            "Intro.\r\n  Sergei Lawrow met Rubio.\r\n",
            InputFormat::Plain,
        );
        let at = f.text.find("Lawrow").unwrap_or_default();
        let edit = disable_for_line(&request(&f, at, None), &f.diags[0]);
        assert_eq!(edit.new_text, "  mtlint-disable-next-line names/lavrov\r\n");
        assert_eq!(edit.range.start, Position::new(1, 0));
    }

    #[test]
    fn markdown_gets_a_comment_or_an_extended_directive() {
        let f = fixture(
            "- Sergei Lawrow met Rubio in Riad.\n",
            InputFormat::Markdown,
        );
        let edit = disable_for_line(&request(&f, 10, None), &f.diags[0]);
        assert_eq!(
            edit.new_text,
            "<!-- mtlint-disable-next-line names/lavrov -->\n"
        );
        let text =
            "<!-- mtlint-disable-next-line names/lavrov -->\nSergei Lawrow met Rubio in Riad.\n";
        let f = fixture(text, InputFormat::Markdown);
        let riad = f
            .diags
            .iter()
            .find(|d| &*d.rule == "names/riyadh")
            .expect("riad");
        let edit = disable_for_line(&request(&f, riad.span.start, None), riad);
        assert_eq!(edit.new_text, " names/riyadh");
        assert_eq!(edit.range.start, Position::new(0, 42));
    }

    #[test]
    fn allow_list_edits_the_file_or_creates_it() {
        let f = fixture("Sergei Lawrow met Rubio.\n", InputFormat::Plain);
        let mut file = AllowListFile {
            path: PathBuf::from("/tmp/ws/mtlint.toml"),
            text: Some("# mine\n[allow]\nwords = [\"Kyiv\"]\n".into()),
            client_creates_files: false,
        };
        let req = request(&f, 9, None);
        let action = allow_list_action(&req, &file, "Lawrow").expect("action");
        let edit = &action.edit.expect("edit").changes.expect("changes")
            [&Url::from_file_path("/tmp/ws/mtlint.toml").expect("url")][0];
        assert_eq!(edit.new_text, ", \"Lawrow\"");
        assert_eq!(edit.range.start, Position::new(2, 15));
        file.text = None;
        let command = allow_list_action(&req, &file, "Lawrow").expect("action");
        assert_eq!(command.command.expect("command").command, ADD_TO_ALLOW_LIST);
        file.client_creates_files = true;
        let create = allow_list_action(&req, &file, "Lawrow").expect("action");
        assert!(matches!(
            create.edit.and_then(|e| e.document_changes),
            Some(DocumentChanges::Operations(ops)) if ops.len() == 2
        ));
    }

    #[test]
    fn edits_between_texts_are_small_and_complete() {
        let old = "one Lawrow\ntwo\nthree Riad\nend";
        let new = "one Lavrov\ntwo\nthree Riyadh\nend\n";
        let edits = edits_between(old, new);
        assert_eq!(fix::apply_edits(old, &edits).0, new);
        let spans: Vec<Span> = edits.iter().map(|e| e.span).collect();
        assert_eq!(spans, [Span::new(6, 10), Span::new(23, 29)]);
    }

    #[test]
    fn changed_span_keeps_common_ends() {
        assert_eq!(changed_span("abXcd", "abYYcd"), Span::new(2, 3));
        assert_eq!(changed_span("aa", "aaa"), Span::new(2, 2));
        assert_eq!(changed_span("", "x"), Span::new(0, 0));
        assert_eq!(changed_span("é", "è"), Span::new(0, 2));
    }
}
