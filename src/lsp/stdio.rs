//! Standard input for the server: LSP frames checked and passed on to tower-lsp, with repairs.
//!
//! - tower-lsp stops serving only when its input ends, and an editor may keep the pipe open after
//!   `exit`; this reader reports the end of input right after the frame holding `exit`, so the
//!   server leaves as the protocol asks.
//! - tower-lsp refuses `"params": null` on requests without parameters (`shutdown`), which many
//!   clients send; small frames with null parameters are passed on without the member.
//! - tower-lsp stops reading for good at the first frame it cannot decode (a body that is not
//!   JSON-RPC, a header it does not know, a wrong `Content-Length`): its framed reader ends after an
//!   error. So every frame is checked here first. A frame that is not a JSON-RPC message is passed
//!   on as an `INVALID_MESSAGE` request, which the server answers with the error the protocol asks
//!   for (parse error or invalid request); headers are rewritten to a plain `Content-Length`; after
//!   a wrong length, reading picks up again at the next `Content-Length` header.
//!
//! Invariant: frames reach tower-lsp whole, in order, and only as messages it can decode.

use std::collections::VecDeque;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::task::{Context, Poll};

use tokio::io::{AsyncRead, ReadBuf};
use tower_lsp::jsonrpc;

/// Bodies up to this size are inspected (and may be rewritten); `exit` and `shutdown` are tiny.
const SMALL_BODY: usize = 512;

/// A header block longer than this is not a header: it is dropped, keeping any `Content-Length`.
const MAX_HEADER: usize = 4096;

/// The method of the stand-in request for a frame that is not a JSON-RPC message; its params are
/// `{"code": <JSON-RPC error code>, "message": <what was wrong>}`.
pub const INVALID_MESSAGE: &str = "$/letterlint/invalidMessage";

/// Wraps a reader of LSP frames.
pub struct UntilExit<R> {
    inner: R,
    /// Bytes read from the client and not looked at yet.
    input: VecDeque<u8>,
    /// Bytes ready for tower-lsp.
    out: VecDeque<u8>,
    header: Vec<u8>,
    /// The current body: its length and the bytes held so far.
    body: Option<(usize, Vec<u8>)>,
    exited: bool,
    eof: bool,
    /// Set when a `shutdown` request has passed (it may not have been answered yet at `exit`).
    shutdown_seen: Arc<AtomicBool>,
    /// Told when the `exit` notification has been read.
    exit_signal: Arc<tokio::sync::Notify>,
}

impl<R> UntilExit<R> {
    pub fn new(inner: R, shutdown_seen: Arc<AtomicBool>) -> Self {
        UntilExit {
            shutdown_seen,
            inner,
            input: VecDeque::new(),
            out: VecDeque::new(),
            header: Vec::new(),
            body: None,
            exited: false,
            eof: false,
            exit_signal: Arc::default(),
        }
    }

    /// Notifies `signal` when `exit` is read: the server leaves then, even with work in flight.
    pub fn with_exit_signal(mut self, signal: Arc<tokio::sync::Notify>) -> Self {
        self.exit_signal = signal;
        self
    }

    /// Takes bytes read from the client.
    fn feed(&mut self, bytes: &[u8]) {
        self.input.extend(bytes);
        while !self.input.is_empty() && !self.exited {
            if let Some((length, held)) = &mut self.body {
                let take = (*length - held.len()).min(self.input.len());
                held.extend(self.input.drain(..take));
                if held.len() == *length {
                    let held = std::mem::take(held);
                    self.body = None;
                    self.take_body(held);
                }
                continue;
            }
            let byte = self.input.pop_front().expect("input is not empty");
            self.header.push(byte);
            if self.header.ends_with(b"\r\n\r\n") || self.header.ends_with(b"\n\n") {
                let header = std::mem::take(&mut self.header);
                match content_length(&header) {
                    Some(0) => self.emit_invalid(None, jsonrpc::ErrorCode::ParseError, "an empty message"),
                    Some(length) => self.body = Some((length, Vec::with_capacity(length.min(1 << 20)))),
                    None if header.iter().all(u8::is_ascii_whitespace) => {}
                    None => self.emit_invalid(
                        None,
                        jsonrpc::ErrorCode::ParseError,
                        "a header without a valid Content-Length",
                    ),
                }
            } else if self.header.len() > MAX_HEADER {
                let header = std::mem::take(&mut self.header);
                self.emit_invalid(None, jsonrpc::ErrorCode::ParseError, "a header too long to be one");
                if let Some(at) = find_content_length(&header[1..]) {
                    self.header = header[1 + at..].to_vec();
                }
            }
        }
    }

