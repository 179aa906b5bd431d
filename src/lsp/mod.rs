//! `letterlint lsp`: the language server, over stdio, on tower-lsp + tokio, with each open
//! document's text kept in a ropey `Rope`.
//!
//! The server lints with the same engine as `check` (`crate::lint`), at once after every change;
//! documents over `HUGE_DOCUMENT` bytes are linted off the async runtime and their results are
//! dropped when a newer version has arrived meanwhile.
//!
//! Invariants:
//! - `did_change` applies its edits to the rope before any `.await`, so edits land in arrival order.
//! - An `Analysis` is current when its version and configuration generation are the document's;
//!   only current analyses are published, under `State::publish`, so diagnostics are never stale.
//! - A panic while answering a request fails that request only (`guard`), and locks are taken with
//!   `lock`, which shrugs off poisoning.
//! - Positions are converted in `convert` only.
//! - Letters up to `HUGE_DOCUMENT` are linted on one thread (`LINT_THREAD`), so every regex keeps one
//!   lazy-DFA cache rather than one per thread that ever linted; that thread compiles the rules at
//!   start-up, while the client initializes.
//! - Diagnostics never wait for the dictionaries: a letter linted before they are loaded is
//!   published without spelling findings (`Analysis::spelling_pending`) and linted and published
//!   again, same version, once they are in (`Backend::spelling_when_ready`). Likewise a word whose
//!   spelling suggestions are not cached yet (each partial word the writer types is a new one, and
//!   a suggestion costs up to tens of milliseconds) is left out of the lint
//!   (`Analysis::suggestions_pending`); one task at a time computes them on a blocking thread and
//!   publishes the pending letters again (`Backend::suggestions_when_ready`).

pub mod convert;
pub mod glossary;
mod handlers;
pub mod settings;
mod stdio;
pub mod templates;

use std::collections::HashMap;
use std::future::Future;
use std::panic::AssertUnwindSafe;
use std::pin::Pin;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

use ropey::Rope;
use serde_json::Value;
use tower_lsp::jsonrpc::{self, Result};
use tower_lsp::lsp_types::*;
use tower_lsp::{Client, LanguageServer, LspService, Server};

use crate::diagnostic::Diagnostic;
use crate::letter::{Hints, Letter};
use crate::rules::Settings;
use convert::Encoding;
use settings::{ClientSettings, Profile, Profiles};

/// Documents larger than this are linted on a blocking thread, off the async runtime.
pub const HUGE_DOCUMENT: usize = 256 * 1024;

/// The `source` of every diagnostic.
pub const SOURCE: &str = "letterlint";

/// Where each rule's documentation is published; the rule id is appended as an anchor
/// (`text/placeholder` -> `text-placeholder`).
pub const RULE_DOCS_URL: &str = "https://github.com/letterlint/letterlint/blob/main/docs/rules.md";

/// Runs the server on standard input and output until the client says `exit` or closes the
/// input. Returns the exit code: 0 after a `shutdown` request, else 1 (as the protocol asks).
pub fn run() -> anyhow::Result<i32> {
    // The dictionaries load while the client initializes and the rules compile, and no lint waits
    // for them: spelling findings come in a second publish.
    crate::spelling::defer_loading();
    crate::spelling::warm_up();
    let _ = lint_thread();
    // Grammar (harper, 1.5 s to load) never delays diagnostics: it loads in the background when a
    // letter asks for it (`Backend::load_grammar_if_wanted`).
    crate::spelling::grammar::defer_loading();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    let shut_down = runtime.block_on(async {
        let (service, socket) = LspService::new(Backend::new);
        let state = service.inner().state.clone();
        let client = service.inner().client.clone();
        let service = Guarded {
            inner: service,
            client,
        };
        let shutdown_seen = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let exit = Arc::new(tokio::sync::Notify::new());
        let serve = Server::new(
            stdio::UntilExit::new(tokio::io::stdin(), shutdown_seen.clone())
                .with_exit_signal(exit.clone()),
            tokio::io::stdout(),
            socket,
        )
        .serve(service);
        // tower-lsp's `serve` waits for every handler in flight, and linting a huge letter may
        // take long: after `exit` nothing is waited for.
        tokio::select! {
            () = serve => {}
            () = exit.notified() => {}
        }
        state.shut_down.load(Ordering::SeqCst) || shutdown_seen.load(Ordering::SeqCst)
    });
    // The blocking read of standard input may still be waiting: do not wait for it.
    runtime.shutdown_background();
    Ok(if shut_down { 0 } else { 1 })
}

/// The service tower-lsp serves: the language server, with every handler's panic caught (the
/// request fails with an internal error, a notification is logged, and the server goes on), and
/// the stand-ins `stdio` makes for frames that are not messages answered with their error.
struct Guarded {
    inner: LspService<Backend>,
    client: Client,
}

