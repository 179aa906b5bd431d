//! Protocol tests: drive `letterlint lsp` over stdio as an editor would.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use serde_json::{Value, json};

const WAIT: Duration = Duration::from_secs(20);


use crate::common::lsp_client::Client;

fn uri(path: &Path) -> String {
    format!("file://{}", path.display())
}

impl Client {
    fn start(capabilities: Value, extra: Value) -> Client {
        Client::launch(capabilities, extra, &[], WAIT)
    }

    fn utf16() -> Client {
        Client::start(json!({"general": {"positionEncodings": ["utf-16"]}}), json!({}))
    }
}

/// An appeal written for these tests, with three findings: a 24-hour time with `pm`, repeated
/// `!!!`, and a placeholder signature.
const APPEAL: &str = "---\nkind: appeal\nplatform: wish\norders: [5f0000000000000000000abc]\ntracking: [LZ998877665CN]\n---\nDear Wish Merchant Support,\n\nWe acknowledge that our store was suspended for the high refund rate, and we take full responsibility.\n\nThe root cause was that our warehouse packed orders too late.\n\nOrder 5f0000000000000000000abc: we shipped it late and it arrived after the promised date.\n\nTo prevent this from happening again, we moved to FBW and hired two packers who work until 22:00pm!!!\n\nWe respectfully request that you reactivate our account. Thank you for your review.\n\nSincerely,\nXXX\n";

/// The `text/` rule codes among the diagnostics, sorted. These tests are about the protocol; they
/// watch the engine's text rules, whose findings on the test letters do not change as the appeal,
/// reply and phrasing catalogues grow.
fn codes(diagnostics: &[Value]) -> Vec<String> {
    let mut codes: Vec<String> = diagnostics
        .iter()
        .map(|d| d["code"].as_str().unwrap().to_string())
        .filter(|code| code.starts_with("text/"))
        .collect();
    codes.sort();
    codes
}

fn find<'a>(diagnostics: &'a [Value], code: &str) -> &'a Value {
    diagnostics
        .iter()
        .find(|d| d["code"] == code)
        .unwrap_or_else(|| panic!("no {code} in {diagnostics:?}"))
}

fn temp_letter(dir: &Path, text: &str) -> String {
    let path = dir.join("letter.md");
    std::fs::write(&path, text).unwrap();
    uri(&path)
}

#[test]
fn opening_a_letter_publishes_versioned_diagnostics_with_rule_codes() {
    let mut client = Client::utf16();
    let diagnostics = client.open("file:///tmp/lsp-open/appeal.md", APPEAL);
    assert_eq!(
        codes(&diagnostics),
        [
            "text/placeholder",
            "text/repeated-punctuation",
            "text/time-format"
        ]
    );
    let placeholder = find(&diagnostics, "text/placeholder");
    assert_eq!(placeholder["severity"], 1);
    assert_eq!(placeholder["source"], "letterlint");
    assert!(
        placeholder["codeDescription"]["href"]
            .as_str()
            .unwrap()
            .ends_with("#text-placeholder")
    );
    assert_eq!(
        placeholder["range"],
        json!({"start": {"line": 19, "character": 0}, "end": {"line": 19, "character": 3}})
    );
    assert_eq!(find(&diagnostics, "text/time-format")["severity"], 2);
    client.shutdown();
}

