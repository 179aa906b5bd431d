//! A minimal LSP client over `letterlint lsp`'s stdio, shared by the protocol tests: it answers
//! the server's requests, keeps messages that arrive while it waits for another, and can send
//! bytes that are not well-formed frames.
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

pub struct Client {
    pub child: Child,
    pub stdin: ChildStdin,
    pub inbox: Receiver<Value>,
    /// Messages received while waiting for something else.
    pub seen: Vec<Value>,
    pub next_id: i64,
    /// How long any one answer may take before the test fails (a hang, not a speed limit).
    pub wait: Duration,
}

impl Client {
    /// Starts `letterlint lsp` with `env` set, and initializes it with `capabilities` plus the
    /// `extra` fields of the `initialize` parameters.
    pub fn launch(capabilities: Value, extra: Value, env: &[(&str, &str)], wait: Duration) -> Client {
        let mut command = Command::new(env!("CARGO_BIN_EXE_letterlint"));
        command
            .arg("lsp")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .env_remove("LETTERLINT_DEBUG_PANIC");
        for (key, value) in env {
            command.env(key, value);
        }
        let mut child = command.spawn().expect("start letterlint lsp");
        let stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, inbox) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            loop {
                let mut length = None;
                loop {
                    let mut line = String::new();
                    if reader.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let line = line.trim_end();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(v) = line.strip_prefix("Content-Length: ") {
                        length = Some(v.parse::<usize>().expect("a numeric Content-Length"));
                    }
                }
                let length = length.expect("every frame from the server has a Content-Length");
                let mut body = vec![0; length];
                if reader.read_exact(&mut body).is_err() {
                    return;
                }
                let message: Value =
                    serde_json::from_slice(&body).expect("the server writes JSON messages");
                if tx.send(message).is_err() {
                    return;
                }
            }
        });
        let mut client = Client {
            child,
            stdin,
            inbox,
            seen: Vec::new(),
            next_id: 1,
            wait,
        };
        let mut params = json!({"processId": null, "rootUri": null, "capabilities": capabilities});
        if let (Some(p), Some(e)) = (params.as_object_mut(), extra.as_object()) {
            p.extend(e.clone());
        }
        let result = client.request("initialize", params);
        assert!(result["capabilities"].is_object(), "{result}");
        client.notify("initialized", json!({}));
        client
    }

    pub fn raw(&mut self, bytes: &[u8]) {
        self.stdin.write_all(bytes).unwrap();
        self.stdin.flush().unwrap();
    }

    pub fn send(&mut self, message: Value) {
        let body = message.to_string();
        self.raw(format!("Content-Length: {}\r\n\r\n{body}", body.len()).as_bytes());
    }

    pub fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    pub fn take_id(&mut self) -> i64 {
        let id = self.next_id;
        self.next_id += 1;
        id
    }

    /// The next message from the server, answering its requests on the way.
    pub fn next(&mut self, deadline: Instant) -> Option<Value> {
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let message = self.inbox.recv_timeout(left).ok()?;
            if message.get("method").is_some() && message.get("id").is_some() {
                let id = message["id"].clone();
                self.send(json!({"jsonrpc": "2.0", "id": id, "result": null}));
                self.seen.push(message);
                continue;
            }
            return Some(message);
        }
    }

    /// The response with `id`, first among those already received.
    pub fn response(&mut self, id: &Value) -> Value {
        if let Some(i) = self
            .seen
            .iter()
            .position(|m| m.get("id") == Some(id) && m.get("method").is_none())
        {
            return self.seen.remove(i);
        }
        let deadline = Instant::now() + self.wait;
        loop {
            let message = self
                .next(deadline)
                .unwrap_or_else(|| panic!("no response with id {id}; seen {:?}", self.seen));
            if message.get("id") == Some(id) && message.get("method").is_none() {
                return message;
            }
            self.seen.push(message);
        }
    }

    pub fn request_raw(&mut self, method: &str, params: Value) -> Value {
        let id = self.take_id();
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        self.response(&json!(id))
    }

    pub fn request(&mut self, method: &str, params: Value) -> Value {
        let answer = self.request_raw(method, params);
        assert!(answer.get("error").is_none(), "{method}: {answer}");
        answer["result"].clone()
    }

    /// Waits for a notification matching `pred`, first among those already received.
    pub fn wait_for(&mut self, method: &str, pred: impl Fn(&Value) -> bool) -> Value {
        if let Some(i) = self
            .seen
            .iter()
            .position(|m| m["method"] == method && pred(&m["params"]))
        {
            return self.seen.remove(i)["params"].clone();
        }
        let deadline = Instant::now() + self.wait;
        loop {
            let message = self
                .next(deadline)
                .unwrap_or_else(|| panic!("no {method} arrived; seen {:?}", self.seen));
            if message["method"] == method && pred(&message["params"]) {
                return message["params"].clone();
            }
            self.seen.push(message);
        }
    }

    /// The diagnostics published for `uri` at `version`.
    pub fn diagnostics(&mut self, uri: &str, version: i64) -> Vec<Value> {
        let params = self.wait_for("textDocument/publishDiagnostics", |p| {
            p["uri"] == uri && p["version"] == version
        });
        params["diagnostics"].as_array().unwrap().clone()
    }

    pub fn open(&mut self, uri: &str, text: &str) -> Vec<Value> {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}}),
        );
        self.diagnostics(uri, 1)
    }

    pub fn change(&mut self, uri: &str, version: i64, changes: Value) {
        self.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": changes}),
        );
    }

    pub fn shutdown(mut self) {
        self.request("shutdown", Value::Null);
        self.notify("exit", Value::Null);
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                assert!(status.success(), "{status}");
                return;
            }
            assert!(start.elapsed() < self.wait, "the server did not exit");
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
