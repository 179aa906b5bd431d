#!/usr/bin/env python3
"""Checks `letterlint check --fix --unsafe-fixes` over a folder of letters (the lead runs it on
../shared/corpus/letters in .ci/run):

- no fix introduces a finding: per rule, the findings after fixing are at most those before;
- every letter keeps its line ends (LF or CRLF) and byte-order mark;
- a second `--fix --unsafe-fixes` changes no byte.

Usage: tests/corpus_fix_check.py target/debug/letterlint ../shared/corpus/letters
Exits 1 on a failed check, 2 on a usage error.
"""

import collections
import datetime
import json
import pathlib
import shutil
import subprocess
import sys
import tempfile


def run(binary, args, cwd):
    return subprocess.run([binary, *args], cwd=cwd, capture_output=True, text=True)


def counts(binary, now, cwd, extra=()):
    out = run(binary, ["check", "--now", now, "--format", "json", *extra, "."], cwd)
    if out.returncode not in (0, 1):
        sys.exit(f"corpus_fix_check: letterlint failed ({out.returncode}): {out.stderr}")
    per_rule = collections.Counter()
    for letter in json.loads(out.stdout)["files"]:
        for finding in letter["diagnostics"]:
            per_rule[finding["rule"]] += 1
    return per_rule, out.stderr


def snapshot(folder):
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.md"))}


def line_style(data):
    crlf = data.count(b"\r\n")
    lf = data.count(b"\n")
    return (data.startswith(b"\xef\xbb\xbf"), "crlf" if crlf and crlf == lf else "lf" if crlf == 0 else "mixed")


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    binary = str(pathlib.Path(sys.argv[1]).resolve())
    corpus = pathlib.Path(sys.argv[2])
    # Index and read-me files (`INDEX.md`) describe the corpus; they are not letters.
    letters = sorted(p for p in corpus.glob("*.md") if not p.stem.isupper())
    if not letters:
        print(f"corpus_fix_check: no letters in {corpus}", file=sys.stderr)
        return 2
    now = datetime.date.today().isoformat()
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        work = pathlib.Path(tmp)
        for letter in letters:
            # The contents only: the corpus may be read-only, the copies must not be.
            shutil.copyfile(letter, work / letter.name)
        original = snapshot(work)
        before, _ = counts(binary, now, work)
        after, fix_log = counts(binary, now, work, ["--fix", "--unsafe-fixes"])
        fixed = snapshot(work)
        changed = [name for name in fixed if fixed[name] != original[name]]
        for rule in sorted(after):
            # Unsafe fixes insert skeletons of missing parts whose `[...]` blanks the writer must
            # fill; `text/placeholder` reports them until then, by design.
            if rule == "text/placeholder":
                continue
            if after[rule] > before[rule]:
                failures.append(f"fixes introduced findings of {rule}: {before[rule]} before, {after[rule]} after")
        for name in changed:
            if line_style(original[name]) != line_style(fixed[name]):
                failures.append(f"{name}: line ends or byte-order mark changed: {line_style(original[name])} -> {line_style(fixed[name])}")
        for line in fix_log.splitlines():
            if "still changed" in line or "cannot" in line or "changed while" in line:
                failures.append(line)
        _, second_log = counts(binary, now, work, ["--fix", "--unsafe-fixes"])
        again = snapshot(work)
        for name in again:
            if again[name] != fixed[name]:
                failures.append(f"{name}: a second --fix changed the letter again")
        if "fixed " in second_log:
            failures.append(f"a second --fix still applied fixes: {second_log.strip()}")
    n_before, n_after = sum(before.values()), sum(after.values())
    print(f"corpus fix check: {len(letters)} letters, {len(changed)} changed by fixes, findings {n_before} -> {n_after}")
    for rule in sorted(set(before) | set(after)):
        print(f"  {rule}: {before[rule]} -> {after[rule]}")
    for failure in failures:
        print(f"FAIL {failure}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