/// Types after an emoji and accented text, then checks where the finding lands, in both encodings.
fn multibyte_edits(capabilities: Value, utf8: bool) {
    let mut client = Client::start(capabilities, json!({}));
    let doc = "file:///tmp/lsp-multibyte/reply.md";
    let diagnostics = client.open(doc, "Hi Zoë 😀,\n\n中文 café\n");
    let width = |s: &str| if utf8 { s.len() } else { s.encode_utf16().count() } as i64;
    let cjk = find(&diagnostics, "text/mixed-script");
    assert_eq!(
        cjk["range"]["end"],
        json!({"line": 2, "character": width("中文")})
    );
    // Insert after `café` on line 2, then replace the emoji on line 0.
    let line2 = "中文 café";
    client.change(doc, 2, json!([{"range": {"start": {"line": 2, "character": width(line2)}, "end": {"line": 2, "character": width(line2)}}, "text": " we close at 22:00pm"}]));
    let diagnostics = client.diagnostics(doc, 2);
    let time = find(&diagnostics, "text/time-format");
    let start = width("中文 café we close at ");
    assert_eq!(
        time["range"]["start"],
        json!({"line": 2, "character": start})
    );
    assert_eq!(
        time["range"]["end"],
        json!({"line": 2, "character": start + width("22:00pm")})
    );
    let emoji_start = width("Hi Zoë ");
    client.change(doc, 3, json!([{"range": {"start": {"line": 0, "character": emoji_start}, "end": {"line": 0, "character": emoji_start + width("😀")}}, "text": "🎉🎉"}]));
    client.diagnostics(doc, 3);
    // The fix-all edit shows the server's text: the emoji replaced, the time fixed.
    let actions = client.request("textDocument/codeAction", json!({"textDocument": {"uri": doc}, "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "context": {"diagnostics": [], "only": ["source.fixAll.letterlint"]}}));
    let edit = &actions[0]["edit"]["changes"][doc][0];
    // `22:00pm` becomes `22:00`: the edit removes `pm` only.
    assert_eq!(edit["newText"], "");
    assert_eq!(
        edit["range"]["start"],
        json!({"line": 2, "character": start + width("22:00")})
    );
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": doc}, "position": {"line": 2, "character": start + 1}}),
    );
    assert!(
        hover["contents"]["value"]
            .as_str()
            .unwrap()
            .contains("text/time-format"),
        "{hover}"
    );
    client.shutdown();
}

#[test]
fn incremental_multibyte_edits_in_utf16() {
    multibyte_edits(json!({"general": {"positionEncodings": ["utf-16"]}}), false);
}

#[test]
fn incremental_multibyte_edits_in_utf8_when_offered() {
    multibyte_edits(
        json!({"general": {"positionEncodings": ["utf-16", "utf-8"]}}),
        true,
    );
}

#[test]
fn the_server_announces_the_negotiated_encoding() {
    for (offered, expected) in [
        (json!(["utf-16", "utf-8"]), "utf-8"),
        (json!(["utf-32", "utf-16"]), "utf-16"),
        (Value::Null, "utf-16"),
    ] {
        let mut raw = Command::new(env!("CARGO_BIN_EXE_letterlint"))
            .arg("lsp")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let body = json!({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"processId": null, "rootUri": null, "capabilities": {"general": {"positionEncodings": offered}}}}).to_string();
        let mut stdin = raw.stdin.take().unwrap();
        write!(stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        stdin.flush().unwrap();
        let mut reader = BufReader::new(raw.stdout.take().unwrap());
        let mut header = String::new();
        reader.read_line(&mut header).unwrap();
        let length: usize = header
            .trim()
            .strip_prefix("Content-Length: ")
            .unwrap()
            .parse()
            .unwrap();
        reader.read_line(&mut String::new()).unwrap();
        let mut answer = vec![0; length];
        reader.read_exact(&mut answer).unwrap();
        let answer: Value = serde_json::from_slice(&answer).unwrap();
        assert_eq!(
            answer["result"]["capabilities"]["positionEncoding"], expected,
            "{answer}"
        );
        let _ = raw.kill();
        let _ = raw.wait();
    }
}

#[test]
fn bursts_of_edits_end_with_diagnostics_for_the_last_version_and_never_go_back() {
    let mut client = Client::utf16();
    let doc = "file:///tmp/lsp-burst/reply.md";
    client.open(doc, "Hi Maria,\n\nThanks for your order.\n");
    let mut line = String::from("Thanks for your order.");
    for version in 2..=40 {
        let ch = if version == 40 { "!!!" } else { "a" };
        let at = line.encode_utf16().count();
        client.change(doc, version, json!([{"range": {"start": {"line": 2, "character": at}, "end": {"line": 2, "character": at}}, "text": ch}]));
        line.push_str(ch);
    }
    let last = client.diagnostics(doc, 40);
    assert_eq!(codes(&last), ["text/repeated-punctuation"]);
    let versions: Vec<i64> = client
        .seen
        .iter()
        .filter(|m| m["method"] == "textDocument/publishDiagnostics")
        .map(|m| m["params"]["version"].as_i64().unwrap())
        .collect();
    assert!(versions.windows(2).all(|w| w[0] < w[1]), "{versions:?}");
    // Nothing older arrives after the last version.
    std::thread::sleep(Duration::from_millis(200));
    while let Ok(message) = client.inbox.try_recv() {
        assert_ne!(
            message["method"], "textDocument/publishDiagnostics",
            "{message}"
        );
    }
    client.shutdown();
}

#[test]
fn pull_clients_get_reports_and_no_pushes() {
    let mut client = Client::start(
        json!({"textDocument": {"diagnostic": {"dynamicRegistration": false}}}),
        json!({}),
    );
    let doc = "file:///tmp/lsp-pull/appeal.md";
    client.notify("textDocument/didOpen", json!({"textDocument": {"uri": doc, "languageId": "markdown", "version": 1, "text": APPEAL}}));
    let report = client.request(
        "textDocument/diagnostic",
        json!({"textDocument": {"uri": doc}}),
    );
    assert_eq!(report["kind"], "full");
    let items = report["items"].as_array().unwrap();
    assert_eq!(
        codes(items),
        [
            "text/placeholder",
            "text/repeated-punctuation",
            "text/time-format"
        ]
    );
    let again = client.request(
        "textDocument/diagnostic",
        json!({"textDocument": {"uri": doc}, "previousResultId": report["resultId"]}),
    );
    assert_eq!(again["kind"], "unchanged");
    client.change(
        doc,
        2,
        json!([{"text": "Hi Maria,\n\nThanks for your order.\n"}]),
    );
    let after = client.request(
        "textDocument/diagnostic",
        json!({"textDocument": {"uri": doc}, "previousResultId": report["resultId"]}),
    );
    assert_eq!(after["kind"], "full");
    assert!(codes(after["items"].as_array().unwrap()).is_empty());
    assert!(
        client
            .seen
            .iter()
            .all(|m| m["method"] != "textDocument/publishDiagnostics"),
        "{:?}",
        client.seen
    );
    client.shutdown();
}

fn code_actions(
    client: &mut Client,
    doc: &str,
    range: &Value,
    diagnostics: Value,
    only: Option<Value>,
) -> Vec<Value> {
    let mut context = json!({"diagnostics": diagnostics});
    if let Some(only) = only {
        context["only"] = only;
    }
    let result = client.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": doc}, "range": range, "context": context}),
    );
    result.as_array().cloned().unwrap_or_default()
}

#[test]
fn code_actions_offer_fixes_disabling_and_fix_all() {
    let mut client = Client::utf16();
    let doc = "file:///tmp/lsp-actions/appeal.md";
    let diagnostics = client.open(doc, APPEAL);
    let time = find(&diagnostics, "text/time-format").clone();
    let actions = code_actions(&mut client, doc, &time["range"], json!([time]), None);
    let fix = actions
        .iter()
        .find(|a| a["title"] == "Write `22:00`")
        .expect("the time fix");
    assert_eq!(fix["kind"], "quickfix");
    assert_eq!(fix["isPreferred"], true);
    assert_eq!(fix["edit"]["changes"][doc][0]["newText"], "22:00");
    assert_eq!(fix["edit"]["changes"][doc][0]["range"], time["range"]);
    let disable = actions
        .iter()
        .find(|a| a["title"] == "Disable `text/time-format` for this line")
        .expect("disable action");
    let insert = &disable["edit"]["changes"][doc][0];
    assert_eq!(
        insert["newText"],
        "<!-- letterlint-disable-next-line text/time-format -->\n"
    );
    assert_eq!(
        insert["range"]["start"],
        json!({"line": time["range"]["start"]["line"], "character": 0})
    );
    // Apply the disable edit: the finding goes away.
    let line = time["range"]["start"]["line"].as_i64().unwrap();
    client.change(doc, 2, json!([{"range": {"start": {"line": line, "character": 0}, "end": {"line": line, "character": 0}}, "text": insert["newText"]}]));
    assert_eq!(
        codes(&client.diagnostics(doc, 2)),
        ["text/placeholder", "text/repeated-punctuation"]
    );
    let whole = json!({"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}});
    let fix_all = code_actions(
        &mut client,
        doc,
        &whole,
        json!([]),
        Some(json!(["source.fixAll"])),
    );
    assert_eq!(fix_all.len(), 1, "{fix_all:?}");
    assert_eq!(fix_all[0]["kind"], "source.fixAll.letterlint");
    // `!!!` becomes `!`: the edit removes the two extra marks only.
    let edit = &fix_all[0]["edit"]["changes"][doc][0];
    assert_eq!(edit["newText"], "");
    let start = edit["range"]["start"]["character"].as_i64().unwrap();
    assert_eq!(
        edit["range"]["end"]["character"].as_i64().unwrap() - start,
        2
    );
    // Only source actions were asked for: no quick-fixes.
    let none = code_actions(
        &mut client,
        doc,
        &whole,
        json!([]),
        Some(json!(["refactor"])),
    );
    assert!(none.is_empty(), "{none:?}");
    client.shutdown();
}

#[test]
fn spelling_findings_offer_to_add_the_word_to_letterlint_toml() {
    let dir = tempfile::tempdir().unwrap();
    let doc = temp_letter(dir.path(), "Hi Maria,\n\nYour Zentrik lamp ships today.\n");
    let mut client = Client::utf16();
    client.open(&doc, "Hi Maria,\n\nYour Zentrik lamp ships today.\n");
    let range = json!({"start": {"line": 2, "character": 5}, "end": {"line": 2, "character": 12}});
    let spelling = json!({"range": range, "code": "text/spelling", "source": "letterlint", "message": "unknown word"});
    let actions = code_actions(&mut client, &doc, &range, json!([spelling.clone()]), None);
    let add = actions
        .iter()
        .find(|a| a["title"] == "Add `Zentrik` to the dictionary in letterlint.toml")
        .expect("add word");
    let changes = add["edit"]["documentChanges"].as_array().unwrap();
    let config_uri = uri(&dir.path().join("letterlint.toml"));
    assert_eq!(changes[0]["kind"], "create");
    assert_eq!(changes[0]["uri"], config_uri);
    assert_eq!(
        changes[1]["edits"][0]["newText"],
        "dictionary = [\"Zentrik\"]\n"
    );
    client.shutdown();

    // With a configuration, the word joins its dictionary.
    std::fs::write(
        dir.path().join("letterlint.toml"),
        "kind = \"reply\"\ndictionary = [\"Lumora\"]\n",
    )
    .unwrap();
    let mut client = Client::utf16();
    client.open(&doc, "Hi Maria,\n\nYour Zentrik lamp ships today.\n");
    let actions = code_actions(&mut client, &doc, &range, json!([spelling]), None);
    let add = actions
        .iter()
        .find(|a| a["title"].as_str().unwrap().starts_with("Add `Zentrik`"))
        .expect("add word");
    let edit = &add["edit"]["changes"][&config_uri][0];
    assert_eq!(edit["newText"], "\"Zentrik\", ");
    assert_eq!(edit["range"]["start"], json!({"line": 1, "character": 14}));
    client.shutdown();
}

#[test]
fn hover_explains_rules_and_platform_terms() {
    let mut client = Client::utf16();
    let doc = "file:///tmp/lsp-hover/appeal.md";
    let diagnostics = client.open(doc, APPEAL);
    let placeholder = find(&diagnostics, "text/placeholder");
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": doc}, "position": placeholder["range"]["start"]}),
    );
    let text = hover["contents"]["value"].as_str().unwrap();
    assert!(
        text.contains("# text/placeholder") && text.contains("## Why it matters"),
        "{text}"
    );
    let line = APPEAL.lines().position(|l| l.contains("FBW")).unwrap();
    let column = APPEAL.lines().nth(line).unwrap().find("FBW").unwrap() + 1;
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": doc}, "position": {"line": line, "character": column}}),
    );
    assert!(
        hover["contents"]["value"]
            .as_str()
            .unwrap()
            .contains("Fulfillment By Wish"),
        "{hover}"
    );
    assert_eq!(hover["range"]["start"]["character"], column - 1);
    let nothing = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": doc}, "position": {"line": 8, "character": 3}}),
    );
    assert!(nothing.is_null(), "{nothing}");
    client.shutdown();
}

