//! The message loop: initialization, document notifications, requests,
//! results from the checking thread, shutdown and exit.

use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::Result;
use crossbeam_channel::{select, Receiver, Sender};
use lsp_server::{ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::{
    DidChangeTextDocument, DidChangeWatchedFiles, DidCloseTextDocument, DidOpenTextDocument,
    DidSaveTextDocument, LogMessage, Notification as _, PublishDiagnostics,
};
use lsp_types::request::{RegisterCapability, Request as _};
use lsp_types::{
    DidChangeWatchedFilesParams, DidChangeWatchedFilesRegistrationOptions, FileSystemWatcher,
    GlobPattern, InitializeResult, LogMessageParams, MessageType, PublishDiagnosticsParams,
    Registration, RegistrationParams, ServerInfo, Url,
};
use serde::de::DeserializeOwned;

use mtlint::lsp::text::apply_changes;

use super::documents::{self, Doc};
use super::initialize::{
    capabilities, client_setup, malformed, send, wait_for_initialize, ClientSetup,
};
use super::problems::{self, Problems, Reporter};
use super::transport::{Incoming, Io, Outgoing};
use super::worker::{self, Done, Job, Task};
use crate::cli::session::{GlobalArgs, Session};

/// A request waiting for a check is answered empty after this long.
const PARK_LIMIT: Duration = Duration::from_secs(10);
/// The error code for a request cancelled by the client.
const REQUEST_CANCELLED: i32 = -32800;

/// The server's state after initialization.
pub struct Server<'a> {
    out: &'a Sender<Outgoing>,
    pub(super) client: ClientSetup,
    pub(super) global: GlobalArgs,
    pub(super) session: Option<Arc<Session>>,
    pub(super) docs: HashMap<Url, Doc>,
    tasks: Sender<Task>,
    problems: Problems,
    /// Folders whose configuration is probed after each reload.
    probe_dirs: BTreeSet<PathBuf>,
    /// Requests waiting for the check of the current text.
    parked: Vec<(Request, Instant)>,
    shutdown: bool,
    next_id: i32,
}

/// Runs the server on `io`; returns the exit code.
pub fn serve(global: GlobalArgs, io: &Io) -> Result<u8> {
    let Some((id, params)) = wait_for_initialize(io)? else {
        return Ok(1);
    };
    let client = client_setup(&params);
    let result = InitializeResult {
        capabilities: capabilities(client.encoding),
        server_info: Some(ServerInfo {
            name: "mtlint".into(),
            version: Some(env!("CARGO_PKG_VERSION").into()),
        }),
    };
    send(&io.outgoing, Response::new_ok(id, result));
    let (tasks, task_rx) = crossbeam_channel::unbounded();
    let (done_tx, done) = crossbeam_channel::unbounded();
    let worker = worker::spawn(global.clone(), client.encoding, task_rx, done_tx)?;
    let mut server = Server {
        out: &io.outgoing,
        probe_dirs: client.roots.iter().cloned().collect(),
        client,
        global,
        session: None,
        docs: HashMap::new(),
        tasks,
        problems: Problems::default(),
        parked: Vec::new(),
        shutdown: false,
        next_id: 0,
    };
    let code = server.run(&io.incoming, &done);
    drop(server);
    let _ = worker.join();
    Ok(code)
}

