//! Standard input for the server, ending after the client's `exit` notification.
//!
//! tower-lsp stops serving only when its input ends, and an editor may keep the pipe open after
//! `exit`; this reader follows the message frames and reports the end of input right after the
//! frame that holds `exit`, so the server leaves as the protocol asks.
//!
//! Invariant: bytes pass through unchanged; only the end of input is moved earlier.

use std::pin::Pin;
use std::task::{Context, Poll};

use tokio::io::{AsyncRead, ReadBuf};

/// Bodies longer than this are not inspected: an `exit` notification is tiny.
const SMALL_BODY: usize = 256;

/// Wraps a reader of LSP frames; reads end after the `exit` notification.
pub struct UntilExit<R> {
    inner: R,
    header: Vec<u8>,
    /// Bytes of the current body still to come, once its header is read.
    body_left: Option<usize>,
    body: Vec<u8>,
    exited: bool,
}

impl<R> UntilExit<R> {
    pub fn new(inner: R) -> Self {
        UntilExit {
            inner,
            header: Vec::new(),
            body_left: None,
            body: Vec::new(),
            exited: false,
        }
    }

    /// True once the `exit` notification has passed through.
    #[cfg(test)]
    fn exited(&self) -> bool {
        self.exited
    }

    fn scan(&mut self, mut bytes: &[u8]) {
        while !bytes.is_empty() && !self.exited {
            match self.body_left {
                None => {
                    let (byte, rest) = (bytes[0], &bytes[1..]);
                    bytes = rest;
                    self.header.push(byte);
                    if self.header.ends_with(b"\r\n\r\n") {
                        let length = content_length(&self.header);
                        self.header.clear();
                        self.body.clear();
                        self.body_left = Some(length);
                        if length == 0 {
                            self.body_left = None;
                        }
                    }
                }
                Some(left) => {
                    let take = left.min(bytes.len());
                    if self.body.len() + take <= SMALL_BODY {
                        self.body.extend_from_slice(&bytes[..take]);
                    }
                    bytes = &bytes[take..];
                    if take == left {
                        self.body_left = None;
                        self.exited = is_exit(&self.body);
                        self.body.clear();
                    } else {
                        self.body_left = Some(left - take);
                    }
                }
            }
        }
    }
}

fn content_length(header: &[u8]) -> usize {
    let text = String::from_utf8_lossy(header);
    text.lines()
        .find_map(|line| {
            line.strip_prefix("Content-Length:")
                .or_else(|| line.strip_prefix("content-length:"))
        })
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(0)
}

fn is_exit(body: &[u8]) -> bool {
    #[derive(serde::Deserialize)]
    struct Method {
        method: Option<String>,
        id: Option<serde_json::Value>,
    }
    body.len() <= SMALL_BODY
        && serde_json::from_slice::<Method>(body)
            .is_ok_and(|m| m.method.as_deref() == Some("exit") && m.id.is_none())
}

impl<R: AsyncRead + Unpin> AsyncRead for UntilExit<R> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        if self.exited {
            return Poll::Ready(Ok(()));
        }
        let before = buf.filled().len();
        let poll = Pin::new(&mut self.inner).poll_read(cx, buf);
        if let Poll::Ready(Ok(())) = &poll {
            let fresh = buf.filled()[before..].to_vec();
            self.scan(&fresh);
        }
        poll
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame(body: &str) -> String {
        format!("Content-Length: {}\r\n\r\n{body}", body.len())
    }

    #[test]
    fn input_ends_after_the_exit_frame_even_when_split() {
        let shutdown = frame(r#"{"jsonrpc":"2.0","id":1,"method":"shutdown"}"#);
        let exit = frame(r#"{"jsonrpc":"2.0","method":"exit"}"#);
        let all = format!("{shutdown}{exit}");
        let mut reader = UntilExit::new(());
        let (a, b) = all.as_bytes().split_at(all.len() - 5);
        reader.scan(a);
        assert!(!reader.exited());
        reader.scan(b);
        assert!(reader.exited());
    }

    #[test]
    fn a_long_body_mentioning_exit_is_not_the_exit() {
        let text = "exit ".repeat(100);
        let open = frame(&format!(
            r#"{{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{{"text":"{text}"}}}}"#
        ));
        let mut reader = UntilExit::new(());
        reader.scan(open.as_bytes());
        reader.scan(frame(r#"{"jsonrpc":"2.0","id":3,"method":"exit"}"#).as_bytes());
        assert!(!reader.exited());
    }
}