#[test]
fn the_editor_locale_selects_the_language_of_explanations() {
    let mut client = Client::start(json!({}), json!({"locale": "zh-cn"}));
    let doc = "file:///tmp/lsp-locale/appeal.md";
    let diagnostics = client.open(doc, APPEAL);
    let placeholder = find(&diagnostics, "text/placeholder");
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": doc}, "position": placeholder["range"]["start"]}),
    );
    assert!(
        hover["contents"]["value"]
            .as_str()
            .unwrap()
            .contains("为什么重要"),
        "{hover}"
    );
    client.shutdown();
}

#[test]
fn outline_checklist_and_inlay_hints_show_the_letters_parts() {
    let mut client = Client::utf16();
    let doc = "file:///tmp/lsp-outline/appeal.md";
    client.open(doc, APPEAL);
    let symbols = client.request(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": doc}}),
    );
    let names: Vec<&str> = symbols
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(names.first(), Some(&"Front matter"));
    for expected in [
        "Salutation",
        "Acknowledgment",
        "Root cause",
        "Order 5f0000000000000000000abc",
        "Remedies",
        "Plea",
        "Sign-off",
    ] {
        assert!(
            names.contains(&expected),
            "{expected} missing from {names:?}"
        );
    }
    let lenses = client.request(
        "textDocument/codeLens",
        json!({"textDocument": {"uri": doc}}),
    );
    assert_eq!(lenses[0]["command"]["title"], "Appeal (Wish): 7/7 parts");
    client.change(doc, 2, json!([{"text": "Dear Wish Merchant Support,\n\nWe acknowledge the suspension and take full responsibility.\n"}]));
    client.diagnostics(doc, 2);
    let lenses = client.request(
        "textDocument/codeLens",
        json!({"textDocument": {"uri": doc}}),
    );
    let title = lenses[0]["command"]["title"].as_str().unwrap();
    assert!(
        title.starts_with(
            "Appeal (Wish): 2/7 parts — missing: root cause, per-order reasons, remedies, plea"
        ),
        "{title}"
    );
    let whole = json!({"start": {"line": 0, "character": 0}, "end": {"line": 99, "character": 0}});
    let hints = client.request(
        "textDocument/inlayHint",
        json!({"textDocument": {"uri": doc}, "range": whole}),
    );
    assert_eq!(hints, json!([]), "hints are off by default");
    client.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"letterlint": {"inlayHints": true}}}),
    );
    client.diagnostics(doc, 2);
    let hints = client.request(
        "textDocument/inlayHint",
        json!({"textDocument": {"uri": doc}, "range": whole}),
    );
    let labels: Vec<&str> = hints
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["label"].as_str().unwrap())
        .collect();
    assert_eq!(labels, ["salutation:", "acknowledgment:"]);
    assert_eq!(hints[1]["position"], json!({"line": 2, "character": 0}));
    client.shutdown();
}