impl Server<'_> {
    fn run(&mut self, incoming: &Receiver<Incoming>, done: &Receiver<Done>) -> u8 {
        loop {
            let tick = if self.parked.is_empty() {
                Duration::from_secs(3600)
            } else {
                Duration::from_millis(500)
            };
            select! {
                recv(incoming) -> msg => match msg {
                    Ok(msg) => {
                        if let Some(code) = self.on_incoming(msg) {
                            return code;
                        }
                    }
                    // the client closed our input without `exit`
                    Err(_) => return if self.shutdown { 0 } else { 1 },
                },
                recv(done) -> d => {
                    if let Ok(d) = d {
                        self.on_done(d);
                    }
                },
                default(tick) => {}
            }
            self.expire_parked();
        }
    }

    /// Sends a message to the client.
    pub(super) fn send(&self, msg: impl Into<Message>) {
        send(self.out, msg);
    }

    /// Logs to stderr and to the client's log.
    pub(super) fn log(&self, typ: MessageType, message: String) {
        eprintln!("mtlint lsp: {message}");
        self.notify::<LogMessage>(LogMessageParams { typ, message });
    }

    fn notify<N: lsp_types::notification::Notification>(&self, params: N::Params) {
        self.send(Notification::new(N::METHOD.into(), params));
    }

    /// Queues a task for the checking thread.
    pub(super) fn task(&self, task: Task) {
        let _ = self.tasks.send(task);
    }

    fn on_incoming(&mut self, msg: Incoming) -> Option<u8> {
        match msg {
            Incoming::Malformed { id, code, message } => {
                malformed(self.out, id, code, message);
                None
            }
            Incoming::Message(Message::Request(req)) => {
                self.on_request(req);
                None
            }
            Incoming::Message(Message::Notification(n)) => self.on_notification(n),
            Incoming::Message(Message::Response(r)) => {
                if let Err(e) = r.response_result {
                    self.log(
                        MessageType::WARNING,
                        format!("the client refused: {}", e.message),
                    );
                }
                None
            }
        }
    }

    fn on_request(&mut self, req: Request) {
        if self.shutdown {
            self.send(Response::new_err(
                req.id,
                ErrorCode::InvalidRequest as i32,
                "the server is shutting down".into(),
            ));
            return;
        }
        match req.method.as_str() {
            "shutdown" => {
                self.shutdown = true;
                self.send(Response::new_ok(req.id, ()));
            }
            "initialize" => self.send(Response::new_err(
                req.id,
                ErrorCode::InvalidRequest as i32,
                "the server is initialized already".into(),
            )),
            _ => self.dispatch(req),
        }
    }

    /// Answers a request now, or parks it until the check it needs is done.
    pub(super) fn dispatch(&mut self, req: Request) {
        match self.answer(&req) {
            Ok(Some(response)) => self.send(response),
            Ok(None) => self.parked.push((req, Instant::now())),
            Err((code, message)) => {
                self.log(MessageType::WARNING, format!("{}: {message}", req.method));
                self.send(Response::new_err(req.id, code as i32, message));
            }
        }
    }

    fn expire_parked(&mut self) {
        let now = Instant::now();
        let (old, keep): (Vec<_>, Vec<_>) = std::mem::take(&mut self.parked)
            .into_iter()
            .partition(|(_, since)| now.duration_since(*since) > PARK_LIMIT);
        self.parked = keep;
        for (req, _) in old {
            self.send(Response::new_ok(req.id, serde_json::Value::Null));
        }
    }

    fn retry_parked(&mut self) {
        for (req, since) in std::mem::take(&mut self.parked) {
            match self.answer(&req) {
                Ok(Some(response)) => self.send(response),
                Ok(None) => self.parked.push((req, since)),
                Err((code, message)) => self.send(Response::new_err(req.id, code as i32, message)),
            }
        }
    }

    fn on_notification(&mut self, n: Notification) -> Option<u8> {
        let method = n.method.clone();
        let outcome = match method.as_str() {
            "exit" => return Some(if self.shutdown { 0 } else { 1 }),
            "initialized" => {
                self.initialized();
                Ok(())
            }
            DidOpenTextDocument::METHOD => params(n).map(|p| self.did_open(p)),
            DidChangeTextDocument::METHOD => params(n).map(|p| self.did_change(p)),
            DidCloseTextDocument::METHOD => params(n).map(|p| self.did_close(p)),
            DidSaveTextDocument::METHOD => {
                params::<lsp_types::DidSaveTextDocumentParams>(n).map(|p| {
                    if p.text_document.uri.path().ends_with(".toml") {
                        self.reload(documents::path_of(&p.text_document.uri));
                    }
                })
            }
            DidChangeWatchedFiles::METHOD => params(n).map(|p| self.watched_files_changed(p)),
            "$/cancelRequest" => params(n).map(|p| self.cancel(p)),
            _ => Ok(()),
        };
        if let Err(e) = outcome {
            self.log(
                MessageType::WARNING,
                format!("{method}: bad parameters: {e}"),
            );
        }
        None
    }

    fn initialized(&mut self) {
        if !self.client.registers_watchers {
            return;
        }
        let options = DidChangeWatchedFilesRegistrationOptions {
            watchers: vec![FileSystemWatcher {
                glob_pattern: GlobPattern::String("**/*.toml".into()),
                kind: None,
            }],
        };
        let params = RegistrationParams {
            registrations: vec![Registration {
                id: "mtlint-config-files".into(),
                method: DidChangeWatchedFiles::METHOD.into(),
                register_options: serde_json::to_value(options).ok(),
            }],
        };
        self.next_id += 1;
        let id = RequestId::from(format!("mtlint-{}", self.next_id));
        self.send(Request::new(id, RegisterCapability::METHOD.into(), params));
    }

    fn did_open(&mut self, p: lsp_types::DidOpenTextDocumentParams) {
        let item = p.text_document;
        let forced = self.global.input_format;
        let Some(format) = documents::format_of(&item.language_id, &item.uri, forced) else {
            return;
        };
        let doc = Doc {
            path: documents::path_of(&item.uri),
            format,
            text: item.text,
            version: item.version,
            analysis: None,
        };
        self.docs.insert(item.uri.clone(), doc);
        self.schedule(&item.uri, Duration::ZERO);
    }

    fn did_change(&mut self, p: lsp_types::DidChangeTextDocumentParams) {
        let encoding = self.client.encoding;
        let uri = p.text_document.uri;
        let Some(doc) = self.docs.get_mut(&uri) else {
            return;
        };
        apply_changes(&mut doc.text, &p.content_changes, encoding);
        doc.version = p.text_document.version;
        let debounce = self.client.debounce;
        self.schedule(&uri, debounce);
    }

    fn did_close(&mut self, p: lsp_types::DidCloseTextDocumentParams) {
        let uri = p.text_document.uri;
        if self.docs.remove(&uri).is_none() {
            return;
        }
        self.task(Task::Forget(uri.clone()));
        self.notify::<PublishDiagnostics>(PublishDiagnosticsParams {
            uri: uri.clone(),
            diagnostics: Vec::new(),
            version: None,
        });
        self.problems.set(Reporter::Document(uri), None);
        self.publish_problems();
        self.retry_parked();
    }

    fn watched_files_changed(&mut self, p: DidChangeWatchedFilesParams) {
        let mut any = false;
        for change in &p.changes {
            if !change.uri.path().ends_with(".toml") {
                continue;
            }
            any = true;
            let path = documents::path_of(&change.uri);
            if let Some(dir) = path.as_ref().and_then(|p| p.parent()) {
                self.probe_dirs.insert(dir.to_path_buf());
            }
        }
        if any {
            self.reload(None);
        }
    }

    /// Loads every configuration afresh; documents are checked again when
    /// the new configuration is in place.
    pub(super) fn reload(&mut self, changed: Option<PathBuf>) {
        if let Some(dir) = changed.as_ref().and_then(|p| p.parent()) {
            self.probe_dirs.insert(dir.to_path_buf());
        }
        self.task(Task::Reload);
    }

    fn cancel(&mut self, p: lsp_types::CancelParams) {
        let id = match p.id {
            lsp_types::NumberOrString::Number(n) => RequestId::from(n),
            lsp_types::NumberOrString::String(s) => RequestId::from(s),
        };
        if let Some(i) = self.parked.iter().position(|(r, _)| r.id == id) {
            let (req, _) = self.parked.remove(i);
            self.send(Response::new_err(
                req.id,
                REQUEST_CANCELLED,
                "cancelled".into(),
            ));
        }
    }

    /// Asks the checking thread to check `uri`'s current text after `delay`.
    fn schedule(&self, uri: &Url, delay: Duration) {
        let Some(doc) = self.docs.get(uri) else {
            return;
        };
        self.task(Task::Check(Job {
            uri: uri.clone(),
            version: doc.version,
            text: Arc::from(doc.text.as_str()),
            path: doc.path.clone(),
            format: doc.format,
            due: Instant::now() + delay,
        }));
    }

    fn on_done(&mut self, done: Done) {
        match done {
            Done::Checked {
                uri,
                analysis,
                problem,
                elapsed,
            } => {
                let Some(doc) = self.docs.get_mut(&uri) else {
                    return;
                };
                if analysis.version != doc.version {
                    return; // a newer text is on its way
                }
                let params = PublishDiagnosticsParams {
                    uri: uri.clone(),
                    diagnostics: analysis.published.clone(),
                    version: Some(analysis.version),
                };
                doc.analysis = Some(analysis);
                self.notify::<PublishDiagnostics>(params);
                if elapsed > Duration::from_millis(500) {
                    self.log(
                        MessageType::LOG,
                        format!("checked {uri} in {} ms", elapsed.as_millis()),
                    );
                }
                self.problems.set(Reporter::Document(uri), problem);
                self.publish_problems();
                self.retry_parked();
            }
            Done::Probed { dir, problem } => {
                self.problems.set(Reporter::Folder(dir), problem);
                self.publish_problems();
            }
            Done::Reloaded { session, problem } => {
                // the first load happens before any check: nothing to redo
                let first = self.session.replace(session).is_none();
                self.problems.clear();
                self.problems.set(Reporter::Default, problem);
                self.publish_problems();
                for dir in &self.probe_dirs {
                    self.task(Task::Probe(dir.clone()));
                }
                let uris: Vec<Url> = self.docs.keys().cloned().collect();
                for uri in uris.iter().filter(|_| !first) {
                    self.schedule(uri, Duration::ZERO);
                }
            }
            Done::Log(message) => self.log(MessageType::ERROR, message),
        }
    }

    fn publish_problems(&mut self) {
        for (file, found) in self.problems.changes() {
            let Ok(uri) = Url::from_file_path(&file) else {
                continue;
            };
            let text = std::fs::read_to_string(&file).unwrap_or_default();
            let diagnostics = found
                .iter()
                .map(|p| {
                    self.log(
                        MessageType::ERROR,
                        format!("configuration: {}", problems::describe(p)),
                    );
                    problems::to_diagnostic(p, &text, self.client.encoding)
                })
                .collect();
            self.notify::<PublishDiagnostics>(PublishDiagnosticsParams {
                uri,
                diagnostics,
                version: None,
            });
        }
    }
}

/// The parameters of a notification, or why they do not fit.
fn params<P: DeserializeOwned>(n: Notification) -> Result<P, serde_json::Error> {
    serde_json::from_value(n.params)
}
