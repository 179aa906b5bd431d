#!/usr/bin/env python3
"""Whole-process throughput of `letterlint check` on a generated letter corpus.

usage: benches/check_throughput.py [--count N] [--runs R] [--threads T ...] [--generator PATH]
                                   [--binary PATH] [--extra-args "..."]

Generates N letters with the shared corpus generator (default ../shared/bench/gen_corpus.py,
deterministic), builds the release binary unless --binary is given, then runs
`letterlint check --format json --threads T DIR` R times per thread count and prints, for each,
the median wall time, MB/s (corpus bytes / median wall time) and peak resident memory
(from the kernel's rusage of that child alone).
"""
import argparse
import os
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def corpus(generator, count, out):
    marker = os.path.join(out, ".complete")
    if not os.path.exists(marker):
        subprocess.run([sys.executable, generator, "--count", str(count), "--out", out], check=True, stdout=subprocess.DEVNULL)
        open(marker, "w").close()
    total = 0
    for dirpath, _, files in os.walk(out):
        total += sum(os.path.getsize(os.path.join(dirpath, f)) for f in files if f.endswith(".md"))
    return total


def run_once(cmd):
    """Wall time, CPU time and peak RSS (MB) of one run of `cmd`, from the kernel's rusage of that
    child alone (`os.wait4`): RUSAGE_CHILDREN would report the largest process ever waited for,
    such as a compiler run by `cargo build` before the benchmark."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    stderr = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise SystemExit(f"check failed ({proc.returncode}): {stderr.decode()[-500:]}")
    cpu = usage.ru_utime + usage.ru_stime
    return wall, cpu, usage.ru_maxrss / 1024.0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=2000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--threads", type=int, nargs="*", default=[1, 0])
    ap.add_argument("--generator", default=os.path.join(ROOT, "..", "shared", "bench", "gen_corpus.py"))
    ap.add_argument("--binary")
    ap.add_argument("--extra-args", default="")
    args = ap.parse_args()
    if not os.path.exists(args.generator):
        raise SystemExit(f"generator not found: {args.generator} (pass --generator)")
    binary = args.binary
    if not binary:
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
        binary = os.path.join(ROOT, "target", "release", "letterlint")
    out = os.path.join(ROOT, "target", "bench-corpus", f"letters-{args.count}")
    size = corpus(args.generator, args.count, out)
    print(f"corpus: {args.count} letters, {size / 1e6:.2f} MB in {out}")
    for threads in args.threads:
        cmd = [binary, "check", "--format", "json", *args.extra_args.split(), out]
        if threads:
            cmd[2:2] = ["--threads", str(threads)]
        run_once(cmd)  # warm-up: page cache, lazy statics
        walls, cpus, rss = [], [], 0.0
        for _ in range(args.runs):
            wall, cpu, peak = run_once(cmd)
            walls.append(wall)
            cpus.append(cpu)
            rss = max(rss, peak)
        med = statistics.median(walls)
        label = f"{threads} thread(s)" if threads else f"all cores ({os.cpu_count()})"
        print(f"{label:18} median {med * 1000:8.1f} ms  {size / 1e6 / med:7.1f} MB/s wall  "
              f"{size / 1e6 / statistics.median(cpus):7.1f} MB/s per CPU-second  peak RSS {rss:.1f} MB")


if __name__ == "__main__":
    main()