#[test]
fn completion_offers_front_matter_references_and_phrases() {
    let mut client = Client::utf16();
    let doc = "file:///tmp/lsp-completion/appeal.md";
    let text = "---\nkind: appeal\nplatform: \norders: [5f0000000000000000000abc]\ntracking: [LZ998877665CN]\n\n---\nDear Wish Merchant Support,\n\nWe acknowledge the suspension and take full responsibility.\n\n";
    client.open(doc, text);
    let complete = |client: &mut Client, line: i64, character: i64| -> Vec<Value> {
        let result = client.request("textDocument/completion", json!({"textDocument": {"uri": doc}, "position": {"line": line, "character": character}}));
        result.as_array().cloned().unwrap_or_default()
    };
    let labels = |items: &[Value]| {
        items
            .iter()
            .map(|i| i["label"].as_str().unwrap().to_string())
            .collect::<Vec<_>>()
    };
    let keys = labels(&complete(&mut client, 5, 0));
    assert!(
        keys.contains(&"reason".to_string()) && keys.contains(&"customer".to_string()),
        "{keys:?}"
    );
    let platforms = labels(&complete(&mut client, 2, 10));
    assert!(
        platforms.contains(&"wish".to_string()) && platforms.contains(&"aliexpress".to_string()),
        "{platforms:?}"
    );
    let body = complete(&mut client, 11, 0);
    let body_labels = labels(&body);
    assert!(
        body_labels.contains(&"5f0000000000000000000abc".to_string())
            && body_labels.contains(&"LZ998877665CN".to_string()),
        "{body_labels:?}"
    );
    let first_phrase = body
        .iter()
        .filter(|i| i["kind"] == 15)
        .min_by_key(|i| i["sortText"].as_str().unwrap().to_string())
        .unwrap();
    assert_eq!(
        first_phrase["detail"], "letterlint: root cause",
        "{first_phrase}"
    );
    assert_eq!(first_phrase["insertTextFormat"], 2);
    client.shutdown();
}

