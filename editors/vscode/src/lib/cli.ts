// Reading the CLI's JSON (`letterlint templates --format json`, `letterlint rules --format json`)
// and building its arguments. No `vscode` import: unit-tested with plain node.

export interface Template {
  id: string;
  kind?: string;
  title?: string;
  description?: string;
  platforms?: string[];
  languages?: string[];
}

function text(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

function strings(value: unknown): string[] | undefined {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : undefined;
}

/** The list in a JSON answer: a bare array or one under `key`. */
function list(json: string, key: string): unknown[] {
  const value: unknown = JSON.parse(json);
  if (Array.isArray(value)) return value;
  if (value && typeof value === "object" && Array.isArray((value as Record<string, unknown>)[key])) {
    return (value as Record<string, unknown[]>)[key];
  }
  throw new Error(`expected a JSON list of ${key}`);
}

/** Parses `letterlint templates --format json`; entries without an id are skipped. */
export function parseTemplates(json: string): Template[] {
  const out: Template[] = [];
  for (const entry of list(json, "templates")) {
    if (!entry || typeof entry !== "object") continue;
    const e = entry as Record<string, unknown>;
    const id = text(e.id);
    if (!id) continue;
    const t: Template = { id };
    const kind = text(e.kind);
    if (kind) t.kind = kind;
    const title = text(e.title);
    if (title) t.title = title;
    const description = text(e.description) ?? text(e.summary);
    if (description) t.description = description;
    const platforms = strings(e.platforms);
    if (platforms) t.platforms = platforms;
    const languages = strings(e.languages);
    if (languages) t.languages = languages;
    out.push(t);
  }
  return out;
}

/** A quick pick entry for a template. */
export function templatePick(t: Template): { label: string; description?: string; detail?: string } {
  const pick: { label: string; description?: string; detail?: string } = { label: t.title ?? t.id };
  pick.description = t.title ? t.id : t.kind;
  if (t.description) pick.detail = t.description;
  return pick;
}

/** Arguments of `letterlint new`. */
export function newLetterArgs(id: string, options: { platform?: string; language?: string } = {}): string[] {
  const args = ["new", id];
  if (options.platform) args.push("--platform", options.platform);
  if (options.language) args.push("--language", options.language);
  return args;
}

/** The marketplaces to offer for a template, or none when there is nothing to ask: a template
 * lists the platforms it fits (none: any); appeals are written to one marketplace. `configured`
 * (the `letterlint.platform` setting) is used when the template fits it. */
export function platformChoices(t: Template, all: readonly string[], configured?: string): string[] {
  const fits = t.platforms && t.platforms.length > 0 ? t.platforms : [...all];
  if (configured && fits.includes(configured)) return [];
  if (t.kind !== "appeal" && !(t.platforms && t.platforms.length > 0)) return [];
  return fits;
}

/** Whether the CLI's error output says it has no such subcommand (an older letterlint). */
export function isUnknownSubcommand(stderr: string): boolean {
  return /unrecognized subcommand|unknown (sub)?command/i.test(stderr);
}

export interface RuleInfo {
  id: string;
  severity?: string;
  summary?: string;
}

/** Parses `letterlint rules --format json`. */
export function parseRules(json: string): RuleInfo[] {
  const out: RuleInfo[] = [];
  for (const entry of list(json, "rules")) {
    if (!entry || typeof entry !== "object") continue;
    const e = entry as Record<string, unknown>;
    const id = text(e.id);
    if (!id) continue;
    const rule: RuleInfo = { id };
    const severity = text(e.severity);
    if (severity) rule.severity = severity;
    const summary = text(e.summary);
    if (summary) rule.summary = summary;
    out.push(rule);
  }
  return out;
}

/** A rule id looks like `group/name`. */
export function isRuleId(id: string): boolean {
  return /^[a-z0-9-]+\/[a-z0-9-]+$/.test(id.trim());
}