type Answer = std::result::Result<Option<jsonrpc::Response>, tower_lsp::ExitedError>;

impl tower::Service<jsonrpc::Request> for Guarded {
    type Response = Option<jsonrpc::Response>;
    type Error = tower_lsp::ExitedError;
    type Future = Pin<Box<dyn Future<Output = Answer> + Send>>;

    fn poll_ready(
        &mut self,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<std::result::Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: jsonrpc::Request) -> Self::Future {
        let client = self.client.clone();
        if request.method() == stdio::INVALID_MESSAGE {
            let (_, id, params) = request.into_parts();
            let params = params.unwrap_or_default();
            let code = params["code"].as_i64().unwrap_or(-32700);
            let message = params["message"]
                .as_str()
                .unwrap_or("letterlint received a message it cannot read")
                .to_string();
            return Box::pin(async move {
                client
                    .log_message(MessageType::ERROR, format!("{message}; ignored"))
                    .await;
                let error = jsonrpc::Error {
                    code: jsonrpc::ErrorCode::from(code),
                    message: message.into(),
                    data: None,
                };
                Ok(Some(jsonrpc::Response::from_error(
                    id.unwrap_or(jsonrpc::Id::Null),
                    error,
                )))
            });
        }
        let id = request.id().cloned();
        let method = request.method().to_string();
        let work = self.inner.call(request);
        Box::pin(async move {
            match CatchUnwind(work).await {
                Ok(answer) => answer,
                Err(()) => {
                    client
                        .log_message(
                            MessageType::ERROR,
                            format!("letterlint: internal error while handling `{method}`"),
                        )
                        .await;
                    Ok(id.map(|id| {
                        jsonrpc::Response::from_error(id, internal_error(&format!("handling `{method}`")))
                    }))
                }
            }
        })
    }
}

/// A future whose panic comes out as `Err(())`.
struct CatchUnwind<F>(F);

impl<F: Future + Unpin> Future for CatchUnwind<F> {
    type Output = std::result::Result<F::Output, ()>;

    fn poll(
        mut self: Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Self::Output> {
        let inner = &mut self.0;
        match std::panic::catch_unwind(AssertUnwindSafe(|| Pin::new(inner).poll(cx))) {
            Ok(poll) => poll.map(Ok),
            Err(_) => std::task::Poll::Ready(Err(())),
        }
    }
}

/// Panics when a debug build runs with `LETTERLINT_DEBUG_PANIC=1` and `trigger` holds: the
/// tests' stand-in for an internal bug. Release builds never panic here.
fn debug_panic(trigger: impl FnOnce() -> bool) {
    #[cfg(debug_assertions)]
    if std::env::var_os("LETTERLINT_DEBUG_PANIC").is_some_and(|v| v == "1") && trigger() {
        panic!("LETTERLINT_DEBUG_PANIC: a deliberate panic for the robustness tests");
    }
    #[cfg(not(debug_assertions))]
    let _ = trigger;
}

/// Text that makes linting panic under `debug_panic`.
pub const DEBUG_PANIC_MARKER: &str = "LETTERLINT-DEBUG-PANIC";

/// A command that panics under `debug_panic`.
pub const DEBUG_PANIC_COMMAND: &str = "letterlint.debugPanic";

/// The linting result of one version of one document.
#[derive(Debug)]
pub struct Analysis {
    pub version: i32,
    pub generation: u64,
    pub letter: Letter,
    pub diagnostics: Vec<Diagnostic>,
    pub settings: Settings,
    pub hints: Hints,
    pub profile: Arc<Profile>,
    pub encoding: Encoding,
    pub inlay_hints: bool,
    /// Linted while the dictionaries this letter needs were loading: no spelling, joined-word or
    /// split-word findings yet. The letter is linted again when they are in.
    pub spelling_pending: bool,
    /// Linted with the dictionaries, but these words were left out because their suggestions
    /// were not cached (no spelling or joined-word finding for them yet). The letter is linted
    /// again when they are computed. Empty: nothing left out.
    pub suggestions_pending: Vec<String>,
}

impl Analysis {
    pub fn text(&self) -> &str {
        &self.letter.doc.text
    }

    pub fn range(&self, span: crate::document::Span) -> Range {
        convert::range(
            &self.letter.doc.text,
            &self.letter.doc.line_index,
            span,
            self.encoding,
        )
    }

    pub fn offset(&self, position: Position) -> usize {
        convert::offset(
            &self.letter.doc.text,
            &self.letter.doc.line_index,
            position,
            self.encoding,
        )
    }

