#!/usr/bin/env bash
# Runs every fuzz target for SECONDS each (default 60), one after the other, with libFuzzer via
# cargo-fuzz (nightly if installed, else stable with RUSTC_BOOTSTRAP). A crash fails the script; its
# input is left in fuzz/artifacts/<target>/ to be kept as a regression test under tests/.
#   FUZZ_DEV=1 fuzz/run.sh 30 # CI
#   fuzz/run.sh 600 lint      # one target, ten minutes
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-60}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(lint fix rope_edits)
fi
# cargo-fuzz passes nightly flags to rustc: use a nightly toolchain when there is one, else the
# machine's stable toolchain with those flags allowed (RUSTC_BOOTSTRAP), so that no toolchain
# has to be downloaded.
if [ -z "${FUZZ_STABLE:-}" ] && rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
  toolchain=(+nightly)
else
  toolchain=()
  export RUSTC_BOOTSTRAP=1
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
  cargo install cargo-fuzz --locked
fi
# Coverage-guided libFuzzer without a sanitizer: the code is safe Rust, and panics, overflow and
# debug assertions are what is looked for.
# FUZZ_DEV=1 (CI) builds letterlint without optimisations: it builds in a few minutes instead of a
# quarter of an hour on two cores, for a short run that replays the regressions and explores a
# little. Its hot dependencies are optimised (fuzz/Cargo.toml) and comparisons are not traced:
# tracing every comparison (libFuzzer's value profile) made an input cost ~0.2 s; without both,
# a 30-second run executes 2.4 times as many inputs (11 per second) and reaches more coverage.
mode=(-s none -a)
if [ "${FUZZ_DEV:-0}" = 1 ]; then
  mode+=(--dev --no-trace-compares)
fi
cargo "${toolchain[@]}" fuzz build "${mode[@]}"
for target in "${targets[@]}"; do
  mkdir -p "corpus/$target"
  # Seeds to start from, and the crashes found before (run first: they must pass now).
  seeds=()
  for extra in "seeds/$target" "regressions/$target"; do
    if [ -d "$extra" ]; then
      seeds+=("$extra")
    fi
  done
  echo "== fuzz $target for ${seconds}s"
  cargo "${toolchain[@]}" fuzz run "${mode[@]}" "$target" "corpus/$target" "${seeds[@]}" -- \
    -max_total_time="$seconds" -max_len=8192 -timeout=30 -rss_limit_mb=4096 -print_final_stats=1
done
