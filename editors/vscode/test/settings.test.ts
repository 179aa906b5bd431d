import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { test } from "node:test";

import { didChangeConfigurationParams, LOCALES, PLATFORMS, SEVERITIES, toServerSettings } from "../src/lib/settings";

// Compiled to out/test/, so the extension's folder is two levels up, the repository four.
const extensionDir = path.resolve(__dirname, "../..");
const repo = path.resolve(extensionDir, "../..");
const manifest = JSON.parse(fs.readFileSync(path.join(extensionDir, "package.json"), "utf8"));
const properties: Record<string, { enum?: string[]; default?: unknown; additionalProperties?: { enum?: string[] } }> =
  manifest.contributes.configuration.properties;
/** Settings only the VS Code client reads; the server never sees them. */
const CLIENT_ONLY = ["letterlint.path", "letterlint.statusBar", "letterlint.trace.server"];

test("auto and empty values are left out so the letter and letterlint.toml decide", () => {
  const { settings, problems } = toServerSettings({ kind: "auto", platform: "", locale: undefined, inlayHints: false, rules: {} });
  assert.deepEqual(settings, { inlayHints: false, rules: {} });
  assert.deepEqual(problems, []);
});

test("chosen values are passed as the server names them", () => {
  const { settings, problems } = toServerSettings({
    kind: "reply",
    platform: "aliexpress",
    locale: "zh-CN",
    inlayHints: true,
    rules: { "text/shouting": "off", "appeal/": "error" },
  });
  assert.deepEqual(settings, {
    kind: "reply",
    platform: "aliexpress",
    locale: "zh-CN",
    inlayHints: true,
    rules: { "text/shouting": "off", "appeal/": "error" },
  });
  assert.deepEqual(problems, []);
  assert.deepEqual(didChangeConfigurationParams(settings), { settings: { letterlint: settings } });
});

test("wrong values are dropped and reported, the others still pass", () => {
  const { settings, problems } = toServerSettings({
    kind: "letter",
    platform: "mars",
    locale: "fr",
    inlayHints: "yes",
    rules: { "text/shouting": "loud", "text/informal": "hint", " ": "off" },
  });
  assert.deepEqual(settings, { inlayHints: false, rules: { "text/informal": "hint" } });
  assert.equal(problems.length, 4, problems.join("\n"));
  assert.match(problems.join("\n"), /letterlint\.kind = "letter"/);
  assert.match(problems.join("\n"), /text\/shouting/);
  assert.deepEqual(toServerSettings({ rules: ["text/shouting"] }).problems.length, 1);
});

test("package.json offers exactly the choices the mapping accepts", () => {
  assert.deepEqual(properties["letterlint.kind"].enum, ["auto", "appeal", "reply"]);
  assert.deepEqual(properties["letterlint.platform"].enum, ["auto", ...PLATFORMS]);
  assert.deepEqual(properties["letterlint.locale"].enum, ["auto", ...LOCALES]);
  assert.deepEqual(properties["letterlint.rules"].additionalProperties?.enum, [...SEVERITIES]);
  // The defaults map to "let the letter decide".
  const defaults = Object.fromEntries(
    Object.entries(properties).map(([key, p]) => [key.replace(/^letterlint\./, ""), p.default]),
  );
  assert.deepEqual(toServerSettings(defaults), { settings: { inlayHints: false, rules: {} }, problems: [] });
});

const serverSettings = path.join(repo, "src/lsp/settings.rs");
test(
  "package.json exposes every setting the server accepts and no other (src/lsp/settings.rs)",
  { skip: !fs.existsSync(serverSettings) && "not in a letterlint checkout" },
  () => {
    const source = fs.readFileSync(serverSettings, "utf8");
    const body = /pub struct ClientSettings \{([\s\S]*?)\n\}/.exec(source);
    assert.ok(body, "ClientSettings is in settings.rs");
    const fields = [...body[1].matchAll(/pub (\w+):/g)].map((m) => m[1].replace(/_(\w)/g, (_, c: string) => c.toUpperCase()));
    const offered = Object.keys(properties)
      .filter((key) => !CLIENT_ONLY.includes(key))
      .map((key) => key.replace(/^letterlint\./, ""));
    assert.deepEqual([...offered].sort(), [...fields].sort());
  },
);

const letterSource = path.join(repo, "src/letter/mod.rs");
test(
  "the platforms and locales are the server's (src/letter/mod.rs, src/lib.rs)",
  { skip: !fs.existsSync(letterSource) && "not in a letterlint checkout" },
  () => {
    const quoted = (file: string, name: string) => {
      const m = new RegExp(`pub const ${name}: &\\[&str\\] = &\\[([^\\]]*)\\]`).exec(fs.readFileSync(file, "utf8"));
      assert.ok(m, `${name} in ${file}`);
      return [...m[1].matchAll(/"([^"]+)"/g)].map((q) => q[1]);
    };
    assert.deepEqual(quoted(letterSource, "PLATFORMS"), [...PLATFORMS]);
    assert.deepEqual(quoted(path.join(repo, "src/lib.rs"), "LOCALES"), [...LOCALES]);
  },
);
