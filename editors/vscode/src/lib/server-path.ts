// Where the `letterlint` binary is: the `letterlint.path` setting, else `PATH`, else
// `~/.cargo/bin` (where `cargo install` puts it; a desktop-launched VS Code often lacks it on PATH).
// No `vscode` import: unit-tested with plain node.

import * as path from "path";

export interface ResolveInput {
  /** The `letterlint.path` setting ("" when unset). */
  configured: string;
  /** Workspace folders' file system paths, first one first. */
  workspaceFolders: string[];
  env: Record<string, string | undefined>;
  platform: string;
  home: string;
  /** Whether a file exists and may be run. */
  isExecutable: (file: string) => boolean;
}

export type Resolved = { ok: true; path: string; source: "setting" | "PATH" | "cargo" } | { ok: false; message: string };

export const INSTALL_HINT =
  "Install it with `cargo install --path .` from a letterlint checkout, or set `letterlint.path` to the binary.";

function pathApi(platform: string): path.PlatformPath {
  return platform === "win32" ? path.win32 : path.posix;
}

/** Expands `~` and `${workspaceFolder}`, and makes a relative path absolute from the first
 * workspace folder. */
export function expandConfigured(configured: string, input: Pick<ResolveInput, "workspaceFolders" | "home" | "platform">): string {
  const p = pathApi(input.platform);
  let file = configured.trim();
  const folder = input.workspaceFolders[0];
  if (folder !== undefined) {
    file = file.split("${workspaceFolder}").join(folder);
  }
  if (file === "~" || file.startsWith("~/") || file.startsWith("~\\")) {
    file = p.join(input.home, file.slice(1));
  }
  if (!p.isAbsolute(file) && folder !== undefined && /[\\/]/.test(file)) {
    file = p.join(folder, file);
  }
  return file;
}

/** Candidate names of the binary in one folder (with `PATHEXT` on Windows). */
function candidates(dir: string, input: ResolveInput): string[] {
  const p = pathApi(input.platform);
  if (input.platform !== "win32") {
    return [p.join(dir, "letterlint")];
  }
  const exts = (input.env.PATHEXT ?? ".EXE;.CMD;.BAT").split(";").filter((e) => e !== "");
  return exts.map((ext) => p.join(dir, "letterlint" + ext.toLowerCase()));
}

/** Finds the first of `names` on `PATH` (a bare name in the setting is looked up there too). */
function searchPath(input: ResolveInput, bare?: string): string | undefined {
  const p = pathApi(input.platform);
  const sep = input.platform === "win32" ? ";" : ":";
  const dirs = (input.env.PATH ?? input.env.Path ?? "").split(sep).filter((d) => d !== "");
  for (const dir of dirs) {
    const files = bare === undefined ? candidates(dir, input) : [p.join(dir, bare)];
    for (const file of files) {
      if (input.isExecutable(file)) return file;
    }
  }
  return undefined;
}

export function resolveServer(input: ResolveInput): Resolved {
  const p = pathApi(input.platform);
  if (input.configured.trim() !== "") {
    const file = expandConfigured(input.configured, input);
    if (!p.isAbsolute(file) && !/[\\/]/.test(file)) {
      // A bare command name such as `letterlint-nightly`: look it up on PATH.
      const found = searchPath(input, file);
      if (found) return { ok: true, path: found, source: "setting" };
      return { ok: false, message: `letterlint.path is \`${input.configured}\`, which is not on PATH. ${INSTALL_HINT}` };
    }
    if (input.isExecutable(file)) return { ok: true, path: file, source: "setting" };
    return {
      ok: false,
      message: `letterlint.path is \`${input.configured}\`, but there is no executable at ${file}. ${INSTALL_HINT}`,
    };
  }
  const onPath = searchPath(input);
  if (onPath) return { ok: true, path: onPath, source: "PATH" };
  const cargoHome = input.env.CARGO_HOME ?? p.join(input.home, ".cargo");
  for (const file of candidates(p.join(cargoHome, "bin"), input)) {
    if (input.isExecutable(file)) return { ok: true, path: file, source: "cargo" };
  }
  return { ok: false, message: `letterlint was not found on PATH or in ${p.join(cargoHome, "bin")}. ${INSTALL_HINT}` };
}
