import { strict as assert } from "assert";
import { test } from "node:test";

import { findChecklistLens, parseChecklist, statusText } from "../src/lib/checklist";

test("a checklist title with a platform and missing parts", () => {
  assert.deepEqual(parseChecklist("Appeal (Wish): 5/7 parts \u2014 missing: per-order reasons, plea"), {
    kind: "Appeal",
    platform: "Wish",
    present: 5,
    required: 7,
    missing: ["per-order reasons", "plea"],
  });
  assert.deepEqual(statusText("Appeal (Wish): 5/7 parts \u2014 missing: per-order reasons, plea"), {
    text: "$(checklist) Appeal (Wish) 5/7",
    tooltip: "letterlint: appeal to Wish, 5 of 7 parts\nMissing: per-order reasons, plea",
  });
});

test("a complete reply without a platform", () => {
  assert.deepEqual(parseChecklist("Reply: 4/4 parts"), { kind: "Reply", present: 4, required: 4, missing: [] });
  assert.deepEqual(statusText("Reply: 4/4 parts"), {
    text: "$(pass) Reply 4/4",
    tooltip: "letterlint: reply, 4 of 4 parts\nEvery part is there.",
  });
});

test("a reply that names the issue it answers", () => {
  const title = "Reply (AliExpress) about damaged goods: 5/6 parts \u2014 missing: apology";
  assert.deepEqual(parseChecklist(title), {
    kind: "Reply",
    platform: "AliExpress",
    issue: "damaged goods",
    present: 5,
    required: 6,
    missing: ["apology"],
  });
  assert.deepEqual(statusText(title), {
    text: "$(checklist) Reply (AliExpress) 5/6",
    tooltip: "letterlint: reply to AliExpress about damaged goods, 5 of 6 parts\nMissing: apology",
  });
});

test("an unknown title is shown as it is", () => {
  assert.equal(parseChecklist("Something else"), undefined);
  assert.deepEqual(statusText("Something else"), { text: "$(checklist) Something else", tooltip: "letterlint: Something else" });
});

test("the checklist lens is the one with the checklist command, else line 0's", () => {
  const at = (line: number, title: string, command = "x") => ({ range: { start: { line } }, command: { title, command } });
  assert.equal(findChecklistLens([at(3, "a"), at(0, "b", "letterlint.checklist")])?.command?.title, "b");
  assert.equal(findChecklistLens([at(3, "a"), at(0, "b")])?.command?.title, "b");
  assert.equal(findChecklistLens([at(3, "a")]), undefined);
  assert.equal(findChecklistLens(null), undefined);
});
