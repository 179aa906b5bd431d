#!/usr/bin/env python3
"""How well the reply, policy and tone rules read replies in French, German, Portuguese, Italian,
Russian and Spanish.

usage: benches/reply_languages.py [BINARY] [SET_DIR ...]

Each set under benches/data/replies-i18n/ holds 36 short seller replies (six per language, half
good, half with one to three faults) written for this measurement, and LABELS.md naming each
letter's faults with a tag. A fault is found when one of the rules its tag maps to reports the
letter; an unlabelled finding is a warning or error of any other rule (spelling aside, since the
English dictionary does not read these languages). Sets 2 and 3 were used to tune the cues. Set 4
was first measured untouched (24/38 faults found, 17 unlabelled warnings and errors, 10 of them on
good letters); three small fixes came from its false positives since, so it is no longer unseen:
measure new rules on letters written after them.
"""
import collections, json, os, re, subprocess, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TAG = {
    "generic-apology": ["tone/non-apology", "reply/apology"],
    "vague-time": ["reply/expectations", "reply/solution"],
    "one-option": ["reply/options"],
    "vague-photo": ["reply/photo-request"],
    "blame": ["tone/blame"],
    "off-platform-contact": ["policy/off-platform-contact"],
    "off-platform-payment": ["policy/off-platform-payment"],
    "review-manipulation": ["policy/review-manipulation"],
    "customs-misdeclaration": ["policy/customs-misdeclaration"],
    "early-confirmation": ["policy/early-confirmation"],
    "no-time-zone": ["reply/work-hours"],
    "no-tracking": ["reply/tracking"],
}
IGNORED = ("text/spelling", "text/joined-words", "text/split-word")


def measure(binary, folder):
    labels = {}
    for line in open(os.path.join(folder, "LABELS.md"), encoding="utf-8"):
        m = re.match(r"-?\s*(\S+\.md)\s+—\s+(\S+)\s+—\s+(GOOD|FLAWED)(?:\s+—\s+(.*))?", line.strip())
        if m:
            labels[m.group(1)] = (m.group(3), [t.strip() for t in (m.group(4) or "").split(",") if t.strip()])
    cmd = [binary, "check", "--format", "json", "--now", "2026-12-01"] + [os.path.join(folder, f) for f in labels]
    report = json.loads(subprocess.run(cmd, capture_output=True, text=True).stdout)
    found = {os.path.basename(f["path"]): f["diagnostics"] for f in report["files"]}
    hits, totals, unlabelled, on_good = collections.Counter(), collections.Counter(), 0, 0
    for name, (quality, tags) in labels.items():
        diagnostics = [d for d in found.get(name, []) if not d["rule"].startswith(IGNORED)]
        rules = {d["rule"] for d in diagnostics}
        used = set()
        for tag in tags:
            totals[tag] += 1
            matched = [r for r in TAG.get(tag, []) if r in rules]
            if matched:
                hits[tag] += 1
                used.update(matched)
        for d in diagnostics:
            if d["rule"] not in used and d["severity"] in ("warning", "error"):
                unlabelled += 1
                on_good += quality == "GOOD"
    return sum(hits.values()), sum(totals.values()), unlabelled, on_good, hits, totals


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "target", "release", "letterlint")
    base = os.path.join(ROOT, "benches", "data", "replies-i18n")
    folders = sys.argv[2:] or [os.path.join(base, d) for d in sorted(os.listdir(base))]
    for folder in folders:
        hit, total, unlabelled, on_good, hits, totals = measure(binary, folder)
        print(f"{os.path.basename(folder)}: faults found {hit}/{total} ({hit / max(total, 1):.2f}), "
              f"unlabelled warnings and errors {unlabelled} ({on_good} on good letters)")
        for tag in sorted(totals):
            print(f"  {tag:24} {hits[tag]}/{totals[tag]}")


if __name__ == "__main__":
    main()