    /// A whole body has arrived.
    fn take_body(&mut self, body: Vec<u8>) {
        if is_message(&body) {
            self.emit_message(&body);
            return;
        }
        // Too long a `Content-Length` shows as a body running on past its message (into the next
        // header): the message is the first JSON value, and reading goes on after it.
        let mut values = serde_json::Deserializer::from_slice(&body).into_iter::<serde::de::IgnoredAny>();
        if let Some(Ok(_)) = values.next() {
            let end = values.byte_offset();
            if end < body.len() {
                self.take_message_then_reread(&body, end);
                return;
            }
        }
        // A body cut short holds a header further on: reading goes on from there.
        if let Some(at) = find_content_length(&body).filter(|&at| at > 0) {
            self.take_message_then_reread(&body, at);
            return;
        }
        self.emit_error_for(&body);
    }

    /// The body's first `at` bytes are one message (passed on, or answered with an error); the
    /// rest is read again, ahead of the input not yet read.
    fn take_message_then_reread(&mut self, body: &[u8], at: usize) {
        let (message, rest) = body.split_at(at);
        if is_message(message) {
            self.emit_message(message);
        } else {
            self.emit_error_for(message);
        }
        let after: Vec<u8> = self.input.drain(..).collect();
        self.input.extend(rest);
        self.input.extend(after);
    }

    /// Passes on a frame tower-lsp can decode.
    fn emit_message(&mut self, body: &[u8]) {
        if body.len() > SMALL_BODY {
            self.emit_frame(body);
            return;
        }
        let mut message: Option<serde_json::Value> = serde_json::from_slice(body).ok();
        if let Some(object) = message.as_mut().and_then(|m| m.as_object_mut()) {
            let method = object.get("method").and_then(|m| m.as_str());
            self.exited = method == Some("exit") && !object.contains_key("id");
            if self.exited {
                self.exit_signal.notify_one();
            }
            if method == Some("shutdown") {
                self.shutdown_seen.store(true, Ordering::SeqCst);
            }
            if object.get("params").is_some_and(serde_json::Value::is_null) {
                object.remove("params");
                let rewritten = serde_json::to_vec(&message).unwrap_or_else(|_| body.to_vec());
                self.emit_frame(&rewritten);
                return;
            }
        }
        self.emit_frame(body);
    }

    /// Stands in for a body that is not a JSON-RPC message.
    fn emit_error_for(&mut self, body: &[u8]) {
        match serde_json::from_slice::<serde_json::Value>(body) {
            Ok(value) => {
                // JSON, but not a message: answer under its id when it has a usable one.
                let id = value
                    .get("id")
                    .filter(|id| serde_json::from_value::<jsonrpc::Id>((*id).clone()).is_ok())
                    .cloned();
                self.emit_invalid(id, jsonrpc::ErrorCode::InvalidRequest, "a JSON value that is not a JSON-RPC message");
            }
            Err(err) => {
                let reason = format!("a message that is not JSON ({err})");
                self.emit_invalid(None, jsonrpc::ErrorCode::ParseError, &reason);
            }
        }
    }

    fn emit_invalid(&mut self, id: Option<serde_json::Value>, code: jsonrpc::ErrorCode, reason: &str) {
        let stand_in = serde_json::json!({
            "jsonrpc": "2.0",
            "id": id.unwrap_or(serde_json::Value::Null),
            "method": INVALID_MESSAGE,
            "params": {"code": code.code(), "message": format!("letterlint received {reason}")},
        });
        let body = serde_json::to_vec(&stand_in).expect("a JSON value serializes");
        self.emit_frame(&body);
    }

