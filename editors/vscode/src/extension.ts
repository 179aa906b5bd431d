// The VS Code client of `letterlint lsp`. The logic that needs no editor lives in src/lib/.
import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as vscode from "vscode";
import {
  DidChangeConfigurationNotification,
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  TransportKind,
} from "vscode-languageclient/node";

import { findChecklistLens, Lens, statusText } from "./lib/checklist";
import {
  isRuleId,
  isUnknownSubcommand,
  newLetterArgs,
  parseRules,
  parseTemplates,
  platformChoices,
  templatePick,
} from "./lib/cli";
import { resolveServer } from "./lib/server-path";
import { didChangeConfigurationParams, PLATFORMS, toServerSettings } from "./lib/settings";

const FIX_ALL_KIND = "source.fixAll.letterlint";
const EXPLAIN_SCHEME = "letterlint-explain";

let client: LanguageClient | undefined;
let serverPath: string | undefined;
let output: vscode.OutputChannel;
let statusItem: vscode.StatusBarItem;
const explanations = new Map<string, string>();

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function settingsFor(scope?: vscode.Uri) {
  const config = vscode.workspace.getConfiguration("letterlint", scope);
  const mapped = toServerSettings({
    kind: config.get("kind"),
    platform: config.get("platform"),
    locale: config.get("locale"),
    inlayHints: config.get("inlayHints"),
    rules: config.get("rules"),
  });
  for (const problem of mapped.problems) {
    output.appendLine(problem);
  }
  return mapped.settings;
}

function findServer(): string | undefined {
  const configured = vscode.workspace.getConfiguration("letterlint").get<string>("path") ?? "";
  const resolved = resolveServer({
    configured,
    workspaceFolders: (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.fsPath),
    env: process.env,
    platform: process.platform,
    home: os.homedir(),
    isExecutable,
  });
  if (resolved.ok) {
    output.appendLine(`letterlint: using ${resolved.path} (from ${resolved.source})`);
    return resolved.path;
  }
  output.appendLine(resolved.message);
  void vscode.window.showErrorMessage(resolved.message, "Open Settings").then((choice) => {
    if (choice === "Open Settings") {
      void vscode.commands.executeCommand("workbench.action.openSettings", "letterlint.path");
    }
  });
  return undefined;
}

async function startClient(context: vscode.ExtensionContext): Promise<void> {
  serverPath = findServer();
  if (!serverPath) {
    return;
  }
  const serverOptions: ServerOptions = {
    command: serverPath,
    args: ["lsp"],
    transport: TransportKind.stdio,
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: "file", language: "markdown" },
      { scheme: "untitled", language: "markdown" },
    ],
    initializationOptions: settingsFor(),
    outputChannel: output,
    synchronize: {
      fileEvents: vscode.workspace.createFileSystemWatcher("**/letterlint.toml"),
    },
  };
  client = new LanguageClient("letterlint", "letterlint", serverOptions, clientOptions);
  try {
    await client.start();
  } catch (err) {
    void vscode.window.showErrorMessage(`letterlint: the language server (${serverPath} lsp) did not start: ${String(err)}`);
    client = undefined;
    return;
  }
  context.subscriptions.push({ dispose: () => void client?.stop() });
  void updateStatus();
}

async function stopClient(): Promise<void> {
  const running = client;
  client = undefined;
  if (running) {
    await running.stop();
  }
}

/** Runs the CLI and returns its standard output; rejects with its error output. */
function runCli(args: string[], cwd?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const bin = serverPath ?? findServer();
    if (!bin) {
      reject(new Error("letterlint is not installed"));
      return;
    }
    execFile(bin, args, { cwd, maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err && stdout === "") {
        reject(new Error(stderr.trim() || err.message));
      } else {
        resolve(stdout);
      }
    });
  });
}