#[test]
fn configuration_is_read_per_document_and_a_broken_file_keeps_the_last_good_one() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("letterlint.toml");
    std::fs::write(&config, "ignore = [\"text/time-format\"]\n").unwrap();
    let doc = temp_letter(dir.path(), APPEAL);
    let mut client = Client::start(
        json!({"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}}}),
        json!({}),
    );
    assert_eq!(
        codes(&client.open(&doc, APPEAL)),
        ["text/placeholder", "text/repeated-punctuation"]
    );
    let registration = client.wait_for("client/registerCapability", |_| true);
    assert_eq!(
        registration["registrations"][0]["method"],
        "workspace/didChangeWatchedFiles"
    );
    // A broken file: one message, the last good configuration stays.
    std::fs::write(
        &config,
        "ignore = [\"text/time-format\"]\nplatfrom = \"wish\"\n",
    )
    .unwrap();
    let changed = json!({"changes": [{"uri": uri(&config), "type": 2}]});
    client.notify("workspace/didChangeWatchedFiles", changed.clone());
    let message = client.wait_for("window/showMessage", |_| true);
    assert_eq!(message["type"], 1);
    let text = message["message"].as_str().unwrap();
    assert!(
        text.contains("letterlint.toml:2:1")
            && text.contains("platfrom")
            && text.contains("last good configuration"),
        "{text}"
    );
    let republished = client.wait_for("textDocument/publishDiagnostics", |p| p["uri"] == doc);
    assert_eq!(
        codes(republished["diagnostics"].as_array().unwrap()),
        ["text/placeholder", "text/repeated-punctuation"]
    );
    client.notify("workspace/didChangeWatchedFiles", changed.clone());
    client.wait_for("textDocument/publishDiagnostics", |p| p["uri"] == doc);
    assert!(
        client
            .seen
            .iter()
            .all(|m| m["method"] != "window/showMessage"),
        "the error is shown once"
    );
    // Fixed: the new configuration applies, with client settings over it.
    std::fs::write(&config, "[rules]\n\"text/placeholder\" = \"warning\"\n").unwrap();
    client.notify("workspace/didChangeWatchedFiles", changed);
    let fixed = client.wait_for("textDocument/publishDiagnostics", |p| {
        p["uri"] == doc && codes(p["diagnostics"].as_array().unwrap()).len() == 3
    });
    assert_eq!(
        find(fixed["diagnostics"].as_array().unwrap(), "text/placeholder")["severity"],
        2
    );
    client.notify("workspace/didChangeConfiguration", json!({"settings": {"letterlint": {"rules": {"text/placeholder": "off", "text/": "hint"}}}}));
    let settings = client.wait_for("textDocument/publishDiagnostics", |p| {
        p["uri"] == doc && codes(p["diagnostics"].as_array().unwrap()).len() == 2
    });
    assert!(
        settings["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["code"].as_str().unwrap().starts_with("text/"))
            .all(|d| d["severity"] == 4),
        "{settings}"
    );
    client.shutdown();
}

#[test]
fn initialization_options_set_the_kind_and_bad_settings_are_reported() {
    let options = json!({"initializationOptions": {"kind": "reply", "platform": "mars"}});
    let mut client = Client::start(json!({}), options);
    let message = client.wait_for("window/showMessage", |_| true);
    assert!(
        message["message"].as_str().unwrap().contains("mars"),
        "{message}"
    );
    let doc = "file:///tmp/lsp-init/letter.md";
    client.open(doc, APPEAL);
    let lenses = client.request(
        "textDocument/codeLens",
        json!({"textDocument": {"uri": doc}}),
    );
    assert!(
        lenses[0]["command"]["title"]
            .as_str()
            .unwrap()
            .starts_with("Reply (Wish)"),
        "{lenses}"
    );
    client.shutdown();
}

#[test]
fn closing_a_letter_clears_its_diagnostics() {
    let mut client = Client::utf16();
    let doc = "file:///tmp/lsp-close/appeal.md";
    assert!(!client.open(doc, APPEAL).is_empty());
    client.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": doc}}),
    );
    let cleared = client.wait_for("textDocument/publishDiagnostics", |p| p["uri"] == doc);
    assert_eq!(cleared["diagnostics"], json!([]));
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": doc}, "position": {"line": 0, "character": 0}}),
    );
    assert!(hover.is_null());
    client.shutdown();
}