    pub fn span(&self, range: Range) -> crate::document::Span {
        convert::span(
            &self.letter.doc.text,
            &self.letter.doc.line_index,
            range,
            self.encoding,
        )
    }
}

/// One open document.
struct DocumentState {
    rope: Rope,
    version: i32,
    analysis: Option<Arc<Analysis>>,
}

/// What the client told us at `initialize` and since.
#[derive(Debug, Clone, Default)]
struct Session {
    encoding: Encoding,
    /// The editor's locale mapped to one we have messages in.
    locale: Option<String>,
    settings: ClientSettings,
    /// The client pulls diagnostics (`textDocument/diagnostic`), so none are pushed.
    pull: bool,
    diagnostic_refresh: bool,
    inlay_hint_refresh: bool,
    code_lens_refresh: bool,
    watch_files: bool,
    /// Folders of the workspace, for a new `letterlint.toml`.
    roots: Vec<PathBuf>,
}

#[derive(Default)]
struct State {
    docs: Mutex<HashMap<Url, DocumentState>>,
    profiles: Mutex<Profiles>,
    session: Mutex<Session>,
    /// Bumped whenever settings or configuration change; older analyses are then stale.
    generation: AtomicU64,
    /// Held while checking that an analysis is current and sending it, so an older result can
    /// never be sent after a newer one.
    publish: tokio::sync::Mutex<()>,
    /// The client sent `shutdown`.
    shut_down: std::sync::atomic::AtomicBool,
    /// Grammar checking was asked for and harper is loading in the background.
    grammar_loading: std::sync::atomic::AtomicBool,
    /// A task waits for the English dictionaries, then lints the letters linted without them.
    english_loading: std::sync::atomic::AtomicBool,
    /// The same for the Spanish dictionary.
    spanish_loading: std::sync::atomic::AtomicBool,
    /// A task computes the spelling suggestions lints left out, then lints those letters again.
    suggesting: std::sync::atomic::AtomicBool,
    /// When a document was last opened or changed.
    last_edit: Mutex<Option<std::time::Instant>>,
}

/// Locks a mutex; a panic elsewhere that poisoned it does not stop the server.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Runs `work`, turning a panic into `None`.
fn guard<T>(work: impl FnOnce() -> T) -> Option<T> {
    std::panic::catch_unwind(AssertUnwindSafe(work)).ok()
}

fn internal_error(what: &str) -> jsonrpc::Error {
    jsonrpc::Error {
        code: jsonrpc::ErrorCode::InternalError,
        message: format!("letterlint failed while {what}; please report this letter").into(),
        data: None,
    }
}

impl State {
    fn session(&self) -> Session {
        lock(&self.session).clone()
    }

    fn is_current(&self, uri: &Url, version: i32, generation: u64) -> bool {
        generation == self.generation.load(Ordering::SeqCst)
            && lock(&self.docs)
                .get(uri)
                .is_some_and(|d| d.version == version)
    }

    /// Keeps an analysis if it is still current; returns whether it was.
    fn store(&self, uri: &Url, analysis: &Arc<Analysis>) -> bool {
        if analysis.generation != self.generation.load(Ordering::SeqCst) {
            return false;
        }
        let mut docs = lock(&self.docs);
        match docs.get_mut(uri) {
            Some(doc) if doc.version == analysis.version => {
                doc.analysis = Some(analysis.clone());
                true
            }
            _ => false,
        }
    }

    /// The text, version and configuration generation to lint, if the document is open.
    fn snapshot(&self, uri: &Url) -> Option<(String, i32, u64)> {
        let generation = self.generation.load(Ordering::SeqCst);
        let docs = lock(&self.docs);
        let doc = docs.get(uri)?;
        Some((doc.rope.to_string(), doc.version, generation))
    }

    fn cached(&self, uri: &Url) -> Option<Arc<Analysis>> {
        let generation = self.generation.load(Ordering::SeqCst);
        let docs = lock(&self.docs);
        let doc = docs.get(uri)?;
        doc.analysis
            .clone()
            .filter(|a| a.version == doc.version && a.generation == generation)
    }

    /// The profile for a document; a new configuration error comes back to be shown.
    fn profile(&self, uri: &Url) -> (Arc<Profile>, Option<String>) {
        let dir = letter_dir(uri);
        let lookup = lock(&self.profiles).for_dir(dir.as_deref());
        (lookup.profile, lookup.new_error)
    }

