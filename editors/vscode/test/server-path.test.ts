import { strict as assert } from "assert";
import { test } from "node:test";

import { expandConfigured, ResolveInput, resolveServer } from "../src/lib/server-path";

function input(overrides: Partial<ResolveInput>, executables: string[]): ResolveInput {
  return {
    configured: "",
    workspaceFolders: ["/work/letters"],
    env: { PATH: "/usr/local/bin:/usr/bin" },
    platform: "linux",
    home: "/home/lena",
    isExecutable: (f) => executables.includes(f),
    ...overrides,
  };
}

test("the binary on PATH is found in PATH order", () => {
  const r = resolveServer(input({}, ["/usr/bin/letterlint", "/usr/local/bin/letterlint"]));
  assert.deepEqual(r, { ok: true, path: "/usr/local/bin/letterlint", source: "PATH" });
});

test("cargo's bin folder is the fallback, CARGO_HOME first", () => {
  assert.deepEqual(resolveServer(input({}, ["/home/lena/.cargo/bin/letterlint"])), {
    ok: true,
    path: "/home/lena/.cargo/bin/letterlint",
    source: "cargo",
  });
  const custom = input({ env: { PATH: "/usr/bin", CARGO_HOME: "/opt/cargo" } }, ["/opt/cargo/bin/letterlint"]);
  assert.deepEqual(resolveServer(custom), { ok: true, path: "/opt/cargo/bin/letterlint", source: "cargo" });
});

test("not found: the message says where it looked and how to install", () => {
  const r = resolveServer(input({}, []));
  assert.equal(r.ok, false);
  assert.ok(!r.ok && r.message.includes("not found on PATH or in /home/lena/.cargo/bin"));
  assert.ok(!r.ok && r.message.includes("cargo install --path ."));
  assert.ok(!r.ok && r.message.includes("letterlint.path"));
});

test("the setting wins over PATH, with ~ and ${workspaceFolder} expanded", () => {
  const onPath = "/usr/bin/letterlint";
  assert.deepEqual(resolveServer(input({ configured: "~/bin/letterlint" }, [onPath, "/home/lena/bin/letterlint"])), {
    ok: true,
    path: "/home/lena/bin/letterlint",
    source: "setting",
  });
  assert.deepEqual(
    resolveServer(input({ configured: "${workspaceFolder}/target/debug/letterlint" }, [onPath, "/work/letters/target/debug/letterlint"])),
    { ok: true, path: "/work/letters/target/debug/letterlint", source: "setting" },
  );
  assert.equal(expandConfigured("tools/letterlint", input({}, [])), "/work/letters/tools/letterlint");
});

test("a setting naming a missing file is an error, not a silent fallback to PATH", () => {
  const r = resolveServer(input({ configured: "/opt/letterlint" }, ["/usr/bin/letterlint"]));
  assert.equal(r.ok, false);
  assert.ok(!r.ok && r.message.includes("no executable at /opt/letterlint"));
});

test("a bare command name in the setting is looked up on PATH", () => {
  assert.deepEqual(resolveServer(input({ configured: "letterlint-dev" }, ["/usr/bin/letterlint-dev"])), {
    ok: true,
    path: "/usr/bin/letterlint-dev",
    source: "setting",
  });
  assert.equal(resolveServer(input({ configured: "letterlint-dev" }, [])).ok, false);
});

test("Windows: PATHEXT names and ; separated PATH", () => {
  const r = resolveServer(
    input(
      { platform: "win32", env: { Path: "C:\\tools;C:\\bin", PATHEXT: ".COM;.EXE" }, home: "C:\\Users\\lena", workspaceFolders: [] },
      ["C:\\bin\\letterlint.exe"],
    ),
  );
  assert.deepEqual(r, { ok: true, path: "C:\\bin\\letterlint.exe", source: "PATH" });
});
