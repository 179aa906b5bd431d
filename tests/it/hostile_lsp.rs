//! Hostile input to `letterlint lsp`, against the real binary over stdio: frames that are not
//! JSON-RPC, wrong `Content-Length` headers, unknown methods, edits to documents never opened,
//! ranges past the end, a 20 MB paste, 10,000 edits in a burst, and a panic inside a handler.
//! After each, the server must still answer a normal request.

use std::time::Duration;

use serde_json::{Value, json};

/// How long any one answer may take before the test fails (a hang, not a speed limit).
const WAIT: Duration = Duration::from_secs(120);


use crate::common::lsp_client::Client;

impl Client {
    fn start_default() -> Client {
        Client::start_with_env(&[])
    }

    fn start_with_env(env: &[(&str, &str)]) -> Client {
        Client::launch(json!({"general": {"positionEncodings": ["utf-16"]}}), json!({}), env, WAIT)
    }

    /// A normal request the server must answer: the outline of an open letter.
    fn still_serves(&mut self, uri: &str) {
        let symbols = self.request(
            "textDocument/documentSymbol",
            json!({"textDocument": {"uri": uri}}),
        );
        assert!(symbols.is_array(), "{symbols}");
    }
}

const APPEAL: &str = "---\nkind: appeal\nplatform: wish\norders: [5f0000000000000000000abc]\n---\nDear Wish Merchant Support,\n\nWe acknowledge that our store was suspended for the high refund rate, and we take full responsibility.\n\nThe root cause was that our warehouse packed orders too late.\n\nOrder 5f0000000000000000000abc: we shipped it late and it arrived after the promised date.\n\nTo prevent this from happening again, we hired two packers who work until 22:00pm!!!\n\nWe respectfully request that you reactivate our account. Thank you for your review.\n\nSincerely,\nXXX\n";

fn frame(body: &[u8]) -> Vec<u8> {
    let mut out = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    out.extend_from_slice(body);
    out
}

fn hover_request(id: i64, uri: &str) -> Vec<u8> {
    json!({"jsonrpc": "2.0", "id": id, "method": "textDocument/hover",
           "params": {"textDocument": {"uri": uri}, "position": {"line": 5, "character": 2}}})
    .to_string()
    .into_bytes()
}

/// What a diagnostic says and where, for comparing two documents' diagnostics.
fn summary(diagnostics: &[Value]) -> Vec<String> {
    let mut out: Vec<String> = diagnostics
        .iter()
        .map(|d| format!("{} {} {}", d["range"], d["code"], d["message"]))
        .collect();
    out.sort();
    out
}

fn error_code(answer: &Value) -> i64 {
    answer["error"]["code"]
        .as_i64()
        .unwrap_or_else(|| panic!("not an error: {answer}"))
}

