// The VS Code settings under `letterlint.*` mapped to what the server reads
// (src/lsp/settings.rs `ClientSettings`: kind, platform, locale, inlayHints, rules).
// No `vscode` import: unit-tested with plain node.

export const KINDS = ["appeal", "reply"] as const;
export const PLATFORMS = ["wish", "aliexpress", "amazon", "ebay", "etsy", "shopee", "walmart", "generic"] as const;
export const LOCALES = ["en", "zh-CN"] as const;
export const SEVERITIES = ["error", "warning", "info", "hint", "off"] as const;

/** The settings the server accepts, as sent in `initializationOptions` and
 * `workspace/didChangeConfiguration` (wrapped in `letterlint`). */
export interface ServerSettings {
  kind?: string;
  platform?: string;
  locale?: string;
  inlayHints: boolean;
  rules: Record<string, string>;
}

export interface Mapped {
  settings: ServerSettings;
  /** Values that were dropped, to show the writer. */
  problems: string[];
}

/** The value of a choice setting, or undefined for `auto`, empty or a wrong value. */
function choice(name: string, value: unknown, allowed: readonly string[], problems: string[]): string | undefined {
  if (value === undefined || value === null || value === "" || value === "auto") {
    return undefined;
  }
  if (typeof value === "string" && allowed.includes(value)) {
    return value;
  }
  problems.push(`letterlint.${name} = ${JSON.stringify(value)} is ignored; use auto, ${allowed.join(", ")}`);
  return undefined;
}

/** Maps the raw `letterlint.*` settings (as `getConfiguration("letterlint").get(...)` returns
 * them) to the server's settings. `auto` and empty values are left out so the letter's front
 * matter and `letterlint.toml` decide. */
export function toServerSettings(raw: Record<string, unknown>): Mapped {
  const problems: string[] = [];
  const settings: ServerSettings = { inlayHints: raw.inlayHints === true, rules: {} };
  const kind = choice("kind", raw.kind, KINDS, problems);
  if (kind) settings.kind = kind;
  const platform = choice("platform", raw.platform, PLATFORMS, problems);
  if (platform) settings.platform = platform;
  const locale = choice("locale", raw.locale, LOCALES, problems);
  if (locale) settings.locale = locale;
  const rules = raw.rules;
  if (rules !== undefined && rules !== null) {
    if (typeof rules !== "object" || Array.isArray(rules)) {
      problems.push("letterlint.rules must be an object of rule id or prefix to severity");
    } else {
      for (const [rule, severity] of Object.entries(rules as Record<string, unknown>)) {
        const id = rule.trim();
        if (id === "") continue;
        if (typeof severity === "string" && (SEVERITIES as readonly string[]).includes(severity)) {
          settings.rules[id] = severity;
        } else {
          problems.push(`letterlint.rules["${id}"] = ${JSON.stringify(severity)} is ignored; use ${SEVERITIES.join(", ")}`);
        }
      }
    }
  }
  return { settings, problems };
}

/** The payload of `workspace/didChangeConfiguration`. */
export function didChangeConfigurationParams(settings: ServerSettings): { settings: { letterlint: ServerSettings } } {
  return { settings: { letterlint: settings } };
}
