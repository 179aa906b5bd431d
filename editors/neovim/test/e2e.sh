#!/bin/sh
# Runs the headless Neovim end-to-end test against a letterlint binary.
# Usage: editors/neovim/test/e2e.sh [path/to/letterlint]   (default: target/debug/letterlint)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../.." && pwd)
bin=${1:-${LETTERLINT_BIN:-$repo/target/debug/letterlint}}
if [ ! -x "$bin" ]; then
  (cd "$repo" && cargo build --quiet)
fi
command -v nvim >/dev/null || { echo "nvim is not installed" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$here/letter.md" "$work/letter.md"
LETTERLINT_BIN=$bin LETTERLINT_NVIM_ROOT=$here/.. LETTERLINT_LETTER=$work/letter.md \
  timeout 120 nvim --headless -u NONE -i NONE -n -c "luafile $here/e2e.lua"