    /// Lints a snapshot (pure apart from the profile already read).
    fn analyze(
        &self,
        uri: &Url,
        text: String,
        version: i32,
        generation: u64,
        profile: Arc<Profile>,
    ) -> Analysis {
        let session = self.session();
        let dir = letter_dir(uri);
        let (settings, hints) =
            profile.resolve(&session.settings, session.locale.as_deref(), dir.as_deref());
        debug_panic(|| text.contains(DEBUG_PANIC_MARKER));
        // Read before linting: a dictionary that comes in meanwhile only costs one more lint.
        let english = crate::spelling::available();
        let spanish = crate::spelling::spanish::available();
        let _ = crate::spelling::take_incomplete();
        let (letter, diagnostics) = crate::lint(&profile.registry, &text, &hints, &settings);
        let spelling_pending = !english || (!spanish && letter.language() == Some("es"));
        let incomplete = crate::spelling::take_incomplete();
        let suggestions_pending = if spelling_pending { Vec::new() } else { incomplete.unwrap_or_default() };
        Analysis {
            version,
            generation,
            letter,
            diagnostics,
            settings,
            hints,
            profile,
            encoding: session.encoding,
            inlay_hints: session.settings.inlay_hints,
            spelling_pending,
            suggestions_pending,
        }
    }

    /// Open documents whose current analysis waits for the dictionaries or for suggestions.
    fn spelling_pending(&self) -> Vec<Url> {
        lock(&self.docs)
            .iter()
            .filter(|(_, d)| {
                d.analysis
                    .as_ref()
                    .is_some_and(|a| a.spelling_pending && a.version == d.version)
            })
            .map(|(uri, _)| uri.clone())
            .collect()
    }

    /// The words the current analyses of open documents left out for want of suggestions and
    /// that are not computed yet, and the documents whose left-out words are all computed now
    /// (to lint again).
    fn suggestions_pending(&self) -> (Vec<String>, Vec<Url>) {
        let (mut words, mut ready) = (Vec::new(), Vec::new());
        for (uri, doc) in lock(&self.docs).iter() {
            let Some(analysis) = doc.analysis.as_ref().filter(|a| a.version == doc.version) else {
                continue;
            };
            if analysis.suggestions_pending.is_empty() {
                continue;
            }
            let missing: Vec<&String> = analysis
                .suggestions_pending
                .iter()
                .filter(|w| !crate::spelling::suggestions_cached(w))
                .collect();
            if missing.is_empty() {
                ready.push(uri.clone());
            }
            for word in missing {
                if !words.contains(word) {
                    words.push(word.clone());
                }
            }
        }
        (words, ready)
    }

    /// Time since the last edit of any document.
    fn since_last_edit(&self) -> std::time::Duration {
        lock(&self.last_edit).map_or(std::time::Duration::MAX, |at| at.elapsed())
    }
}

/// Suggestions are computed once the writer pauses this long: the words of a word being typed
/// (`c`, `ca`, `cang`) are nearly all gone by then, and computing them would only take the
/// processor from the lints of the next keystrokes.
const SUGGESTIONS_AFTER_PAUSE: std::time::Duration = std::time::Duration::from_millis(50);

type Job = Box<dyn FnOnce() + Send>;

/// The thread that lints letters up to `HUGE_DOCUMENT`, one job after the other. Its first job
/// compiles the built-in rules and the lexicons (by linting a short letter), so that they are
/// ready, or nearly, when the client opens its first letter.
fn lint_thread() -> &'static std::sync::mpsc::Sender<Job> {
    static LINT_THREAD: std::sync::OnceLock<std::sync::mpsc::Sender<Job>> = std::sync::OnceLock::new();
    LINT_THREAD.get_or_init(|| {
        let (sender, jobs) = std::sync::mpsc::channel::<Job>();
        let spawned = std::thread::Builder::new()
            .name("letterlint-lint".into())
            .spawn(move || {
                let _ = guard(|| {
                    let profile = settings::Profile::builtin();
                    let _ = crate::lint(
                        &profile.registry,
                        // English by front matter: a short text's language is uncertain, and the
                        // reply cues of every language would be compiled for it.
                        "---\nlanguage: en\n---\nDear customer,\n\nThank you for your order.\n\nBest regards,\nSam\n",
                        &Hints::default(),
                        &Settings::default(),
                    );
                });
                for job in jobs {
                    job();
                }
            });
        if let Err(err) = spawned {
            eprintln!("letterlint: cannot start the lint thread: {err}");
        }
        sender
    })
}

/// Runs `work` on the lint thread and waits for its answer; `None` if the thread is gone.
async fn on_lint_thread<T: Send + 'static>(work: impl FnOnce() -> Option<T> + Send + 'static) -> Option<T> {
    let (answer, answered) = tokio::sync::oneshot::channel();
    lint_thread()
        .send(Box::new(move || {
            let _ = answer.send(work());
        }))
        .ok()?;
    answered.await.ok().flatten()
}

/// The folder of a `file:` document, where its configuration is searched from.
fn letter_dir(uri: &Url) -> Option<PathBuf> {
    let path = uri.to_file_path().ok()?;
    path.parent().map(Path::to_path_buf)
}

