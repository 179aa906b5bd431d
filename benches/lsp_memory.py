#!/usr/bin/env python3
"""Memory and start-up of `letterlint lsp` with many open letters (Python 3 standard library only).

usage: benches/lsp_memory.py [--count N] [--server CMD] [--corpus DIR] [--generator PATH]
                             [--settle-ms MS] [--timeout S] [--runs R] [--out FILE]

One command, e.g. `python3 benches/lsp_memory.py` (100 letters) or `--count 1`:

1. generates N letters with the shared deterministic generator (default
   ../shared/bench/gen_corpus.py) into target/bench-corpus/lsp-N/ (reused when present);
2. starts the server (default `target/release/letterlint lsp`, which must already be built),
   sends `initialize` and `initialized`, then opens all N letters at once (as an editor restoring
   a session does);
3. waits until every letter has had diagnostics published for the version it was opened with,
   then until no diagnostics have been published for --settle-ms (default 1000), so that
   diagnostics the server publishes again later (spelling once the dictionaries are loaded,
   grammar) are counted too;
4. reads VmHWM (peak) and VmRSS (current, and its parts RssAnon, the heap and stacks, and
   RssFile, the pages of the binary read so far) from /proc/PID/status, then shuts the server
   down.

Prints one JSON object per run (and writes the list to --out): times in milliseconds from
spawning the server to the first diagnostics of any letter (`first_diagnostics_ms`), to the
first diagnostics of every letter (`all_first_ms`), to the last publish (`settled_ms`); the
number of publishes; the server's CPU time (user + system, all threads, 10 ms ticks) when the
first diagnostics arrived and when it settled, which a loaded machine distorts less than wall
time; peak and current RSS in MB. With --runs R > 1 the median of each figure
follows.

Everything is bounded by --timeout (default 120 s): the server is killed when it passes.
"""
import argparse
import json
import os
import queue
import shlex
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def letters(generator, count, corpus):
    out = corpus or os.path.join(ROOT, "target", "bench-corpus", f"lsp-{count}")
    marker = os.path.join(out, ".complete")
    if not os.path.exists(marker):
        subprocess.run([sys.executable, generator, "--count", str(count), "--out", out],
                       check=True, stdout=subprocess.DEVNULL)
        open(marker, "w").close()
    paths = []
    for dirpath, _, files in os.walk(out):
        paths += [os.path.join(dirpath, f) for f in files if f.endswith(".md")]
    return sorted(paths)[:count]


def cpu_ms(pid):
    """User plus system CPU time of the process so far (all its threads), in milliseconds."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return round((int(fields[11]) + int(fields[12])) * 1000.0 / os.sysconf("SC_CLK_TCK"))


def status_mb(pid, key):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(key + ":"):
                return int(line.split()[1]) / 1024.0
    return None


class Server:
    def __init__(self, cmd):
        self.proc = subprocess.Popen(shlex.split(cmd), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.DEVNULL, cwd=ROOT)
        self.messages = queue.Queue()
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        out = self.proc.stdout
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    self.messages.put(None)
                    return
                line = line.strip()
                if not line:
                    break
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            body = out.read(length)
            self.messages.put((time.perf_counter(), json.loads(body)))

    def send(self, message):
        body = json.dumps(message).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def request(self, method, params):
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": self.next_id, "method": method, "params": params})
        return self.next_id

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def wait(self, deadline, until=None):
        """The next message, or None at the deadline (or when the server closed its output)."""
        while True:
            left = deadline - time.perf_counter()
            if left <= 0:
                return None
            try:
                item = self.messages.get(timeout=left if until is None else min(left, until))
            except queue.Empty:
                if until is not None:
                    return "quiet"
                continue
            if item is None:
                return None
            when, message = item
            if "id" in message and "method" in message:  # a request from the server: answer it
                self.send({"jsonrpc": "2.0", "id": message["id"], "result": None})
                continue
            return when, message


def run(args, paths):
    start = time.perf_counter()
    deadline = start + args.timeout
    server = Server(args.server)
    try:
        init = server.request("initialize", {"processId": os.getpid(), "rootUri": None,
                                             "capabilities": {}, "workspaceFolders": None})
        while True:
            got = server.wait(deadline)
            if got is None:
                raise SystemExit("no answer to initialize")
            if got[1].get("id") == init:
                break
        server.notify("initialized", {})
        versions = {}
        for path in paths:
            uri = "file://" + urllib.parse.quote(os.path.abspath(path))
            with open(path, encoding="utf-8") as f:
                text = f.read()
            versions[uri] = 1
            server.notify("textDocument/didOpen", {"textDocument": {
                "uri": uri, "languageId": "markdown", "version": 1, "text": text}})
        first = None
        first_cpu = None
        pending = set(versions)
        publishes = 0
        last = None
        all_first = None
        while True:
            got = server.wait(deadline, until=None if pending else args.settle_ms / 1000.0)
            if got is None:
                raise SystemExit(f"timed out with {len(pending)} letters still without diagnostics")
            if got == "quiet":
                break
            when, message = got
            if message.get("method") != "textDocument/publishDiagnostics":
                continue
            publishes += 1
            last = when
            if first is None:
                first = when
                first_cpu = cpu_ms(server.proc.pid)
            params = message["params"]
            if params.get("version") == versions.get(params["uri"]):
                pending.discard(params["uri"])
                if not pending and all_first is None:
                    all_first = when
        settled_cpu = cpu_ms(server.proc.pid)
        peak = status_mb(server.proc.pid, "VmHWM")
        current = status_mb(server.proc.pid, "VmRSS")
        anon = status_mb(server.proc.pid, "RssAnon")
        mapped = status_mb(server.proc.pid, "RssFile")
        shutdown = server.request("shutdown", None)
        while True:
            got = server.wait(deadline)
            if got is None or got[1].get("id") == shutdown:
                break
        server.notify("exit", None)
        server.proc.wait(timeout=max(1, deadline - time.perf_counter()))
        ms = lambda t: round((t - start) * 1000, 1)
        return {"letters": len(paths), "first_diagnostics_ms": ms(first), "all_first_ms": ms(all_first),
                "settled_ms": ms(last), "publishes": publishes,
                "cpu_ms_at_first": first_cpu, "cpu_ms_settled": settled_cpu,
                "peak_rss_mb": round(peak, 1), "rss_mb": round(current, 1),
                "rss_anon_mb": round(anon, 1), "rss_file_mb": round(mapped, 1)}
    finally:
        if server.proc.poll() is None:
            server.proc.kill()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=100)
    parser.add_argument("--server", default="target/release/letterlint lsp")
    parser.add_argument("--corpus", help="folder of letters (default target/bench-corpus/lsp-N, generated)")
    parser.add_argument("--generator", default=os.path.join(ROOT, "..", "shared", "bench", "gen_corpus.py"))
    parser.add_argument("--settle-ms", type=float, default=1000)
    parser.add_argument("--timeout", type=float, default=120)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--out")
    args = parser.parse_args()
    paths = letters(args.generator, args.count, args.corpus)
    results = []
    for _ in range(args.runs):
        result = run(args, paths)
        print(json.dumps(result), flush=True)
        results.append(result)
    if args.runs > 1:
        median = {k: statistics.median(r[k] for r in results) for k in results[0] if k != "letters"}
        print(json.dumps({"median": median}))
    if args.out:
        with open(args.out, "w") as f:
            json.dump(results, f, indent=1)


if __name__ == "__main__":
    main()
