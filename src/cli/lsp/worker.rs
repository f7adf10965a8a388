//! The checking thread: loads configurations and checks documents away from
//! the message loop, so a large document never holds up the editor's
//! requests. Checks are debounced per document: a newer version replaces a
//! waiting one, and a check runs once its document has been quiet for the
//! debounce time.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::thread;
use std::time::{Duration, Instant};

use crossbeam_channel::{Receiver, RecvTimeoutError, Sender};
use lsp_types::Url;

use mtlint::config::ConfigError;
use mtlint::document::InputFormat;
use mtlint::lsp::diagnostics::{self, Target};
use mtlint::lsp::{Encoding, LineMap};
use mtlint::rules::PackError;
use mtlint::{Diagnostic, Document, Engine};

use crate::cli::session::{GlobalArgs, Session};

/// One document version to check.
#[derive(Debug, Clone)]
pub struct Job {
    /// The document.
    pub uri: Url,
    /// The version checked; results for older versions are dropped.
    pub version: i32,
    /// The text of that version.
    pub text: Arc<str>,
    /// The file, when the document is one (for its configuration).
    pub path: Option<PathBuf>,
    /// How to read it.
    pub format: InputFormat,
    /// Check no earlier than this.
    pub due: Instant,
}

/// Work for the thread.
#[derive(Debug)]
pub enum Task {
    /// Check a document version (replacing a waiting check of it).
    Check(Job),
    /// Drop a waiting check (the document was closed).
    Forget(Url),
    /// Load the configuration that applies in a folder, to report its errors.
    Probe(PathBuf),
    /// Load every configuration afresh (a configuration or pack changed).
    Reload,
}

/// A configuration or pack file that does not load, and where.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ConfigProblem {
    /// The file at fault.
    pub file: PathBuf,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// What is wrong.
    pub message: String,
}

/// A finished check.
pub struct Analysis {
    /// The document version checked.
    pub version: i32,
    /// The findings, in byte offsets of that version's text.
    pub diagnostics: Vec<Diagnostic>,
    /// The same findings as published.
    pub published: Vec<lsp_types::Diagnostic>,
    /// The engine that checked (for hover's rule explanations).
    pub engine: Arc<Engine>,
}

/// What the thread reports back.
pub enum Done {
    /// A document was checked.
    Checked {
        /// The document.
        uri: Url,
        /// The findings.
        analysis: Analysis,
        /// Its configuration's problem, if it does not load.
        problem: Option<ConfigProblem>,
        /// How long the check took (without the debounce).
        elapsed: Duration,
    },
    /// A folder's configuration was loaded.
    Probed {
        /// The folder.
        dir: PathBuf,
        /// Its problem, if it does not load.
        problem: Option<ConfigProblem>,
    },
    /// Configurations were loaded afresh.
    Reloaded {
        /// The new session (for finding a document's configuration file).
        session: Arc<Session>,
        /// A problem of the current folder's configuration, if any.
        problem: Option<ConfigProblem>,
    },
    /// Something to tell the user in the log.
    Log(String),
}

/// Starts the thread; it ends when `tasks` is disconnected.
pub fn spawn(
    args: GlobalArgs,
    encoding: Encoding,
    tasks: Receiver<Task>,
    done: Sender<Done>,
) -> std::io::Result<thread::JoinHandle<()>> {
    thread::Builder::new()
        .name("mtlint-check".into())
        .spawn(move || {
            let mut worker = Worker {
                args,
                encoding,
                session: None,
                done,
            };
            worker.reload();
            worker.run(&tasks);
        })
}

struct Worker {
    args: GlobalArgs,
    encoding: Encoding,
    session: Option<Arc<Session>>,
    done: Sender<Done>,
}