/// Why a document has no current analysis.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NoAnalysis {
    NotOpen,
    /// A newer version arrived while a huge document was waiting to be linted.
    Superseded,
    /// Linting panicked.
    Failed,
}

/// The language server.
pub struct Backend {
    client: Client,
    state: Arc<State>,
}

impl Backend {
    pub fn new(client: Client) -> Backend {
        Backend {
            client,
            state: Arc::new(State::default()),
        }
    }

    /// The current analysis of an open document, linting now if the cached one is stale.
    async fn analysis(&self, uri: &Url) -> std::result::Result<Arc<Analysis>, NoAnalysis> {
        if let Some(analysis) = self.state.cached(uri) {
            return Ok(analysis);
        }
        self.lint(uri).await
    }

    /// Lints the current version of a document and keeps the result.
    async fn lint(&self, uri: &Url) -> std::result::Result<Arc<Analysis>, NoAnalysis> {
        let (text, version, generation) = self.state.snapshot(uri).ok_or(NoAnalysis::NotOpen)?;
        let (profile, new_error) = self.state.profile(uri);
        if let Some(message) = new_error {
            self.client.log_message(MessageType::ERROR, &message).await;
            self.client.show_message(MessageType::ERROR, message).await;
        }
        let huge = text.len() > HUGE_DOCUMENT;
        let state = self.state.clone();
        let key = uri.clone();
        let work = move || {
            // A newer edit arrived while this one waited: its own lint will run instead.
            if !state.is_current(&key, version, generation) {
                return None;
            }
            guard(|| state.analyze(&key, text, version, generation, profile))
        };
        let analysis = if huge {
            tokio::task::spawn_blocking(work).await.ok().flatten()
        } else {
            on_lint_thread(work).await
        };
        let Some(analysis) = analysis.map(Arc::new) else {
            if !self.state.is_current(uri, version, generation) {
                return Err(NoAnalysis::Superseded);
            }
            self.client
                .log_message(
                    MessageType::ERROR,
                    format!("letterlint: internal error while linting {uri}"),
                )
                .await;
            return Err(NoAnalysis::Failed);
        };
        self.state.store(uri, &analysis);
        self.load_grammar_if_wanted(&analysis);
        self.spelling_when_ready(uri, &analysis);
        Ok(analysis)
    }

    /// A letter linted while its dictionaries were loading is linted and published again once
    /// they are in: at once when they came in meanwhile, else by the task that waits for them (one
    /// for English, started by the first such letter, and one for Spanish).
    fn spelling_when_ready(&self, uri: &Url, analysis: &Analysis) {
        use crate::spelling;
        if !analysis.suggestions_pending.is_empty() {
            self.suggestions_when_ready();
        }
        if !analysis.spelling_pending {
            return;
        }
        let spanish = analysis.letter.language() == Some("es");
        let backend = Backend { client: self.client.clone(), state: self.state.clone() };
        if spelling::available() && (!spanish || spelling::spanish::available()) {
            let uri = uri.clone();
            tokio::spawn(async move { backend.refresh(&uri).await });
            return;
        }
        let waiting = if spanish && spelling::available() {
            &self.state.spanish_loading
        } else {
            &self.state.english_loading
        };
        if waiting.swap(true, Ordering::SeqCst) {
            return;
        }
        tokio::spawn(async move {
            let loaded = tokio::task::spawn_blocking(move || {
                guard(|| {
                    spelling::load();
                    if spanish {
                        spelling::spanish::load();
                    }
                })
                .is_some()
            })
            .await;
            if !matches!(loaded, Ok(true)) {
                backend.client.log_message(MessageType::ERROR, "letterlint: the dictionaries failed to load").await;
                return;
            }
            backend.republish(&backend.state.spelling_pending()).await;
        });
    }

