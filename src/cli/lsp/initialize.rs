//! The start of a session: answering everything before `initialize`,
//! reading what the client can do, and what the server offers.

use std::path::PathBuf;
use std::time::Duration;

use crossbeam_channel::Sender;
use lsp_server::{ErrorCode, Message, RequestId, Response};
use lsp_types::request::{Initialize, Request as _};
use lsp_types::{
    CodeActionKind, CodeActionOptions, CodeActionProviderCapability, ExecuteCommandOptions,
    HoverProviderCapability, InitializeParams, ResourceOperationKind, SaveOptions,
    ServerCapabilities, TextDocumentSyncCapability, TextDocumentSyncKind, TextDocumentSyncOptions,
    TextDocumentSyncSaveOptions,
};

use mtlint::lsp::actions::{ADD_TO_ALLOW_LIST, FIX_ALL};
use mtlint::lsp::Encoding;

use super::documents;
use super::transport::{Incoming, Io, Outgoing};

/// Wait this long after the last change before checking (default).
const DEBOUNCE: Duration = Duration::from_millis(100);

/// What the client told us at initialization.
pub struct ClientSetup {
    /// Position encoding agreed on.
    pub encoding: Encoding,
    /// Workspace folders.
    pub roots: Vec<PathBuf>,
    /// Whether a workspace edit may create files.
    pub creates_files: bool,
    /// Whether file watchers may be registered.
    pub registers_watchers: bool,
    /// Debounce time for checks after a change.
    pub debounce: Duration,
}

/// Sends a message to the client.
pub fn send(out: &Sender<Outgoing>, msg: impl Into<Message>) {
    let _ = out.send(Outgoing::Message(msg.into()));
}

/// Answers everything before `initialize` with an error; `None` when the
/// client exits or goes away first.
pub fn wait_for_initialize(io: &Io) -> anyhow::Result<Option<(RequestId, InitializeParams)>> {
    for incoming in &io.incoming {
        match incoming {
            Incoming::Message(Message::Request(req)) if req.method == Initialize::METHOD => {
                match serde_json::from_value::<InitializeParams>(req.params) {
                    Ok(params) => return Ok(Some((req.id, params))),
                    Err(e) => send(
                        &io.outgoing,
                        Response::new_err(
                            req.id,
                            ErrorCode::InvalidParams as i32,
                            format!("initialize: {e}"),
                        ),
                    ),
                }
            }
            Incoming::Message(Message::Request(req)) => send(
                &io.outgoing,
                Response::new_err(
                    req.id,
                    ErrorCode::ServerNotInitialized as i32,
                    "the server is not initialized yet".into(),
                ),
            ),
            Incoming::Message(Message::Notification(n)) if n.method == "exit" => return Ok(None),
            Incoming::Message(_) => {}
            Incoming::Malformed { id, code, message } => malformed(&io.outgoing, id, code, message),
        }
    }
    Ok(None)
}

/// Answers a body that is not a message.
pub fn malformed(out: &Sender<Outgoing>, id: Option<RequestId>, code: ErrorCode, message: String) {
    eprintln!("mtlint lsp: {message}");
    match id {
        Some(id) => send(out, Response::new_err(id, code as i32, message)),
        None => {
            let _ = out.send(Outgoing::ErrorWithoutId { code, message });
        }
    }
}

/// What the client can do, from its `initialize` parameters.
pub fn client_setup(params: &InitializeParams) -> ClientSetup {
    let caps = &params.capabilities;
    let encoding = Encoding::negotiate(
        caps.general
            .as_ref()
            .and_then(|g| g.position_encodings.as_deref()),
    );
    let mut roots: Vec<PathBuf> = params
        .workspace_folders
        .iter()
        .flatten()
        .filter_map(|f| documents::path_of(&f.uri))
        .collect();
    #[allow(deprecated)]
    if roots.is_empty() {
        roots.extend(params.root_uri.as_ref().and_then(documents::path_of));
    }
    let workspace = caps.workspace.as_ref();
    let edits = workspace.and_then(|w| w.workspace_edit.as_ref());
    let creates_files = edits.is_some_and(|e| {
        e.document_changes == Some(true)
            && e.resource_operations
                .as_ref()
                .is_some_and(|ops| ops.contains(&ResourceOperationKind::Create))
    });
    let registers_watchers = workspace
        .and_then(|w| w.did_change_watched_files.as_ref())
        .and_then(|d| d.dynamic_registration)
        == Some(true);
    let debounce = params
        .initialization_options
        .as_ref()
        .and_then(|o| o.get("debounceMs"))
        .and_then(serde_json::Value::as_u64)
        .map_or(DEBOUNCE, |ms| Duration::from_millis(ms.min(5000)));
    ClientSetup {
        encoding,
        roots,
        creates_files,
        registers_watchers,
        debounce,
    }
}

/// What the server offers.
pub fn capabilities(encoding: Encoding) -> ServerCapabilities {
    ServerCapabilities {
        position_encoding: Some(encoding.kind()),
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::INCREMENTAL),
                save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions {
                    include_text: Some(false),
                })),
                ..TextDocumentSyncOptions::default()
            },
        )),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![CodeActionKind::QUICKFIX, FIX_ALL]),
            resolve_provider: Some(false),
            ..CodeActionOptions::default()
        })),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        execute_command_provider: Some(ExecuteCommandOptions {
            commands: vec![ADD_TO_ALLOW_LIST.into()],
            ..ExecuteCommandOptions::default()
        }),
        ..ServerCapabilities::default()
    }
}
