// The status bar text from the server's checklist code lens on line 0, whose title reads
// "Appeal (Wish): 5/7 parts — missing: per-order reasons, plea", or for a reply
// "Reply (AliExpress) about damaged goods: 6/6 parts" (src/lsp/handlers/outline.rs).
// No `vscode` import: unit-tested with plain node.

/** The command of the checklist lens (src/lsp/handlers/mod.rs `CHECKLIST_COMMAND`). */
export const CHECKLIST_COMMAND = "letterlint.checklist";

export interface Checklist {
  kind: string;
  platform?: string;
  /** A reply: the issue it answers ("damaged goods"). */
  issue?: string;
  present: number;
  required: number;
  missing: string[];
}

export interface Lens {
  range: { start: { line: number } };
  command?: { title: string; command: string } | null;
}

const TITLE = /^(\S+)(?: \(([^)]+)\))?(?: about ([^:]+))?: (\d+)\/(\d+) parts(?: \u2014 missing: (.+))?$/u;

/** Reads a checklist lens title; undefined when it is not one. */
export function parseChecklist(title: string): Checklist | undefined {
  const m = TITLE.exec(title.trim());
  if (!m) return undefined;
  const checklist: Checklist = {
    kind: m[1],
    present: Number(m[4]),
    required: Number(m[5]),
    missing: m[6] ? m[6].split(",").map((s) => s.trim()).filter((s) => s !== "") : [],
  };
  if (m[2]) checklist.platform = m[2];
  if (m[3]) checklist.issue = m[3];
  return checklist;
}

/** The checklist lens among a document's code lenses: the one with the checklist command, else
 * the first on line 0. */
export function findChecklistLens(lenses: readonly Lens[] | null | undefined): Lens | undefined {
  if (!lenses) return undefined;
  return (
    lenses.find((l) => l.command?.command === CHECKLIST_COMMAND) ??
    lenses.find((l) => l.range.start.line === 0 && l.command?.title)
  );
}

export interface StatusText {
  /** With a codicon: `$(pass)` when every part is there, else `$(checklist)`. */
  text: string;
  tooltip: string;
}

/** The status bar item's text and tooltip for a lens title. */
export function statusText(title: string): StatusText {
  const c = parseChecklist(title);
  if (!c) {
    return { text: `$(checklist) ${title}`, tooltip: `letterlint: ${title}` };
  }
  const complete = c.missing.length === 0 && c.present === c.required;
  const icon = complete ? "$(pass)" : "$(checklist)";
  const label = c.platform ? `${c.kind} (${c.platform})` : c.kind;
  const text = `${icon} ${label} ${c.present}/${c.required}`;
  const what = c.platform ? `${c.kind.toLowerCase()} to ${c.platform}` : c.kind.toLowerCase();
  const about = c.issue ? ` about ${c.issue}` : "";
  let tooltip = `letterlint: ${what}${about}, ${c.present} of ${c.required} parts`;
  tooltip += c.missing.length > 0 ? `\nMissing: ${c.missing.join(", ")}` : "\nEvery part is there.";
  return { text, tooltip };
}