    /// Starts the task that computes the suggestions lints left out (`Analysis::suggestions_pending`)
    /// on a blocking thread, once the writer pauses (`SUGGESTIONS_AFTER_PAUSE`), then lints and
    /// publishes again every open letter whose left-out words are all computed; unless it runs
    /// already. It goes round until no current analysis is pending, so words left out while it
    /// works are not forgotten: a lint stores its analysis before it looks at `suggesting`, and the
    /// task looks at the analyses after it clears `suggesting`.
    fn suggestions_when_ready(&self) {
        use crate::spelling;
        if self.state.suggesting.swap(true, Ordering::SeqCst) {
            return;
        }
        let backend = Backend { client: self.client.clone(), state: self.state.clone() };
        tokio::spawn(async move {
            // Rounds in a row that found nothing to compute: a letter that stays pending although
            // its words are computed (its lint fails) must not keep the task going.
            let mut idle = 0;
            loop {
                loop {
                    let since = backend.state.since_last_edit();
                    if since >= SUGGESTIONS_AFTER_PAUSE {
                        break;
                    }
                    tokio::time::sleep(SUGGESTIONS_AFTER_PAUSE - since).await;
                }
                let (words, ready) = backend.state.suggestions_pending();
                if words.is_empty() && ready.is_empty() {
                    backend.state.suggesting.store(false, Ordering::SeqCst);
                    let (words, ready) = backend.state.suggestions_pending();
                    if (words.is_empty() && ready.is_empty()) || backend.state.suggesting.swap(true, Ordering::SeqCst) {
                        return;
                    }
                    continue;
                }
                idle = if words.is_empty() { idle + 1 } else { 0 };
                if idle > 2 {
                    backend.state.suggesting.store(false, Ordering::SeqCst);
                    return;
                }
                let computed = tokio::task::spawn_blocking(move || guard(|| spelling::compute_suggestions(&words))).await;
                if !matches!(computed, Ok(Some(_))) {
                    backend.state.suggesting.store(false, Ordering::SeqCst);
                    backend.client.log_message(MessageType::ERROR, "letterlint: spelling suggestions failed").await;
                    return;
                }
                let (_, ready) = backend.state.suggestions_pending();
                if !ready.is_empty() {
                    backend.republish(&ready).await;
                }
            }
        });
    }

    /// Grammar checking is on for this letter (`grammar = true`, or the letter enables
    /// `text/grammar`) but harper is not loaded: load it on a blocking thread, once, then lint every
    /// open letter again so its grammar findings are published. The diagnostics already sent
    /// never waited for it.
    fn load_grammar_if_wanted(&self, analysis: &Analysis) {
        use crate::spelling::grammar;
        let wanted = analysis.settings.grammar
            || analysis.letter.doc.directives.iter().any(|d| {
                d.action == crate::document::DirectiveAction::Enable
                    && d.rules.iter().any(|r| r == "text/grammar")
            });
        if !wanted || grammar::is_loaded() || self.state.grammar_loading.swap(true, Ordering::SeqCst) {
            return;
        }
        let backend = Backend { client: self.client.clone(), state: self.state.clone() };
        tokio::spawn(async move {
            let loaded = tokio::task::spawn_blocking(|| guard(grammar::warm_up).is_some()).await;
            if matches!(loaded, Ok(true)) {
                backend.client.log_message(MessageType::INFO, "letterlint: grammar checker loaded").await;
                backend.refresh_all().await;
            } else {
                backend.client.log_message(MessageType::ERROR, "letterlint: the grammar checker failed to load").await;
            }
        });
    }

    /// Lints a document and pushes its diagnostics (unless the client pulls them).
    async fn refresh(&self, uri: &Url) {
        let Ok(analysis) = self.lint(uri).await else {
            return;
        };
        if self.state.session().pull {
            return;
        }
        let _publishing = self.state.publish.lock().await;
        if !self
            .state
            .is_current(uri, analysis.version, analysis.generation)
        {
            return;
        }
        let Some(diagnostics) = guard(|| handlers::diagnostics::to_lsp(&analysis)) else {
            return;
        };
        self.client
            .publish_diagnostics(uri.clone(), diagnostics, Some(analysis.version))
            .await;
    }

    /// Lints these documents again and publishes them; a client that pulls diagnostics is asked
    /// to pull them again.
    async fn republish(&self, uris: &[Url]) {
        for uri in uris {
            self.refresh(uri).await;
        }
        let session = self.state.session();
        if session.pull && session.diagnostic_refresh {
            let _ = self.client.workspace_diagnostic_refresh().await;
        }
    }

    /// Re-lints every open document after a change of settings or configuration.
    async fn refresh_all(&self) {
        self.state.generation.fetch_add(1, Ordering::SeqCst);
        let uris: Vec<Url> = lock(&self.state.docs).keys().cloned().collect();
        self.republish(&uris).await;
        let session = self.state.session();
        if session.inlay_hint_refresh {
            let _ = self.client.inlay_hint_refresh().await;
        }
        if session.code_lens_refresh {
            let _ = self.client.code_lens_refresh().await;
        }
    }

    async fn apply_settings(&self, value: &Value) {
        let (settings, problems) = ClientSettings::from_json(value);
        lock(&self.state.session).settings = settings;
        if !problems.is_empty() {
            self.client
                .show_message(
                    MessageType::ERROR,
                    format!("letterlint: {}", problems.join("; ")),
                )
                .await;
        }
    }

