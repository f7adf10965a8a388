//! JSON-RPC over standard input and output with `Content-Length` framing,
//! on two threads. Unlike a transport that gives up on the first bad
//! message, a body that is not JSON, or JSON that is not a message, is
//! reported to the main loop (which answers with an error) and reading
//! goes on; only the end of input or a read error ends it.

use std::io::{self, BufRead, Write};
use std::thread;

use crossbeam_channel::{Receiver, Sender};
use lsp_server::{ErrorCode, Message, RequestId};
use serde_json::{json, Value};

/// What the reader hands the main loop.
#[derive(Debug)]
pub enum Incoming {
    /// A well-formed message.
    Message(Message),
    /// A body that is not a message: the error to answer with, and the
    /// request id when one could be read.
    Malformed {
        /// The id of the request, if the body had one.
        id: Option<RequestId>,
        /// `ParseError` or `InvalidRequest`.
        code: ErrorCode,
        /// What is wrong.
        message: String,
    },
}

/// What the writer sends to the client.
#[derive(Debug)]
pub enum Outgoing {
    /// A message.
    Message(Message),
    /// An error response to a body whose request id could not be read
    /// (`"id": null`, as JSON-RPC asks).
    ErrorWithoutId {
        /// The JSON-RPC error code.
        code: ErrorCode,
        /// What is wrong.
        message: String,
    },
}

/// Threads reading standard input and writing standard output.
pub struct Io {
    /// Messages from the client; disconnected at the end of input.
    pub incoming: Receiver<Incoming>,
    /// Messages to the client.
    pub outgoing: Sender<Outgoing>,
    writer: thread::JoinHandle<()>,
}

impl Io {
    /// Starts the reader and writer threads on stdin and stdout.
    pub fn stdio() -> io::Result<Io> {
        let (in_tx, incoming) = crossbeam_channel::unbounded();
        let (outgoing, out_rx) = crossbeam_channel::unbounded::<Outgoing>();
        thread::Builder::new()
            .name("lsp-reader".into())
            .spawn(move || read_loop(&mut io::stdin().lock(), &in_tx))?;
        let writer = thread::Builder::new()
            .name("lsp-writer".into())
            .spawn(move || {
                let mut out = io::stdout().lock();
                for msg in out_rx {
                    if let Err(e) = write(&mut out, msg) {
                        eprintln!("mtlint lsp: cannot write to the client: {e}");
                        return;
                    }
                }
            })?;
        Ok(Io {
            incoming,
            outgoing,
            writer,
        })
    }

    /// Waits until every message sent has been written.
    pub fn finish(self) {
        drop(self.outgoing);
        let _ = self.writer.join();
    }
}

fn write(out: &mut impl Write, msg: Outgoing) -> io::Result<()> {
    match msg {
        Outgoing::Message(m) => m.write(out),
        Outgoing::ErrorWithoutId { code, message } => {
            let body = json!({
                "jsonrpc": "2.0",
                "id": null,
                "error": { "code": code as i32, "message": message },
            })
            .to_string();
            write!(out, "Content-Length: {}\r\n\r\n{body}", body.len())?;
            out.flush()
        }
    }
}

/// Reads messages until the end of input (or the main loop goes away).
pub fn read_loop(input: &mut impl BufRead, tx: &Sender<Incoming>) {
    loop {
        let body = match read_frame(input) {
            Ok(Some(body)) => body,
            Ok(None) => return,
            Err(e) if e.kind() == io::ErrorKind::InvalidData => {
                eprintln!("mtlint lsp: skipping a malformed message: {e}");
                continue;
            }
            Err(e) => {
                eprintln!("mtlint lsp: cannot read from the client: {e}");
                return;
            }
        };
        if tx.send(parse(&body)).is_err() {
            return;
        }
    }
}

/// A message, or why `body` is not one.
pub fn parse(body: &[u8]) -> Incoming {
    let value: Value = match serde_json::from_slice(body) {
        Ok(v) => v,
        Err(e) => {
            return Incoming::Malformed {
                id: None,
                code: ErrorCode::ParseError,
                message: format!("not JSON: {e}"),
            }
        }
    };
    let id = value.get("id").and_then(request_id);
    match serde_json::from_value::<Message>(value) {
        Ok(m) => Incoming::Message(m),
        Err(e) => Incoming::Malformed {
            id,
            code: ErrorCode::InvalidRequest,
            message: format!("not a JSON-RPC message: {e}"),
        },
    }
}

fn request_id(v: &Value) -> Option<RequestId> {
    match v {
        Value::Number(n) => n
            .as_i64()
            .and_then(|n| i32::try_from(n).ok())
            .map(RequestId::from),
        Value::String(s) => Some(RequestId::from(s.clone())),
        _ => None,
    }
}

/// One frame's body: headers up to an empty line, then `Content-Length`
/// bytes. `None` at the end of input.
fn read_frame(input: &mut impl BufRead) -> io::Result<Option<Vec<u8>>> {
    let mut length: Option<usize> = None;
    let mut line = String::new();
    loop {
        line.clear();
        if input.read_line(&mut line)? == 0 {
            return Ok(None);
        }
        let header = line.trim_end_matches(['\r', '\n']);
        if header.is_empty() {
            if length.is_some() {
                break;
            }
            // blank lines between frames are tolerated
            continue;
        }
        let Some((name, value)) = header.split_once(':') else {
            return Err(invalid(format!("malformed header {header:?}")));
        };
        if name.trim().eq_ignore_ascii_case("content-length") {
            let n = value
                .trim()
                .parse()
                .map_err(|_| invalid(format!("bad Content-Length {value:?}")))?;
            length = Some(n);
        }
    }
    let mut body = vec![0; length.unwrap_or(0)];
    input.read_exact(&mut body)?;
    Ok(Some(body))
}

fn invalid(message: String) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, message)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frames(bodies: &[&str]) -> Vec<u8> {
        bodies
            .iter()
            .flat_map(|b| format!("Content-Length: {}\r\n\r\n{b}", b.len()).into_bytes())
            .collect()
    }

    #[test]
    fn bad_bodies_are_reported_and_reading_goes_on() {
        let input = frames(&[
            "{not json",
            r#"{"jsonrpc":"2.0","id":7,"params":{}}"#,
            r#"{"jsonrpc":"2.0","method":"exit"}"#,
        ]);
        let (tx, rx) = crossbeam_channel::unbounded();
        read_loop(&mut input.as_slice(), &tx);
        drop(tx);
        let got: Vec<Incoming> = rx.iter().collect();
        assert!(matches!(
            &got[0],
            Incoming::Malformed {
                id: None,
                code: ErrorCode::ParseError,
                ..
            }
        ));
        assert!(matches!(
            &got[1],
            Incoming::Malformed { id: Some(id), code: ErrorCode::InvalidRequest, .. } if *id == RequestId::from(7)
        ));
        assert!(
            matches!(&got[2], Incoming::Message(Message::Notification(n)) if n.method == "exit")
        );
    }
}