async function fixAll(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== "markdown") {
    void vscode.window.showInformationMessage("letterlint: open a Markdown letter first.");
    return;
  }
  const doc = editor.document;
  const whole = new vscode.Range(0, 0, doc.lineCount, 0);
  const actions =
    (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
      "vscode.executeCodeActionProvider",
      doc.uri,
      whole,
      FIX_ALL_KIND,
    )) ?? [];
  const action = actions.find(
    (a): a is vscode.CodeAction => "kind" in a && a.kind !== undefined && a.kind.value === FIX_ALL_KIND,
  );
  if (!action || (!action.edit && !action.command)) {
    void vscode.window.showInformationMessage("letterlint: nothing to fix safely in this letter.");
    return;
  }
  if (action.edit) {
    await vscode.workspace.applyEdit(action.edit);
  }
  if (action.command) {
    await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
  }
}

/** The letterlint rule id of the diagnostic under the cursor, if any. */
function ruleAtCursor(): string | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const position = editor.selection.active;
  for (const d of vscode.languages.getDiagnostics(editor.document.uri)) {
    if (d.source !== "letterlint" || !d.range.contains(position)) continue;
    const code = typeof d.code === "object" && d.code !== null ? d.code.value : d.code;
    if (code !== undefined) return String(code);
  }
  return undefined;
}

async function explainRule(arg?: unknown): Promise<void> {
  let id = typeof arg === "string" ? arg : undefined;
  if (!id) {
    const atCursor = ruleAtCursor();
    let items: vscode.QuickPickItem[] = [];
    try {
      items = parseRules(await runCli(["rules", "--format", "json"])).map((r) => ({
        label: r.id,
        description: r.severity,
        detail: r.summary,
      }));
    } catch (err) {
      output.appendLine(`letterlint rules: ${String(err)}`);
    }
    if (atCursor) {
      items.sort((a, b) => Number(b.label === atCursor) - Number(a.label === atCursor));
    }
    if (items.length > 0) {
      id = (await vscode.window.showQuickPick(items, { placeHolder: "Rule to explain", matchOnDetail: true }))?.label;
    } else {
      id = await vscode.window.showInputBox({
        prompt: "Rule id to explain",
        value: atCursor ?? "",
        placeHolder: "text/placeholder",
        validateInput: (v) => (isRuleId(v) ? undefined : "A rule id looks like group/name, e.g. text/placeholder"),
      });
    }
  }
  if (!id) return;
  const args = ["explain", id.trim()];
  const locale = settingsFor().locale;
  if (locale) args.push("--locale", locale);
  let text: string;
  try {
    text = await runCli(args);
  } catch (err) {
    void vscode.window.showErrorMessage(`letterlint explain ${id}: ${(err as Error).message}`);
    return;
  }
  const uri = vscode.Uri.from({ scheme: EXPLAIN_SCHEME, path: `/${id.trim()}.md` });
  explanations.set(uri.toString(), text);
  try {
    await vscode.commands.executeCommand("markdown.showPreview", uri);
  } catch {
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc, { preview: true });
  }
}