    /// Answers a request from the current analysis of `uri`, with panics turned into errors.
    async fn answer<T>(
        &self,
        uri: &Url,
        what: &str,
        work: impl FnOnce(&Analysis) -> T,
    ) -> Result<Option<T>> {
        let analysis = match self.analysis(uri).await {
            Ok(analysis) => analysis,
            Err(NoAnalysis::NotOpen) => return Ok(None),
            Err(NoAnalysis::Superseded) => {
                return Err(jsonrpc::Error {
                    code: jsonrpc::ErrorCode::ServerError(-32801),
                    message: "the letter changed while it was being linted".into(),
                    data: None,
                });
            }
            Err(NoAnalysis::Failed) => return Err(internal_error(what)),
        };
        match guard(|| work(&analysis)) {
            Some(value) => Ok(Some(value)),
            None => Err(internal_error(what)),
        }
    }
}

#[tower_lsp::async_trait]
impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        let caps = &params.capabilities;
        let encoding = Encoding::negotiate(
            caps.general
                .as_ref()
                .and_then(|g| g.position_encodings.as_deref()),
        );
        let text_caps = caps.text_document.as_ref();
        let workspace = caps.workspace.as_ref();
        let mut roots: Vec<PathBuf> = params
            .workspace_folders
            .iter()
            .flatten()
            .filter_map(|f| f.uri.to_file_path().ok())
            .collect();
        #[allow(deprecated)]
        if let Some(root) = params.root_uri.as_ref().and_then(|u| u.to_file_path().ok()) {
            roots.push(root);
        }
        {
            let mut session = lock(&self.state.session);
            session.encoding = encoding;
            session.locale = params
                .locale
                .as_deref()
                .and_then(settings::match_locale)
                .map(str::to_string);
            session.pull = text_caps.is_some_and(|t| t.diagnostic.is_some());
            session.diagnostic_refresh = workspace
                .and_then(|w| w.diagnostic.as_ref())
                .and_then(|d| d.refresh_support)
                .unwrap_or(false);
            session.inlay_hint_refresh = workspace
                .and_then(|w| w.inlay_hint.as_ref())
                .and_then(|d| d.refresh_support)
                .unwrap_or(false);
            session.code_lens_refresh = workspace
                .and_then(|w| w.code_lens.as_ref())
                .and_then(|d| d.refresh_support)
                .unwrap_or(false);
            session.watch_files = workspace
                .and_then(|w| w.did_change_watched_files.as_ref())
                .and_then(|d| d.dynamic_registration)
                .unwrap_or(false);
            session.roots = roots;
        }
        if let Some(options) = &params.initialization_options {
            self.apply_settings(options).await;
        }
        Ok(InitializeResult {
            capabilities: handlers::capabilities(encoding),
            server_info: Some(ServerInfo {
                name: "letterlint".into(),
                version: Some(env!("CARGO_PKG_VERSION").into()),
            }),
        })
    }

    async fn initialized(&self, _: InitializedParams) {
        if !self.state.session().watch_files {
            // Without file watching, a changed letterlint.toml is still noticed: its modification
            // time is compared at each lint.
            return;
        }
        let client = self.client.clone();
        tokio::spawn(async move {
            let options = DidChangeWatchedFilesRegistrationOptions {
                watchers: vec![FileSystemWatcher {
                    glob_pattern: GlobPattern::String(format!("**/{}", crate::config::FILE_NAME)),
                    kind: None,
                }],
            };
            let registration = Registration {
                id: "letterlint-config".into(),
                method: "workspace/didChangeWatchedFiles".into(),
                register_options: serde_json::to_value(options).ok(),
            };
            if let Err(err) = client.register_capability(vec![registration]).await {
                client
                    .log_message(
                        MessageType::WARNING,
                        format!("letterlint: cannot watch letterlint.toml: {err}"),
                    )
                    .await;
            }
        });
    }

    async fn shutdown(&self) -> Result<()> {
        self.state.shut_down.store(true, Ordering::SeqCst);
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        let doc = params.text_document;
        lock(&self.state.docs).insert(
            doc.uri.clone(),
            DocumentState {
                rope: Rope::from_str(&doc.text),
                version: doc.version,
                analysis: None,
            },
        );
        self.refresh(&doc.uri).await;
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        let uri = params.text_document.uri;
        {
            // No `.await` in this block: edits are applied in the order they arrived.
            let encoding = lock(&self.state.session).encoding;
            let mut docs = lock(&self.state.docs);
            let Some(doc) = docs.get_mut(&uri) else {
                return;
            };
            for change in &params.content_changes {
                if guard(|| {
                    convert::apply_change(&mut doc.rope, change.range, &change.text, encoding)
                })
                .is_none()
                {
                    // A rope in an unknown state is worse than a stale one: wait for the full text.
                    break;
                }
            }
            doc.version = params.text_document.version;
            doc.analysis = None;
        }
        *lock(&self.state.last_edit) = Some(std::time::Instant::now());
        self.refresh(&uri).await;
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        let uri = params.text_document.uri;
        lock(&self.state.docs).remove(&uri);
        if !self.state.session().pull {
            let _publishing = self.state.publish.lock().await;
            self.client.publish_diagnostics(uri, Vec::new(), None).await;
        }
    }

    async fn did_change_configuration(&self, params: DidChangeConfigurationParams) {
        // Clients such as eglot send `{"settings": {}}` (or null) right after connecting, meaning
        // "nothing to say", not "reset everything": the settings already in force stay.
        if settings_are_empty(&params.settings) {
            return;
        }
        self.apply_settings(&params.settings).await;
        self.refresh_all().await;
    }

    async fn did_change_watched_files(&self, params: DidChangeWatchedFilesParams) {
        {
            let mut profiles = lock(&self.state.profiles);
            for change in &params.changes {
                match change.uri.to_file_path() {
                    Ok(path) => profiles.invalidate(&path),
                    Err(()) => profiles.invalidate_all(),
                }
            }
        }
        self.refresh_all().await;
    }

    async fn diagnostic(
        &self,
        params: DocumentDiagnosticParams,
    ) -> Result<DocumentDiagnosticReportResult> {
        let uri = params.text_document.uri;
        let previous = params.previous_result_id;
        let report = self
            .answer(&uri, "computing diagnostics", |a| {
                handlers::diagnostics::pull_report(a, previous.as_deref())
            })
            .await?;
        Ok(report.unwrap_or_else(handlers::diagnostics::empty_report))
    }

    async fn code_action(&self, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        let uri = params.text_document.uri.clone();
        let roots = self.state.session().roots;
        self.answer(&uri, "computing code actions", |a| {
            handlers::code_action::actions(a, &params, &roots)
        })
        .await
    }

    async fn hover(&self, params: HoverParams) -> Result<Option<Hover>> {
        let position = params.text_document_position_params;
        Ok(self
            .answer(&position.text_document.uri, "computing hover", |a| {
                handlers::hover::hover(a, position.position)
            })
            .await?
            .flatten())
    }

    async fn document_symbol(
        &self,
        params: DocumentSymbolParams,
    ) -> Result<Option<DocumentSymbolResponse>> {
        let symbols = self
            .answer(
                &params.text_document.uri,
                "listing the letter's parts",
                handlers::outline::symbols,
            )
            .await?;
        Ok(symbols.map(DocumentSymbolResponse::Nested))
    }

    async fn code_lens(&self, params: CodeLensParams) -> Result<Option<Vec<CodeLens>>> {
        self.answer(
            &params.text_document.uri,
            "computing the checklist",
            handlers::outline::code_lens,
        )
        .await
    }

    async fn inlay_hint(&self, params: InlayHintParams) -> Result<Option<Vec<InlayHint>>> {
        let range = params.range;
        self.answer(&params.text_document.uri, "computing inlay hints", |a| {
            handlers::outline::inlay_hints(a, range)
        })
        .await
    }

    async fn completion(&self, params: CompletionParams) -> Result<Option<CompletionResponse>> {
        let position = params.text_document_position;
        let items = self
            .answer(&position.text_document.uri, "computing completions", |a| {
                handlers::completion::complete(a, position.position)
            })
            .await?;
        Ok(items.map(CompletionResponse::Array))
    }

    async fn execute_command(&self, params: ExecuteCommandParams) -> Result<Option<Value>> {
        match params.command.as_str() {
            // The checklist lens's command: the lens is information, clicking it does nothing.
            handlers::CHECKLIST_COMMAND => Ok(None),
            DEBUG_PANIC_COMMAND => {
                debug_panic(|| true);
                Err(jsonrpc::Error::invalid_params(format!(
                    "unknown command `{DEBUG_PANIC_COMMAND}`"
                )))
            }
            other => Err(jsonrpc::Error::invalid_params(format!(
                "unknown command `{other}`"
            ))),
        }
    }
}

/// `null`, `{}` or `{"letterlint": {}}`: a configuration change that carries no setting.
fn settings_are_empty(settings: &serde_json::Value) -> bool {
    match settings {
        serde_json::Value::Null => true,
        serde_json::Value::Object(map) => map.values().all(|v| v.is_null() || v.as_object().is_some_and(|o| o.is_empty())),
        _ => false,
    }
}

#[cfg(test)]
mod empty_settings_tests {
    #[test]
    fn empty_configuration_changes_carry_no_setting() {
        use serde_json::json;
        assert!(super::settings_are_empty(&json!(null)));
        assert!(super::settings_are_empty(&json!({})));
        assert!(super::settings_are_empty(&json!({"letterlint": {}})));
        assert!(!super::settings_are_empty(&json!({"kind": "reply"})));
        assert!(!super::settings_are_empty(&json!({"letterlint": {"kind": "reply"}})));
    }
}