#[test]
fn malformed_json_is_answered_with_a_parse_error_and_the_server_goes_on() {
    let mut client = Client::start_default();
    let doc = "file:///tmp/hostile-json/appeal.md";
    client.open(doc, APPEAL);
    let null = Value::Null;

    // Not JSON at all: a parse error for id null (JSON-RPC 2.0, section 5.1), and a log message.
    client.raw(&frame(
        br#"{"jsonrpc": "2.0", "id": 9, "method": "textDocument/hov"#,
    ));
    let answer = client.response(&null);
    assert_eq!(error_code(&answer), -32700, "{answer}");
    client.wait_for("window/logMessage", |m| {
        m["message"].as_str().unwrap().contains("not JSON")
    });
    client.still_serves(doc);

    // Invalid UTF-8 inside a string.
    client.raw(&frame(
        b"{\"jsonrpc\":\"2.0\",\"method\":\"x\",\"params\":\"\xff\xfe\"}",
    ));
    assert_eq!(error_code(&client.response(&null)), -32700);
    client.still_serves(doc);

    // JSON that is not a message: an invalid request, under its id when it has a usable one.
    client.raw(&frame(b"[1, 2, 3]"));
    assert_eq!(error_code(&client.response(&null)), -32600);
    client.raw(&frame(br#"{"jsonrpc":"2.0","id":77,"method":42}"#));
    assert_eq!(error_code(&client.response(&json!(77))), -32600);
    client.raw(&frame(br#"{"jsonrpc":"1.0","id":78,"method":"shutdown"}"#));
    assert_eq!(error_code(&client.response(&json!(78))), -32600);
    client.raw(&frame(
        br#"{"jsonrpc":"2.0","id":1.5,"method":"textDocument/hover"}"#,
    ));
    assert_eq!(error_code(&client.response(&null)), -32600);
    client.still_serves(doc);

    // An empty body and a header without a length.
    client.raw(b"Content-Length: 0\r\n\r\n");
    assert_eq!(error_code(&client.response(&null)), -32700);
    client.raw(b"X-Nonsense: yes\r\n\r\n");
    assert_eq!(error_code(&client.response(&null)), -32700);
    client.still_serves(doc);

    // Headers tower-lsp alone refuses: a lower-case name, extra headers, another charset.
    let hover = hover_request(500, doc);
    let mut odd = format!(
        "content-length: {}\r\nContent-Type: application/vscode-jsonrpc; charset=latin1\r\nX-A: 1\r\nX-B: 2\r\n\r\n",
        hover.len()
    )
    .into_bytes();
    odd.extend_from_slice(&hover);
    client.raw(&odd);
    let answer = client.response(&json!(500));
    assert!(answer.get("error").is_none(), "{answer}");
    client.still_serves(doc);
    client.shutdown();
}

#[test]
fn a_content_length_too_short_fails_that_message_only() {
    let mut client = Client::start_default();
    let doc = "file:///tmp/hostile-short/appeal.md";
    client.open(doc, APPEAL);
    let first = hover_request(100, doc);
    let mut bytes = format!("Content-Length: {}\r\n\r\n", first.len() - 7).into_bytes();
    bytes.extend_from_slice(&first);
    bytes.extend(frame(&hover_request(101, doc)));
    bytes.extend(frame(&hover_request(102, doc)));
    client.raw(&bytes);
    // The cut message is a parse error; the ones after it are answered.
    assert_eq!(error_code(&client.response(&Value::Null)), -32700);
    for id in [101, 102] {
        let answer = client.response(&json!(id));
        assert!(answer.get("error").is_none(), "{answer}");
    }
    client.still_serves(doc);
    client.shutdown();
}

#[test]
fn a_content_length_too_long_loses_no_message() {
    let mut client = Client::start_default();
    let doc = "file:///tmp/hostile-long/appeal.md";
    client.open(doc, APPEAL);
    // Too long by a few bytes: the body runs into the next header.
    let first = hover_request(200, doc);
    let mut bytes = format!("Content-Length: {}\r\n\r\n", first.len() + 12).into_bytes();
    bytes.extend_from_slice(&first);
    bytes.extend(frame(&hover_request(201, doc)));
    client.raw(&bytes);
    // Too long by more than the next messages: the server waits for more, then finds them all.
    let third = hover_request(202, doc);
    let mut bytes = format!("Content-Length: {}\r\n\r\n", third.len() + 400).into_bytes();
    bytes.extend_from_slice(&third);
    for id in 203..210 {
        bytes.extend(frame(&hover_request(id, doc)));
    }
    client.raw(&bytes);
    for id in 200..210 {
        let answer = client.response(&json!(id));
        assert!(answer.get("error").is_none(), "{id}: {answer}");
    }
    client.still_serves(doc);
    client.shutdown();
}

#[test]
fn unknown_requests_are_method_not_found_and_unknown_notifications_are_ignored() {
    let mut client = Client::start_default();
    let doc = "file:///tmp/hostile-unknown/appeal.md";
    client.open(doc, APPEAL);
    let answer = client.request_raw("letterlint/noSuchMethod", json!({"x": 1}));
    assert_eq!(error_code(&answer), -32601, "{answer}");
    let answer = client.request_raw("textDocument/noSuchMethod", Value::Null);
    assert_eq!(error_code(&answer), -32601, "{answer}");
    client.notify("letterlint/noSuchNotification", json!({"x": 1}));
    client.notify("$/noSuchNotification", json!([1, 2]));
    client.notify("$/cancelRequest", json!({"id": 424242}));
    // Known methods with the wrong parameters: an invalid-params error, not a dead server.
    let answer = client.request_raw("textDocument/hover", json!([1, 2, 3]));
    assert_eq!(error_code(&answer), -32602, "{answer}");
    client.notify("textDocument/didOpen", json!({"nonsense": true}));
    client.still_serves(doc);
    // No notification was answered: every response seen has an id of a request sent.
    assert!(
        client
            .seen
            .iter()
            .all(|m| m.get("method").is_some() || m.get("id").is_some_and(|id| !id.is_null())),
        "{:?}",
        client.seen
    );
    client.shutdown();
}

#[test]
fn edits_to_documents_never_opened_are_dropped() {
    let mut client = Client::start_default();
    let doc = "file:///tmp/hostile-unopened/appeal.md";
    let ghost = "file:///tmp/hostile-unopened/ghost.md";
    client.open(doc, APPEAL);
    client.change(ghost, 2, json!([{"text": "XXX"}]));
    client.change(
        ghost,
        3,
        json!([{"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 1}}, "text": "y"}]),
    );
    client.notify(
        "textDocument/didSave",
        json!({"textDocument": {"uri": ghost}}),
    );
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": ghost}, "position": {"line": 0, "character": 0}}),
    );
    assert!(hover.is_null(), "{hover}");
    client.still_serves(doc);
    // The ghost never got diagnostics of its own (a close clears, with an empty list).
    assert!(
        !client
            .seen
            .iter()
            .any(|m| m["params"]["uri"] == ghost && m["params"]["diagnostics"] != json!([])),
        "{:?}",
        client.seen
    );
    client.shutdown();
}

#[test]
fn ranges_past_the_end_clamp_to_the_text() {
    let mut client = Client::start_default();
    let doc = "file:///tmp/hostile-range/appeal.md";
    let fresh = "file:///tmp/hostile-range/fresh.md";
    client.open(doc, "Hi Sam,\n\nThanks.\n");
    let pos = |line: u64, character: u64| json!({"line": line, "character": character});
    // Past the end of a line: its end. Past the last line: the end of the text. Reversed: put in
    // order. Huge numbers: no overflow.
    client.change(
        doc,
        2,
        json!([{"range": {"start": pos(0, 500), "end": pos(0, 900)}, "text": " there"}]),
    );
    client.change(
        doc,
        3,
        json!([{"range": {"start": pos(4000, 0), "end": pos(4000, 7)}, "text": "XXX\n"}]),
    );
    client.change(
        doc,
        4,
        json!([{"range": {"start": pos(2, 6), "end": pos(2, 0)}, "text": "Thank you"}]),
    );
    client.change(
        doc,
        5,
        json!([{"range": {"start": pos(4_294_967_295, 4_294_967_295), "end": pos(4_294_967_295, 4_294_967_295)}, "text": "Sincerely, Sam\n"}]),
    );
    let edited = client.diagnostics(doc, 5);
    let expected = "Hi Sam there,\n\nThank you.\nXXX\nSincerely, Sam\n";
    let reference = client.open(fresh, expected);
    assert_eq!(summary(&edited), summary(&reference));
    assert!(
        edited.iter().any(|d| d["code"] == "text/placeholder"),
        "{edited:?}"
    );
    // Requests at positions past the end are answered too.
    let far = json!({"textDocument": {"uri": doc}, "position": pos(4_294_967_295, 4_294_967_295)});
    client.request("textDocument/hover", far.clone());
    client.request("textDocument/completion", far);
    client.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": doc}, "range": {"start": pos(900, 9), "end": pos(0, 4_294_967_295)},
               "context": {"diagnostics": []}}),
    );
    client.request(
        "textDocument/inlayHint",
        json!({"textDocument": {"uri": doc}, "range": {"start": pos(900, 9), "end": pos(0, 0)}}),
    );
    client.still_serves(doc);
    client.shutdown();
}

#[test]
fn a_20_mb_paste_does_not_stop_the_server() {
    let mut client = Client::start_default();
    let doc = "file:///tmp/hostile-paste/appeal.md";
    let other = "file:///tmp/hostile-paste/other.md";
    client.open(doc, APPEAL);
    client.open(other, APPEAL);
    let paragraph = "We shipped order 5f0000000000000000000abc on time, and the buyer confirmed the delivery.\n\n";
    let paste = paragraph.repeat(20 * 1024 * 1024 / paragraph.len() + 1);
    assert!(paste.len() >= 20 * 1024 * 1024);
    // Paste it at the end of the letter, then type one more character.
    let end = json!({"line": 10_000_000, "character": 0});
    client.change(
        doc,
        2,
        json!([{"range": {"start": end, "end": end}, "text": paste}]),
    );
    client.change(
        doc,
        3,
        json!([{"range": {"start": end, "end": end}, "text": "!"}]),
    );
    // The huge letter is linted off the request path: the other letter is served meanwhile.
    client.still_serves(other);
    // Taking the paste out again: the diagnostics are those of the letter without it, and the
    // results for the huge versions, whenever they finish, are never published.
    client.change(doc, 4, json!([{"text": APPEAL}]));
    let after = client.diagnostics(doc, 4);
    let reference = client.open("file:///tmp/hostile-paste/fresh.md", APPEAL);
    assert_eq!(summary(&after), summary(&reference));
    client.still_serves(doc);
    assert!(
        !client.seen.iter().any(|m| m["params"]["uri"] == doc
            && (m["params"]["version"] == 2 || m["params"]["version"] == 3)),
        "stale diagnostics were published"
    );
    client.shutdown();
}

#[test]
fn ten_thousand_edits_in_a_burst_end_as_a_fresh_open_of_the_final_text() {
    let mut client = Client::start_default();
    let doc = "file:///tmp/hostile-burst/appeal.md";
    let fresh = "file:///tmp/hostile-burst/fresh.md";
    client.open(doc, APPEAL);
    // A deterministic script of inserts and deletes, mirrored on a plain string. Lines and
    // columns count ASCII text only, so every encoding agrees.
    let mut text = APPEAL.to_string();
    let mut seed: u64 = 0x5eed;
    let mut random = move |n: usize| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((seed >> 33) as usize) % n.max(1)
    };
    let alphabet = ["a", "e", " ", "!", "XXX", "\n", "pm", ".", "the "];
    // 10,000 edits, sent at once as 200 `didChange` notifications of 50 edits each (the server
    // lints after every notification).
    let mut payload = Vec::new();
    for version in 2..202i64 {
        let mut changes = Vec::new();
        for _ in 0..50 {
            let lines: Vec<&str> = text.split('\n').collect();
            let line = random(lines.len());
            let len = lines[line].len();
            let start = random(len + 1);
            let end = if random(3) == 0 {
                (start + random(4)).min(len)
            } else {
                start
            };
            let insert = alphabet[random(alphabet.len())];
            let line_start: usize = lines[..line].iter().map(|l| l.len() + 1).sum();
            text.replace_range(line_start + start..line_start + end, insert);
            changes.push(
                json!({"range": {"start": {"line": line, "character": start},
                                      "end": {"line": line, "character": end}}, "text": insert}),
            );
        }
        let body = json!({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
            "textDocument": {"uri": doc, "version": version}, "contentChanges": changes}})
        .to_string();
        payload.extend(frame(body.as_bytes()));
    }
    client.raw(&payload);
    let edited = client.diagnostics(doc, 201);
    let reference = client.open(fresh, &text);
    assert_eq!(summary(&edited), summary(&reference));
    client.still_serves(doc);
    client.shutdown();
}

#[test]
fn a_panic_inside_a_handler_fails_that_request_and_the_server_lives_on() {
    let mut client = Client::start_with_env(&[("LETTERLINT_DEBUG_PANIC", "1")]);
    let doc = "file:///tmp/hostile-panic/appeal.md";
    let bad = "file:///tmp/hostile-panic/bad.md";
    client.open(doc, APPEAL);
    // Linting panics on this letter (debug builds only): a log message, no diagnostics.
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": bad, "languageId": "markdown", "version": 1,
                                "text": "Hi,\n\nLETTERLINT-DEBUG-PANIC\n"}}),
    );
    client.wait_for("window/logMessage", |m| {
        m["message"]
            .as_str()
            .unwrap()
            .contains("internal error while linting")
    });
    // A request on it fails with an internal error.
    let answer = client.request_raw(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": bad}}),
    );
    assert_eq!(error_code(&answer), -32603, "{answer}");
    // A panic outside the engine, in a handler itself, fails that request too.
    let answer = client.request_raw(
        "workspace/executeCommand",
        json!({"command": "letterlint.debugPanic", "arguments": []}),
    );
    assert_eq!(error_code(&answer), -32603, "{answer}");
    client.wait_for("window/logMessage", |m| {
        m["message"]
            .as_str()
            .unwrap()
            .contains("internal error while handling `workspace/executeCommand`")
    });
    // Everything else goes on: the other letter, and the bad one once the trigger is gone.
    client.still_serves(doc);
    client.change(bad, 2, json!([{"text": "Hi,\n\nXXX\n"}]));
    let diagnostics = client.diagnostics(bad, 2);
    assert!(
        diagnostics.iter().any(|d| d["code"] == "text/placeholder"),
        "{diagnostics:?}"
    );
    client.still_serves(bad);
    client.shutdown();
}
