#!/bin/sh
# Checks a packaged extension: the .vsix (a zip) holds the compiled client and a package.json
# with letterlint's contributions, and nothing it should not ship.
# Usage: test/package-check.sh [letterlint.vsix]   (run `npm run package` first)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
vsix=${1:-$here/../letterlint.vsix}
[ -f "$vsix" ] || { echo "FAIL: no $vsix; run npm run package" >&2; exit 1; }
python3 - "$vsix" <<'PY'
import json, sys, zipfile

vsix = zipfile.ZipFile(sys.argv[1])
names = set(vsix.namelist())
failed = False

def check(condition, message):
    global failed
    print(("ok - " if condition else "FAIL: ") + message, file=sys.stderr)
    failed |= not condition

check("extension.vsixmanifest" in names, "the manifest is there")
check("extension/package.json" in names, "package.json is there")
check("extension/dist/extension.js" in names, "the compiled client is there")
check(not any(n.startswith(("extension/node_modules/", "extension/src/", "extension/test/", "extension/out/")) for n in names),
      "no sources, tests or node_modules are shipped: " + ", ".join(sorted(names)))

manifest = json.loads(vsix.read("extension/package.json"))
check(manifest.get("main") == "./dist/extension.js", "main is the compiled client")
check("onLanguage:markdown" in manifest.get("activationEvents", []), "activates on Markdown")
commands = {c["command"] for c in manifest["contributes"]["commands"]}
for command in ["letterlint.fixAll", "letterlint.explainRule", "letterlint.newLetter", "letterlint.restart"]:
    check(command in commands, f"contributes the command {command}")
settings = manifest["contributes"]["configuration"]["properties"]
for key in ["letterlint.path", "letterlint.kind", "letterlint.platform", "letterlint.locale",
            "letterlint.inlayHints", "letterlint.rules", "letterlint.trace.server"]:
    check(key in settings, f"contributes the setting {key}")

client = vsix.read("extension/dist/extension.js").decode("utf-8")
check('require("vscode")' in client, "the client loads the vscode API at run time")
for needle in ["vscode-languageclient", "source.fixAll.letterlint", "letterlint.newLetter", '"lsp"']:
    check(needle in client, f"the client bundle contains {needle}")
check('require("vscode-languageclient' not in client, "vscode-languageclient is bundled, not required")
sys.exit(1 if failed else 0)
PY
echo "package check passed: $vsix" >&2
