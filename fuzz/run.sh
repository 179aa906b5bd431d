#!/usr/bin/env bash
# Runs every fuzz target for SECONDS each (default 60), one after the other, with libFuzzer via
# cargo-fuzz on the nightly toolchain (installed here if missing). A crash fails the script; its
# input is left in fuzz/artifacts/<target>/ to be kept as a regression test under tests/.
#   fuzz/run.sh 60            # CI
#   fuzz/run.sh 600 lint      # one target, ten minutes
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-60}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(lint fix rope_edits)
fi
if ! rustup toolchain list | grep -q '^nightly'; then
  rustup toolchain install nightly --profile minimal
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
  cargo install cargo-fuzz --locked
fi
# Coverage-guided libFuzzer without a sanitizer: the code is safe Rust, and panics, overflow and
# debug assertions are what is looked for.
cargo +nightly fuzz build -s none -a
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
  cargo +nightly fuzz run -s none -a "$target" "corpus/$target" "${seeds[@]}" -- \
    -max_total_time="$seconds" -max_len=8192 -timeout=30 -rss_limit_mb=4096 -print_final_stats=1
done