    fn emit_frame(&mut self, body: &[u8]) {
        self.out
            .extend(format!("Content-Length: {}\r\n\r\n", body.len()).as_bytes());
        self.out.extend(body);
    }

    /// The input ended: a frame left half-read is answered as one that is not a message.
    fn finish(&mut self) {
        self.eof = true;
        if let Some((_, held)) = self.body.take() {
            self.emit_error_for(&held);
        }
        self.header.clear();
    }
}

/// Whether tower-lsp decodes `body` as a message (a request, a notification or a response).
fn is_message(body: &[u8]) -> bool {
    serde_json::from_slice::<jsonrpc::Request>(body).is_ok()
        || serde_json::from_slice::<jsonrpc::Response>(body).is_ok()
}

/// Where a `Content-Length` header name starts, in any case.
fn find_content_length(bytes: &[u8]) -> Option<usize> {
    const NAME: &[u8] = b"content-length";
    bytes
        .windows(NAME.len())
        .position(|w| w.eq_ignore_ascii_case(NAME))
}

/// The length a header block gives, from its last `Content-Length` (header names are read in any
/// case, and garbage before the header is skipped).
fn content_length(header: &[u8]) -> Option<usize> {
    let text = String::from_utf8_lossy(header);
    text.lines().rev().find_map(|line| {
        let lower = line.to_ascii_lowercase();
        let at = lower.rfind("content-length")?;
        let value = line[at + "content-length".len()..].trim_start().strip_prefix(':')?;
        value.trim().parse().ok()
    })
}

impl<R: AsyncRead + Unpin> AsyncRead for UntilExit<R> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        loop {
            if !self.out.is_empty() {
                let n = self.out.len().min(buf.remaining());
                let chunk: Vec<u8> = self.out.drain(..n).collect();
                buf.put_slice(&chunk);
                return Poll::Ready(Ok(()));
            }
            if self.exited || self.eof {
                return Poll::Ready(Ok(()));
            }
            let mut scratch = [0u8; 8192];
            let mut read = ReadBuf::new(&mut scratch);
            match Pin::new(&mut self.inner).poll_read(cx, &mut read) {
                Poll::Ready(Ok(())) => {
                    let filled = read.filled().to_vec();
                    if filled.is_empty() {
                        self.finish();
                    } else {
                        self.feed(&filled);
                    }
                }
                other => return other,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame(body: &str) -> String {
        format!("Content-Length: {}\r\n\r\n{body}", body.len())
    }

    fn output(reader: &mut UntilExit<()>) -> String {
        String::from_utf8(reader.out.drain(..).collect()).unwrap()
    }

    #[test]
    fn input_ends_after_the_exit_frame_even_when_split() {
        let shutdown = frame(r#"{"jsonrpc":"2.0","id":1,"method":"shutdown","params":null}"#);
        let exit = frame(r#"{"jsonrpc":"2.0","method":"exit"}"#);
        let all = format!("{shutdown}{exit}");
        let mut reader = UntilExit::new((), Arc::default());
        let (a, b) = all.as_bytes().split_at(all.len() - 5);
        reader.feed(a);
        assert!(!reader.exited);
        reader.feed(b);
        assert!(reader.exited);
        assert!(reader.shutdown_seen.load(Ordering::SeqCst));
        let passed = output(&mut reader);
        assert!(
            passed.starts_with(&frame(r#"{"id":1,"jsonrpc":"2.0","method":"shutdown"}"#))
                || passed.contains(r#""method":"shutdown"}"#),
            "{passed}"
        );
        assert!(!passed.contains("null"), "{passed}");
    }

    #[test]
    fn large_bodies_pass_unchanged_and_are_not_taken_for_exit() {
        let text = "exit ".repeat(200);
        let open = frame(&format!(
            r#"{{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{{"text":"{text}"}}}}"#
        ));
        let mut reader = UntilExit::new((), Arc::default());
        reader.feed(open.as_bytes());
        assert_eq!(output(&mut reader), open);
        reader.feed(frame(r#"{"jsonrpc":"2.0","id":3,"method":"exit"}"#).as_bytes());
        assert!(!reader.exited);
    }
}