#[test]
fn nonsense_input_fails_requests_not_the_server() {
    let mut client = Client::utf16();
    let doc = "file:///tmp/lsp-robust/appeal.md";
    client.open(doc, APPEAL);
    // Edits for a document that is not open, and ranges out of the text or reversed.
    client.change("file:///tmp/lsp-robust/other.md", 2, json!([{"text": "x"}]));
    client.change(doc, 2, json!([{"range": {"start": {"line": 900, "character": 5}, "end": {"line": 3, "character": 999}}, "text": "😀"}]));
    client.diagnostics(doc, 2);
    let far = json!({"textDocument": {"uri": doc}, "position": {"line": 4_000_000_000u32, "character": 4_000_000_000u32}});
    assert!(
        client.request("textDocument/hover", far.clone()).is_null()
            || client
                .request("textDocument/hover", far.clone())
                .is_object()
    );
    client.request("textDocument/completion", far);
    let bad = client.request_raw("textDocument/hover", json!({"nonsense": true}));
    assert!(bad.get("error").is_some(), "{bad}");
    let unknown = client.request_raw("letterlint/unknown", json!({}));
    assert!(unknown.get("error").is_some(), "{unknown}");
    client.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"letterlint": {"rules": 7}}}),
    );
    client.wait_for("window/showMessage", |m| {
        m["message"]
            .as_str()
            .unwrap()
            .contains("settings are not valid")
    });
    let symbols = client.request(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": doc}}),
    );
    assert!(symbols.is_array());
    client.shutdown();
}

#[test]
fn completion_offers_templates_as_snippets_with_tab_stops() {
    let mut client = Client::utf16();
    let empty = "file:///tmp/lsp-templates/empty.md";
    client.open(empty, "");
    let items = client.request("textDocument/completion", json!({"textDocument": {"uri": empty}, "position": {"line": 0, "character": 0}}));
    let items = items.as_array().cloned().unwrap_or_default();
    let appeal = items
        .iter()
        .find(|i| i["detail"] == "appeal/high-refund-rate")
        .unwrap_or_else(|| panic!("no template offered: {items:?}"));
    assert!(appeal["label"].as_str().unwrap().starts_with("template: "), "{appeal}");
    assert_eq!(appeal["insertTextFormat"], 2);
    assert!(appeal["documentation"].as_str().is_some_and(|d| !d.is_empty()), "{appeal}");
    let snippet = appeal["textEdit"]["newText"].as_str().unwrap();
    assert!(snippet.starts_with("---\nkind: appeal\nplatform: wish\n"), "{snippet}");
    assert!(snippet.contains("${1:store}"), "{snippet}");
    assert!(items.iter().any(|i| i["detail"] == "reply/shipping-delay"));

    // A Spanish reply: at a line start, the reply templates in Spanish, without front matter.
    let reply = "file:///tmp/lsp-templates/reply.md";
    let text = "---\nkind: reply\nplatform: wish\nreason: shipping-delay\nlanguage: es\n---\nHola, Ana:\n\n";
    client.open(reply, text);
    let items = client.request("textDocument/completion", json!({"textDocument": {"uri": reply}, "position": {"line": 8, "character": 0}}));
    let templates: Vec<Value> = items
        .as_array()
        .cloned()
        .unwrap_or_default()
        .into_iter()
        .filter(|i| i["label"].as_str().is_some_and(|l| l.starts_with("template: ")))
        .collect();
    assert!(!templates.is_empty());
    assert!(templates.iter().all(|i| i["detail"].as_str().unwrap().starts_with("reply/")), "{templates:?}");
    // The template for the front matter's reason sorts first.
    let delay = templates
        .iter()
        .min_by_key(|i| i["sortText"].as_str().unwrap().to_string())
        .unwrap();
    assert_eq!(delay["detail"], "reply/shipping-delay");
    let snippet = delay["textEdit"]["newText"].as_str().unwrap();
    assert!(snippet.starts_with("Hola, ${1:customer}:"), "{snippet}");
    assert!(snippet.contains("${2:days}"), "{snippet}");

    // An editor in Chinese gets the titles and descriptions in Chinese.
    let mut zh = Client::start(json!({}), json!({"locale": "zh-CN"}));
    zh.open(empty, "");
    let items = zh.request("textDocument/completion", json!({"textDocument": {"uri": empty}, "position": {"line": 0, "character": 0}}));
    let appeal = items
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["detail"] == "appeal/high-refund-rate")
        .cloned()
        .unwrap();
    assert!(appeal["label"].as_str().unwrap().contains("退款率"), "{appeal}");
    zh.shutdown();
    client.shutdown();
}

