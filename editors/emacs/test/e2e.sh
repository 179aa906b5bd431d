#!/bin/sh
# Runs the headless Emacs end-to-end test (eglot + flymake) against a letterlint binary.
# Usage: editors/emacs/test/e2e.sh [path/to/letterlint]   (default: target/debug/letterlint)
# Needs Emacs 28 with eglot (Debian: emacs-nox elpa-eglot) or Emacs 29+.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../.." && pwd)
bin=${1:-${LETTERLINT_BIN:-$repo/target/debug/letterlint}}
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
[ -x "$bin" ] || { echo "no letterlint binary at $bin; run cargo build" >&2; exit 2; }
command -v emacs >/dev/null || { echo "emacs is not installed" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# A letter where every text rule fires once: text/time-format on `18:00pm`.
cp "$repo/tests/fixtures/letters/text-rules.md" "$work/letter.md"
# --batch loads site-start (Debian's elpa packages: eglot, markdown-mode) but no init file.
LETTERLINT_BIN=$bin LETTERLINT_EMACS_ROOT=$here/.. LETTERLINT_LETTER=$work/letter.md \
  timeout 120 emacs --batch -l "$here/e2e.el"
