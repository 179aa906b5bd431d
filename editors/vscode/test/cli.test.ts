import { strict as assert } from "assert";
import { test } from "node:test";

import {
  isRuleId,
  isUnknownSubcommand,
  newLetterArgs,
  parseRules,
  parseTemplates,
  platformChoices,
  templatePick,
} from "../src/lib/cli";
import { PLATFORMS } from "../src/lib/settings";

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
  assert.deepEqual(newLetterArgs("reply/y", { language: "es" }), ["new", "reply/y", "--language", "es"]);
});

test("the templates list as `letterlint templates --format json` writes it (version 1)", () => {
  const json = JSON.stringify({
    version: 1,
    templates: [
      { id: "appeal/high-refund-rate", kind: "appeal", platforms: ["wish"], reason: "high-refund-rate", languages: ["en"],
        title: "High refund rate", description: "Wish appeal after a suspension for refunds", files: ["rules/templates/a.md"] },
      { id: "reply/shipping-delay", kind: "reply", platforms: [], reason: "shipping-delay", languages: ["en", "es", "fr"],
        title: "Shipping delay", description: "The parcel is late", files: [] },
    ],
  });
  const [appeal, reply] = parseTemplates(json);
  assert.deepEqual(appeal, { id: "appeal/high-refund-rate", kind: "appeal", title: "High refund rate",
    description: "Wish appeal after a suspension for refunds", platforms: ["wish"], languages: ["en"] });
  assert.deepEqual(reply.languages, ["en", "es", "fr"]);
  // Which marketplaces to ask for.
  assert.deepEqual(platformChoices(appeal, PLATFORMS), ["wish"]);
  assert.deepEqual(platformChoices(appeal, PLATFORMS, "wish"), [], "the setting fits: no question");
  assert.deepEqual(platformChoices(appeal, PLATFORMS, "amazon"), ["wish"], "the setting does not fit: ask");
  assert.deepEqual(platformChoices({ id: "appeal/any", kind: "appeal", platforms: [] }, PLATFORMS), [...PLATFORMS]);
  assert.deepEqual(platformChoices(reply, PLATFORMS), [], "replies fit every marketplace: no question");
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