/// `initialize.locale = "zh-CN"`: diagnostics, code-action titles and hovers are in Chinese; the
/// rule codes and the text the fixes write into the letter stay as they are.
#[test]
fn initialize_locale_zh_cn_gives_chinese_diagnostics_actions_and_hovers() {
    let mut client = Client::start(json!({}), json!({"locale": "zh-CN"}));
    let doc = "file:///tmp/lsp-locale-zh/appeal.md";
    let diagnostics = client.open(doc, APPEAL);
    let time = find(&diagnostics, "text/time-format").clone();
    assert_eq!(
        time["message"],
        "`22:00pm` 把 24 小时制时间和 am/pm 混在一起；请写成 `22:00`。"
    );
    let placeholder = find(&diagnostics, "text/placeholder");
    assert!(placeholder["message"].as_str().unwrap().contains("占位符"), "{placeholder}");
    let actions = code_actions(&mut client, doc, &time["range"], json!([time]), None);
    let fix = actions.iter().find(|a| a["title"] == "改为 `22:00`").expect("the time fix in Chinese");
    assert_eq!(fix["edit"]["changes"][doc][0]["newText"], "22:00");
    assert!(
        actions.iter().any(|a| a["title"] == "在本行停用 `text/time-format`"),
        "{actions:?}"
    );
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": doc}, "position": time["range"]["start"]}),
    );
    let value = hover["contents"]["value"].as_str().unwrap();
    assert!(value.contains("标出带 am 或 pm 的 24 小时制时间"), "{value}");
    assert!(!value.contains("Why it matters"), "{value}");
    // A platform term's glossary entry is in Chinese too.
    let (line, text) = APPEAL.lines().enumerate().find(|(_, l)| l.contains("FBW")).unwrap();
    let character = text.find("FBW").unwrap() + 1;
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": doc}, "position": {"line": line, "character": character}}),
    );
    let value = hover["contents"]["value"].as_str().unwrap();
    assert!(value.contains("Wish 的海外仓项目"), "{value}");
    client.shutdown();
}

/// Without a locale the same letter is reported in English.
#[test]
fn without_a_locale_diagnostics_stay_in_english() {
    let mut client = Client::start(json!({}), json!({}));
    let doc = "file:///tmp/lsp-locale-en/appeal.md";
    let diagnostics = client.open(doc, APPEAL);
    let time = find(&diagnostics, "text/time-format");
    assert_eq!(time["message"], "`22:00pm` mixes a 24-hour time with am/pm; write `22:00`.");
    client.shutdown();
}

/// The first diagnostics never wait for the dictionaries: a letter opened while they load is
/// published at once without spelling findings, then again, for the same version, with them. In
/// debug builds `LETTERLINT_DEBUG_SLOW_DICTIONARIES=5000` holds the dictionaries back for 5 s, so the
/// first publish comes before them even on a loaded machine.
#[test]
fn spelling_findings_follow_in_a_second_publish_for_the_same_version() {
    let mut client = Client::launch(json!({}), json!({}), &[("LETTERLINT_DEBUG_SLOW_DICTIONARIES", "5000")], WAIT);
    let doc = "file:///tmp/lsp-spelling/appeal.md";
    let text = APPEAL.replace(
        "The root cause was that our warehouse packed orders too late.",
        "The root cause was that our warehouse packed orders too late. We cangive you a refund untill Friday.",
    );
    let others = ["text/placeholder", "text/repeated-punctuation", "text/time-format"];
    let first = client.open(doc, &text);
    if cfg!(debug_assertions) {
        assert_eq!(codes(&first), others, "the first publish does not wait for the dictionaries");
    }
    // The publish once the dictionaries are in may still lack the words whose suggestions are
    // being computed (`cangive`, `untill`); a later one for the same version has them.
    let with_spelling = client.wait_for("textDocument/publishDiagnostics", |p| {
        p["uri"] == doc
            && p["version"] == 1
            && p["diagnostics"].as_array().is_some_and(|d| d.iter().any(|d| d["code"] == "text/spelling"))
    });
    let with_spelling = with_spelling["diagnostics"].as_array().unwrap().clone();
    assert_eq!(
        codes(&with_spelling),
        ["text/joined-words", "text/placeholder", "text/repeated-punctuation", "text/spelling", "text/time-format"]
    );
    for diagnostic in &first {
        assert!(with_spelling.contains(diagnostic), "{diagnostic} is published again");
    }
    assert_eq!(find(&with_spelling, "text/joined-words")["message"].as_str().map(|m| m.contains("cangive")), Some(true));
    // Once they are in, an edit is published once, with its spelling findings.
    client.change(doc, 2, json!([{"text": text.replace("untill", "until")}]));
    let edited = client.diagnostics(doc, 2);
    assert_eq!(codes(&edited), ["text/joined-words", "text/placeholder", "text/repeated-punctuation", "text/time-format"]);
    client.shutdown();
}

