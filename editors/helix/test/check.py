#!/usr/bin/env python3
"""Checks editors/helix/languages.toml without Helix (not packaged for Debian 12).

It parses the snippet as Helix would (TOML), checks the server entry and the Markdown language
use it, then talks to the real server the way Helix does: the `config` table as
`initializationOptions` and again in `workspace/didChangeConfiguration` (both, so either path works), and checks the letter's
diagnostics arrive. The commented example settings are checked the same way (uncommented).

Usage: check.py path/to/letterlint
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
SNIPPET = HERE.parent / "languages.toml"
LETTER = REPO / "tests/fixtures/letters/text-rules.md"
failed = False


def check(condition, message):
    global failed
    print(("ok - " if condition else "FAIL: ") + message, file=sys.stderr)
    failed |= not condition


class Server:
    def __init__(self, command):
        self.proc = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self.next_id = 0

    def send(self, message):
        body = json.dumps(message).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def read(self):
        length = None
        while True:
            line = self.proc.stdout.readline()
            if not line:
                raise EOFError("the server closed its output")
            line = line.strip()
            if not line:
                break
            name, _, value = line.partition(b":")
            if name.lower() == b"content-length":
                length = int(value)
        return json.loads(self.proc.stdout.read(length))

    def request(self, method, params):
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": self.next_id, "method": method, "params": params})
        while True:
            message = self.read()
            if message.get("id") == self.next_id and "method" not in message:
                return message.get("result")

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def diagnostics(self, uri, want):
        """Reads messages until a publishDiagnostics for uri satisfies want (5 s)."""
        result = {}

        def loop():
            while True:
                message = self.read()
                if message.get("method") == "textDocument/publishDiagnostics" and message["params"]["uri"] == uri:
                    result["last"] = message["params"]["diagnostics"]
                    if want(result["last"]):
                        return

        thread = threading.Thread(target=loop, daemon=True)
        thread.start()
        thread.join(5)
        return result.get("last")

    def close(self):
        self.proc.kill()
        self.proc.wait()


def run(command, config, letter_dir):
    """Opens the fixture letter the way Helix does; returns its diagnostics' rule ids."""
    letter = Path(letter_dir) / "letter.md"
    shutil.copy(LETTER, letter)
    uri = letter.as_uri()
    server = Server(command)
    try:
        # Helix sends `config` (or null) as initializationOptions and, once initialized, again as
        # the settings of workspace/didChangeConfiguration.
        server.request("initialize", {"processId": os.getpid(), "rootUri": Path(letter_dir).as_uri(),
                                      "capabilities": {}, "initializationOptions": config})
        server.notify("initialized", {})
        if config is not None:
            server.notify("workspace/didChangeConfiguration", {"settings": config})
        server.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "markdown", "version": 0, "text": letter.read_text()}})
        diagnostics = server.diagnostics(uri, lambda d: any(x.get("code") == "text/time-format" for x in d))
        return {d.get("code") for d in diagnostics or []}
    finally:
        server.close()


def main():
    bin_path = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else REPO / "target/debug/letterlint")
    text = SNIPPET.read_text()
    snippet = tomllib.loads(text)
    server = snippet.get("language-server", {}).get("letterlint", {})
    check(server.get("command") == "letterlint", "the server command is letterlint")
    check(server.get("args") == ["lsp"], "with the lsp argument")
    markdown = [lang for lang in snippet.get("language", []) if lang.get("name") == "markdown"]
    check(len(markdown) == 1 and "letterlint" in markdown[0].get("language-servers", []),
          "the markdown language uses letterlint")
    check("marksman" in markdown[0].get("language-servers", []), "and keeps Helix's default marksman")

    # The commented example settings, uncommented, must be valid TOML the server accepts.
    section = text.split("[language-server.letterlint.config]", 1)[1].split("[[language]]", 1)[0]
    example_lines = [re.sub(r"^# ", "", line) for line in section.splitlines() if re.match(r"^# \w+ = ", line)]
    example = tomllib.loads("\n".join(example_lines))
    check(set(example) == {"kind", "platform", "locale", "inlayHints", "rules"},
          f"the example settings name every server setting: {sorted(example)}")

    command = [bin_path] + server.get("args", [])
    with tempfile.TemporaryDirectory() as tmp:
        codes = run(command, server.get("config"), tmp)
        check("text/time-format" in codes and "text/shouting" in codes,
              f"with the snippet as shipped, diagnostics arrive: {sorted(c for c in codes if c)}")
    with tempfile.TemporaryDirectory() as tmp:
        codes = run(command, example, tmp)
        check("text/time-format" in codes, "with the example settings, diagnostics arrive")
        check("text/shouting" not in codes, "and the example's rules turn text/shouting off")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