impl Worker {
    fn run(&mut self, tasks: &Receiver<Task>) {
        let mut waiting: HashMap<Url, Job> = HashMap::new();
        loop {
            let next_due = waiting.values().map(|j| j.due).min();
            let task = match next_due {
                None => tasks.recv().map_err(|_| RecvTimeoutError::Disconnected),
                Some(due) => tasks.recv_timeout(due.saturating_duration_since(Instant::now())),
            };
            match task {
                Ok(Task::Check(job)) => {
                    waiting.insert(job.uri.clone(), job);
                }
                Ok(Task::Forget(uri)) => {
                    waiting.remove(&uri);
                }
                Ok(Task::Probe(dir)) => self.probe(dir),
                Ok(Task::Reload) => self.reload(),
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => return,
            }
            let now = Instant::now();
            let due: Vec<Url> = waiting
                .iter()
                .filter(|(_, j)| j.due <= now)
                .map(|(u, _)| u.clone())
                .collect();
            for uri in due {
                if let Some(job) = waiting.remove(&uri) {
                    self.check(job);
                }
            }
        }
    }

    fn send(&self, done: Done) {
        let _ = self.done.send(done);
    }

    fn reload(&mut self) {
        match Session::new_tolerant(self.args.clone()) {
            Ok((session, error)) => {
                let session = Arc::new(session);
                let config = session.config_path_for(None);
                let problem = error.map(|e| problem_of(&e, config.as_deref()));
                self.session = Some(session.clone());
                self.send(Done::Reloaded { session, problem });
            }
            Err(e) => self.send(Done::Log(format!(
                "cannot load the rule packs: {e:#}; keeping the previous ones"
            ))),
        }
    }

    fn probe(&self, dir: PathBuf) {
        let Some(session) = &self.session else {
            return;
        };
        let problem = session
            .config_for(Some(&dir))
            .err()
            .map(|e| problem_of(&e, session.config_path_for(Some(&dir)).as_deref()));
        self.send(Done::Probed { dir, problem });
    }

    fn check(&self, job: Job) {
        let Some(session) = &self.session else {
            return;
        };
        let started = Instant::now();
        let path = job.path.as_deref();
        let problem = match path {
            Some(p) => session
                .config_for(Some(p))
                .err()
                .map(|e| problem_of(&e, session.config_path_for(Some(p)).as_deref())),
            None => None,
        };
        let engine = session.engine_for(path);
        let doc = Document::parse(job.text.to_string(), job.format);
        let checked = engine.check_detailed(&doc);
        let mut found = checked.diagnostics;
        found.extend(checked.unused_suppressions);
        found.sort_by(|a, b| {
            (a.span.start, a.span.end, &a.rule).cmp(&(b.span.start, b.span.end, &b.rule))
        });
        let lines = LineMap::new(&job.text);
        let target = Target {
            uri: &job.uri,
            text: &job.text,
            lines: &lines,
            encoding: self.encoding,
        };
        let published = diagnostics::to_lsp(target, &found, &engine);
        self.send(Done::Checked {
            uri: job.uri,
            analysis: Analysis {
                version: job.version,
                diagnostics: found,
                published,
                engine,
            },
            problem,
            elapsed: started.elapsed(),
        });
    }
}

/// Where a configuration error points: the configuration or pack file with
/// line and column when the error names them, else `config` at its start.
fn problem_of(e: &anyhow::Error, config: Option<&Path>) -> ConfigProblem {
    let absolute = |p: &str| std::path::absolute(p).unwrap_or_else(|_| PathBuf::from(p));
    let fallback = || config.map(Path::to_path_buf).unwrap_or_default();
    if let Some(c) = e.downcast_ref::<ConfigError>() {
        return ConfigProblem {
            file: absolute(&c.path),
            line: c.line,
            column: c.column,
            message: c.message.clone(),
        };
    }
    match e.downcast_ref::<PackError>() {
        Some(PackError::At {
            path,
            line,
            column,
            message,
        }) => ConfigProblem {
            file: absolute(path),
            line: *line,
            column: *column,
            message: message.clone(),
        },
        Some(PackError::Io { path, message }) => ConfigProblem {
            file: fallback(),
            line: 1,
            column: 1,
            message: format!("{path}: {message}"),
        },
        _ => ConfigProblem {
            file: fallback(),
            line: 1,
            column: 1,
            message: format!("{e:#}"),
        },
    }
}
