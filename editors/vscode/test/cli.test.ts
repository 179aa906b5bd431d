import { strict as assert } from "assert";
import { test } from "node:test";

import { isRuleId, isUnknownSubcommand, newLetterArgs, parseRules, parseTemplates, templatePick } from "../src/lib/cli";

test("templates: a bare list or one under `templates`; entries without an id are skipped", () => {
  const list = [
    { id: "appeal/high-refund-rate", kind: "appeal", title: "High refund rate", platforms: ["wish"], extra: 1 },
    { kind: "reply" },
    { id: "reply/shipping-delay", kind: "reply", summary: "The parcel is late" },
  ];
  const expected = [
    { id: "appeal/high-refund-rate", kind: "appeal", title: "High refund rate", platforms: ["wish"] },
    { id: "reply/shipping-delay", kind: "reply", description: "The parcel is late" },
  ];
  assert.deepEqual(parseTemplates(JSON.stringify(list)), expected);
  assert.deepEqual(parseTemplates(JSON.stringify({ version: 1, templates: list })), expected);
  assert.throws(() => parseTemplates("{}"), /JSON list of templates/);
  assert.throws(() => parseTemplates("not json"));
});

test("a template's quick pick entry and `new` arguments", () => {
  assert.deepEqual(templatePick({ id: "appeal/x", kind: "appeal", title: "X" }), { label: "X", description: "appeal/x" });
  assert.deepEqual(templatePick({ id: "reply/y", kind: "reply", description: "Why" }), {
    label: "reply/y",
    description: "reply",
    detail: "Why",
  });
  assert.deepEqual(newLetterArgs("appeal/x"), ["new", "appeal/x"]);
  assert.deepEqual(newLetterArgs("appeal/x", { platform: "wish" }), ["new", "appeal/x", "--platform", "wish"]);
});

test("an older letterlint without the subcommand is recognised", () => {
  assert.ok(isUnknownSubcommand("error: unrecognized subcommand 'templates'\n\nUsage: letterlint <COMMAND>"));
  assert.ok(!isUnknownSubcommand("error: no template `appeal/nope`"));
});

test("rules and rule ids", () => {
  const json = JSON.stringify([{ id: "text/placeholder", severity: "error", kinds: ["appeal"], summary: "Flags XXX" }, { id: 3 }]);
  assert.deepEqual(parseRules(json), [{ id: "text/placeholder", severity: "error", summary: "Flags XXX" }]);
  assert.ok(isRuleId("text/placeholder"));
  assert.ok(isRuleId(" appeal/per-order-reasons "));
  assert.ok(!isRuleId("placeholder"));
  assert.ok(!isRuleId("text/"));
});
