//! Requests about a document: code actions, hover, and the allow-list command.

use std::path::{Path, PathBuf};

use lsp_server::{ErrorCode, Request, Response};
use lsp_types::request::{CodeActionRequest, ExecuteCommand, HoverRequest, Request as _};
use lsp_types::{
    CodeActionParams, ExecuteCommandParams, Hover, HoverContents, HoverParams, MarkupContent,
    MarkupKind, MessageType,
};
use serde::de::DeserializeOwned;

use mtlint::lsp::actions::{self, AllowListFile, ADD_TO_ALLOW_LIST};
use mtlint::lsp::diagnostics::Target;
use mtlint::lsp::{allow_list, hover, LineMap};

use super::server::Server;

/// An error answer: code and message.
pub type Failure = (ErrorCode, String);

impl Server<'_> {
    /// The answer to `req`; `Ok(None)` when it needs a check that is not
    /// done yet (the request is then parked and tried again).
    pub(super) fn answer(&mut self, req: &Request) -> Result<Option<Response>, Failure> {
        let id = req.id.clone();
        let ok = |v: serde_json::Value| Ok(Some(Response::new_ok(id.clone(), v)));
        match req.method.as_str() {
            CodeActionRequest::METHOD => match self.code_actions(parse(req)?) {
                Some(v) => ok(v),
                None => Ok(None),
            },
            HoverRequest::METHOD => match self.hover(parse(req)?) {
                Some(v) => ok(v),
                None => Ok(None),
            },
            ExecuteCommand::METHOD => {
                self.execute(parse(req)?)?;
                ok(serde_json::Value::Null)
            }
            other => Err((
                ErrorCode::MethodNotFound,
                format!("mtlint does not handle `{other}`"),
            )),
        }
    }

    fn code_actions(&self, p: CodeActionParams) -> Option<serde_json::Value> {
        let uri = &p.text_document.uri;
        let Some(doc) = self.docs.get(uri) else {
            return Some(serde_json::json!([]));
        };
        let analysis = doc.current()?;
        let lines = LineMap::new(&doc.text);
        let target = Target {
            uri,
            text: &doc.text,
            lines: &lines,
            encoding: self.client.encoding,
        };
        let allow_list = self.allow_list_file(doc.path.as_deref());
        let request = actions::Request {
            target,
            format: doc.format,
            diagnostics: &analysis.diagnostics,
            published: &analysis.published,
            span: lines.span(&doc.text, p.range, self.client.encoding),
            only: p.context.only.as_deref(),
            allow_list: allow_list.as_ref(),
        };
        serde_json::to_value(actions::code_actions(&request)).ok()
    }

    /// The configuration file an allow-list action for a document at
    /// `path` edits: the one that applies to it, else a new `mtlint.toml` in
    /// the workspace folder that holds it (or its own folder).
    fn allow_list_file(&self, path: Option<&Path>) -> Option<AllowListFile> {
        let session = self.session.as_ref()?;
        let file = match session.config_path_for(path) {
            Some(config) => config,
            None => {
                let root = path.and_then(|p| self.client.roots.iter().find(|r| p.starts_with(r)));
                let dir = match (root, path) {
                    (Some(r), _) => r.clone(),
                    (None, Some(p)) => p.parent()?.to_path_buf(),
                    (None, None) => self.client.roots.first()?.clone(),
                };
                dir.join("mtlint.toml")
            }
        };
        let file = std::path::absolute(&file).unwrap_or(file);
        Some(AllowListFile {
            text: std::fs::read_to_string(&file).ok(),
            path: file,
            client_creates_files: self.client.creates_files,
        })
    }

    fn hover(&self, p: HoverParams) -> Option<serde_json::Value> {
        let at = p.text_document_position_params;
        let Some(doc) = self.docs.get(&at.text_document.uri) else {
            return Some(serde_json::Value::Null);
        };
        let analysis = doc.current()?;
        let lines = LineMap::new(&doc.text);
        let offset = lines.offset(&doc.text, at.position, self.client.encoding);
        let here: Vec<usize> = (0..analysis.diagnostics.len())
            .filter(|&i| {
                let s = analysis.diagnostics[i].span;
                s.start <= offset && offset <= s.end
            })
            .collect();
        let Some(&first) = here.first() else {
            return Some(serde_json::Value::Null);
        };
        let text = here
            .iter()
            .map(|&i| {
                let d = &analysis.diagnostics[i];
                hover::markdown(d, analysis.engine.rule(&d.rule))
            })
            .collect::<Vec<_>>()
            .join("\n---\n\n");
        let result = Hover {
            contents: HoverContents::Markup(MarkupContent {
                kind: MarkupKind::Markdown,
                value: text,
            }),
            range: Some(analysis.published[first].range),
        };
        serde_json::to_value(result).ok()
    }

    /// `mtlint.addToAllowList PATH WORD`: writes the word into the file
    /// (creating it), then reloads the configuration.
    fn execute(&mut self, p: ExecuteCommandParams) -> Result<(), Failure> {
        let bad = |m: &str| (ErrorCode::InvalidParams, m.to_string());
        if p.command != ADD_TO_ALLOW_LIST {
            return Err(bad(&format!("unknown command `{}`", p.command)));
        }
        let [path, word] = p.arguments.as_slice() else {
            return Err(bad(
                "expected two arguments: the configuration file and the word",
            ));
        };
        let (Some(path), Some(word)) = (path.as_str(), word.as_str()) else {
            return Err(bad("both arguments must be strings"));
        };
        let path = PathBuf::from(path);
        let old = std::fs::read_to_string(&path).ok();
        let new = allow_list::add_word(old.as_deref().unwrap_or(""), word)
            .map_err(|e| (ErrorCode::RequestFailed, format!("{}: {e}", path.display())))?;
        if let Some(new) = new {
            let written = match &old {
                Some(old) => {
                    mtlint::atomic::replace_if_unchanged(&path, old.as_bytes(), new.as_bytes())
                        .map(|_| ())
                        .map_err(|e| e.to_string())
                }
                None => create_new(&path, &new),
            };
            written.map_err(|e| (ErrorCode::RequestFailed, e))?;
            self.log(
                MessageType::INFO,
                format!("added “{word}” to the allow-list in {}", path.display()),
            );
        }
        self.reload(Some(path));
        Ok(())
    }
}

fn create_new(path: &Path, text: &str) -> Result<(), String> {
    use std::io::Write;
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    file.write_all(text.as_bytes())
        .map_err(|e| format!("{}: {e}", path.display()))
}

fn parse<P: DeserializeOwned>(req: &Request) -> Result<P, Failure> {
    serde_json::from_value(req.params.clone()).map_err(|e| {
        (
            ErrorCode::InvalidParams,
            format!("{}: bad parameters: {e}", req.method),
        )
    })
}