/// `grammar = true`: the first diagnostics do not wait for the grammar checker (harper takes
/// seconds to load); it loads in the background and the letter's diagnostics are published again
/// with its findings.
#[test]
fn grammar_loads_in_the_background_and_its_findings_follow() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("letterlint.toml"), "grammar = true\n").unwrap();
    let text = APPEAL.replace(
        "The root cause was that our warehouse packed orders too late.",
        "The root cause was that our warehouse packed orders too late, and a order waited for a hour.",
    );
    let doc = temp_letter(dir.path(), &text);
    let mut client = Client::start(json!({}), json!({}));
    let first = client.open(&doc, &text);
    assert!(codes(&first).contains(&"text/placeholder".to_string()), "the other rules report at once: {first:?}");
    let log = client.wait_for("window/logMessage", |p| {
        p["message"].as_str().is_some_and(|m| m.contains("grammar checker"))
    });
    assert_eq!(log["message"], "letterlint: grammar checker loaded");
    let with_grammar = client.wait_for("textDocument/publishDiagnostics", |p| {
        p["uri"] == doc.as_str()
            && p["diagnostics"].as_array().is_some_and(|d| d.iter().any(|d| d["code"] == "text/grammar"))
    });
    let grammar: Vec<&Value> = with_grammar["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "text/grammar")
        .collect();
    assert!(!grammar.is_empty());
    client.shutdown();
}

/// Spelling suggestions never delay diagnostics: a word whose suggestions are not cached (a fresh
/// misspelling, a joined word) is left out of the first publish, and a second publish for the same
/// version brings its finding with the message and fixes `letterlint check` gives.
#[test]
fn words_awaiting_suggestions_follow_in_a_second_publish_with_the_findings_of_check() {
    let dir = tempfile::tempdir().unwrap();
    let text = "---\nkind: reply\n---\nHi Maria,\n\nWe shipped your lamp and we willsend the invoice; sorry for the inconvenyence.\n\nBest regards,\nSam\n";
    let doc = temp_letter(dir.path(), text);
    let checked = Command::new(env!("CARGO_BIN_EXE_letterlint"))
        .args(["check", "--format", "json"])
        .arg(dir.path().join("letter.md"))
        .output()
        .expect("run letterlint check");
    let report: Value = serde_json::from_slice(&checked.stdout).expect("check --format json");
    let expected: Vec<Value> = report["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == "text/spelling" || d["rule"] == "text/joined-words")
        .cloned()
        .collect();
    assert_eq!(expected.len(), 2, "{report}");

    let mut client = Client::utf16();
    // Another letter first, until its spelling finding is published: the dictionaries are then
    // loaded, and only the suggestions can hold the findings back.
    let warm = "file:///tmp/lsp-suggestions/warm.md";
    client.open(warm, "Hi Maria,\n\nWe will recieve the parcel today.\n");
    client.wait_for("textDocument/publishDiagnostics", |p| {
        p["uri"] == warm && p["diagnostics"].as_array().is_some_and(|d| d.iter().any(|d| d["code"] == "text/spelling"))
    });
    let first = client.open(&doc, text);
    assert!(
        !codes(&first).iter().any(|c| c == "text/spelling" || c == "text/joined-words"),
        "the first publish does not wait for suggestions: {first:?}"
    );
    let complete = client.wait_for("textDocument/publishDiagnostics", |p| {
        p["uri"] == doc.as_str()
            && p["version"] == 1
            && p["diagnostics"].as_array().is_some_and(|d| {
                d.iter().any(|d| d["code"] == "text/spelling") && d.iter().any(|d| d["code"] == "text/joined-words")
            })
    });
    let published = complete["diagnostics"].as_array().unwrap();
    for diagnostic in &first {
        assert!(published.contains(diagnostic), "{diagnostic} is published again");
    }
    for want in &expected {
        let got = find(published, want["rule"].as_str().unwrap());
        let message = match want["help"].as_str() {
            Some(help) => format!("{}\n{help}", want["message"].as_str().unwrap()),
            None => want["message"].as_str().unwrap().to_string(),
        };
        assert_eq!(got["message"], message.as_str());
        // `check` counts lines and columns from 1, the protocol from 0 (the letter is ASCII).
        let position = |p: &Value| json!({"line": p["line"].as_i64().unwrap() - 1, "character": p["column"].as_i64().unwrap() - 1});
        assert_eq!(got["range"], json!({"start": position(&want["start"]), "end": position(&want["end"])}));
        let fixes = got["data"].as_array().expect("fixes in data");
        let want_fixes = want["fixes"].as_array().unwrap();
        assert_eq!(fixes.len(), want_fixes.len(), "{got}");
        for (fix, want_fix) in fixes.iter().zip(want_fixes) {
            assert_eq!(fix["title"], want_fix["title"]);
            assert_eq!(fix["applicability"], want_fix["applicability"]);
            let texts = |f: &Value| f["edits"].as_array().unwrap().iter().map(|e| e["text"].clone()).collect::<Vec<_>>();
            assert_eq!(texts(fix), texts(want_fix));
        }
    }
    assert_eq!(find(published, "text/spelling")["data"][0]["edits"][0]["text"], "inconvenience");
    client.shutdown();
}
