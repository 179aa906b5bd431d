//! Standard input for the server: LSP frames passed through to tower-lsp, with two repairs.
//!
//! - tower-lsp stops serving only when its input ends, and an editor may keep the pipe open after
//!   `exit`; this reader reports the end of input right after the frame holding `exit`, so the
//!   server leaves as the protocol asks.
//! - tower-lsp refuses `"params": null` on requests without parameters (`shutdown`), which many
//!   clients send; small frames with null parameters are passed on without the member.
//!
//! Invariant: frames reach tower-lsp whole and in order; bodies over `SMALL_BODY` bytes pass
//! through byte for byte.

use std::collections::VecDeque;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::task::{Context, Poll};

use tokio::io::{AsyncRead, ReadBuf};

/// Bodies up to this size are inspected (and may be rewritten); `exit` and `shutdown` are tiny.
const SMALL_BODY: usize = 512;

/// Wraps a reader of LSP frames.
pub struct UntilExit<R> {
    inner: R,
    /// Bytes ready for tower-lsp.
    out: VecDeque<u8>,
    header: Vec<u8>,
    /// The current body: its length and the bytes held so far (small bodies only).
    body: Option<(usize, Vec<u8>)>,
    /// Bytes of a large body still to pass through.
    passing: usize,
    exited: bool,
    eof: bool,
    /// Set when a `shutdown` request has passed (it may not have been answered yet at `exit`).
    shutdown_seen: Arc<AtomicBool>,
}

impl<R> UntilExit<R> {
    pub fn new(inner: R, shutdown_seen: Arc<AtomicBool>) -> Self {
        UntilExit {
            shutdown_seen,
            inner,
            out: VecDeque::new(),
            header: Vec::new(),
            body: None,
            passing: 0,
            exited: false,
            eof: false,
        }
    }

    /// Takes bytes read from the client.
    fn feed(&mut self, mut bytes: &[u8]) {
        while !bytes.is_empty() && !self.exited {
            if self.passing > 0 {
                let take = self.passing.min(bytes.len());
                self.out.extend(&bytes[..take]);
                self.passing -= take;
                bytes = &bytes[take..];
            } else if let Some((length, held)) = &mut self.body {
                let take = (*length - held.len()).min(bytes.len());
                held.extend_from_slice(&bytes[..take]);
                bytes = &bytes[take..];
                if held.len() == *length {
                    let held = std::mem::take(held);
                    self.body = None;
                    self.emit_small(&held);
                }
            } else {
                self.header.push(bytes[0]);
                bytes = &bytes[1..];
                if self.header.ends_with(b"\r\n\r\n") {
                    let length = content_length(&self.header);
                    if length > SMALL_BODY {
                        self.out.extend(&self.header);
                        self.passing = length;
                    } else {
                        self.body = Some((length, Vec::with_capacity(length)));
                        if length == 0 {
                            self.body = None;
                            self.out.extend(&self.header);
                        }
                    }
                    self.header.clear();
                }
            }
        }
    }

    fn emit_small(&mut self, body: &[u8]) {
        let mut message: Option<serde_json::Value> = serde_json::from_slice(body).ok();
        if let Some(object) = message.as_mut().and_then(|m| m.as_object_mut()) {
            let method = object.get("method").and_then(|m| m.as_str());
            self.exited = method == Some("exit") && !object.contains_key("id");
            if method == Some("shutdown") {
                self.shutdown_seen.store(true, Ordering::SeqCst);
            }
            if object.get("params").is_some_and(serde_json::Value::is_null) {
                object.remove("params");
                let rewritten = serde_json::to_vec(&message).unwrap_or_else(|_| body.to_vec());
                self.out
                    .extend(format!("Content-Length: {}\r\n\r\n", rewritten.len()).as_bytes());
                self.out.extend(&rewritten);
                return;
            }
        }
        self.out
            .extend(format!("Content-Length: {}\r\n\r\n", body.len()).as_bytes());
        self.out.extend(body);
    }

    /// The input ended: pass on whatever is held so tower-lsp reports it.
    fn finish(&mut self) {
        self.eof = true;
        self.out.extend(&std::mem::take(&mut self.header));
        if let Some((_, held)) = self.body.take() {
            self.out.extend(&held);
        }
    }
}

fn content_length(header: &[u8]) -> usize {
    let text = String::from_utf8_lossy(header);
    text.lines()
        .find_map(|line| {
            let (name, value) = line.split_once(':')?;
            name.trim()
                .eq_ignore_ascii_case("content-length")
                .then(|| value.trim().parse().ok())
                .flatten()
        })
        .unwrap_or(0)
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