async function newLetter(): Promise<void> {
  let json: string;
  try {
    const locale = settingsFor().locale;
    json = await runCli(["templates", "--format", "json", ...(locale ? ["--locale", locale] : [])]);
  } catch (err) {
    const message = (err as Error).message;
    void vscode.window.showErrorMessage(
      isUnknownSubcommand(message)
        ? "letterlint: this letterlint has no templates yet; update it (`cargo install --path .` from a current checkout)."
        : `letterlint templates: ${message}`,
    );
    return;
  }
  let templates;
  try {
    templates = parseTemplates(json);
  } catch (err) {
    void vscode.window.showErrorMessage(`letterlint templates: unreadable output: ${(err as Error).message}`);
    return;
  }
  if (templates.length === 0) {
    void vscode.window.showInformationMessage("letterlint: no templates are available.");
    return;
  }
  const picked = await vscode.window.showQuickPick(
    templates.map((t) => ({ ...templatePick(t), template: t })),
    { placeHolder: "Letter template", matchOnDescription: true, matchOnDetail: true },
  );
  if (!picked) return;
  const template = picked.template;
  const configured = settingsFor().platform;
  let platform = configured && template.platforms?.length && !template.platforms.includes(configured) ? undefined : configured;
  const choices = platformChoices(template, PLATFORMS, configured);
  if (choices.length > 0) {
    const choice = await vscode.window.showQuickPick(choices, { placeHolder: `Marketplace for ${template.id}` });
    if (choice === undefined) return;
    platform = choice;
  }
  let language: string | undefined;
  if (template.languages && template.languages.length > 1) {
    language = await vscode.window.showQuickPick(template.languages, { placeHolder: `Language of ${template.id}` });
    if (language === undefined) return;
  }
  let text: string;
  try {
    text = await runCli(newLetterArgs(template.id, { platform, language }));
  } catch (err) {
    void vscode.window.showErrorMessage(`letterlint new ${template.id}: ${(err as Error).message}`);
    return;
  }
  const doc = await vscode.workspace.openTextDocument({ language: "markdown", content: text });
  await vscode.window.showTextDocument(doc);
}

let statusTimer: NodeJS.Timeout | undefined;

function scheduleStatus(): void {
  if (statusTimer) clearTimeout(statusTimer);
  statusTimer = setTimeout(() => void updateStatus(), 300);
}

async function updateStatus(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  const enabled = vscode.workspace.getConfiguration("letterlint").get<boolean>("statusBar", true);
  if (!enabled || !client || !editor || editor.document.languageId !== "markdown") {
    statusItem.hide();
    return;
  }
  const doc = editor.document;
  try {
    const lenses = await client.sendRequest<Lens[] | null>("textDocument/codeLens", {
      textDocument: { uri: client.code2ProtocolConverter.asUri(doc.uri) },
    });
    const lens = findChecklistLens(lenses);
    if (!lens?.command || vscode.window.activeTextEditor?.document !== doc) {
      if (!lens?.command) statusItem.hide();
      return;
    }
    const status = statusText(lens.command.title);
    statusItem.text = status.text;
    statusItem.tooltip = `${status.tooltip}\nClick for the letter's parts.`;
    statusItem.show();
  } catch (err) {
    output.appendLine(`letterlint: checklist: ${String(err)}`);
    statusItem.hide();
  }
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel("letterlint");
  statusItem = vscode.window.createStatusBarItem("letterlint.checklist", vscode.StatusBarAlignment.Left, 10);
  statusItem.name = "letterlint checklist";
  statusItem.command = "workbench.action.gotoSymbol";
  context.subscriptions.push(
    output,
    statusItem,
    vscode.workspace.registerTextDocumentContentProvider(EXPLAIN_SCHEME, {
      provideTextDocumentContent: (uri) => explanations.get(uri.toString()) ?? "",
    }),
    vscode.commands.registerCommand("letterlint.fixAll", fixAll),
    vscode.commands.registerCommand("letterlint.explainRule", explainRule),
    vscode.commands.registerCommand("letterlint.newLetter", newLetter),
    vscode.commands.registerCommand("letterlint.restart", async () => {
      await stopClient();
      await startClient(context);
    }),
    vscode.window.onDidChangeActiveTextEditor(() => scheduleStatus()),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === vscode.window.activeTextEditor?.document) scheduleStatus();
    }),
    vscode.languages.onDidChangeDiagnostics(() => scheduleStatus()),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (!e.affectsConfiguration("letterlint")) return;
      if (e.affectsConfiguration("letterlint.path") || !client) {
        await stopClient();
        await startClient(context);
        return;
      }
      await client.sendNotification(DidChangeConfigurationNotification.type, didChangeConfigurationParams(settingsFor()));
      scheduleStatus();
    }),
  );
  await startClient(context);
}

export async function deactivate(): Promise<void> {
  if (statusTimer) clearTimeout(statusTimer);
  await stopClient();
}
