#!/usr/bin/env bash
# The class report in headless Chromium: `tests/report_browser.sh BIN` writes the report of
# tests/fixtures/class, loads it as file:// in Debian's `chromium`, fails on any console message
# (the page has no script, so any message is an error) or a DOM without the report's sections,
# and keeps screenshots at target/report-screenshot.png and target/report-screenshot-zh-CN.png
# (CI artefacts).
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:?usage: tests/report_browser.sh path/to/letterlint}
bin=$(realpath "$bin")
browser=$(command -v chromium || command -v chromium-browser || true)
[ -n "$browser" ] || { echo "report_browser: chromium is not installed (apt-get install -y chromium)" >&2; exit 1; }

out=target/report-browser
rm -rf "$out" && mkdir -p "$out"
"$bin" report tests/fixtures/class --html "$out/report.html" --json "$out/report.json"
"$bin" report tests/fixtures/class --html "$out/report-zh-CN.html" --locale zh-CN
n_letters=$(find tests/fixtures/class -name '*.md' | wc -l)

profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
chrome() {
  timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" --enable-logging=stderr --v=0 "$@"
}

# Console messages appear in Chromium's log as `INFO:CONSOLE` lines (errors, warnings, logs).
check_console() {
  if grep -E ':CONSOLE[:(]' "$1" >/dev/null; then
    echo "report_browser: console messages while loading $2:" >&2
    grep -E ':CONSOLE[:(]' "$1" >&2
    exit 1
  fi
}

for page in report report-zh-CN; do
  url="file://$(realpath "$out/$page.html")"
  chrome --dump-dom "$url" >"$out/$page.dom.html" 2>"$out/$page.dom.log" || { cat "$out/$page.dom.log" >&2; exit 1; }
  check_console "$out/$page.dom.log" "$page.html"
  # The browser built the whole page: the summary table, the chart, the rubric and every letter.
  for id in summary rules letters rubric; do
    grep -q "id=\"$id\"" "$out/$page.dom.html" || { echo "report_browser: $page: no #$id in the DOM" >&2; exit 1; }
  done
  sections=$(grep -o '<section class="letter"' "$out/$page.dom.html" | wc -l)
  [ "$sections" -eq "$n_letters" ] || { echo "report_browser: $page: $sections letter sections, expected $n_letters" >&2; exit 1; }
  grep -q '</html>' "$out/$page.dom.html" || { echo "report_browser: $page: the DOM is cut short" >&2; exit 1; }
done
grep -q '班级报告' "$out/report-zh-CN.dom.html" || { echo "report_browser: the zh-CN page has no Chinese title" >&2; exit 1; }

# Screenshots (the Chinese page needs a CJK font, e.g. Debian's fonts-wqy-zenhei, to be legible).
for page in report report-zh-CN; do
  shot="target/${page/report/report-screenshot}.png"
  rm -f "$shot"
  chrome --hide-scrollbars --window-size=1280,2400 --screenshot="$PWD/$shot" "file://$(realpath "$out/$page.html")" \
    >"$out/$page.screenshot.out" 2>"$out/$page.screenshot.log" || { cat "$out/$page.screenshot.log" >&2; exit 1; }
  check_console "$out/$page.screenshot.log" "$page.html (screenshot)"
  [ -s "$shot" ] || { echo "report_browser: no screenshot was written to $shot" >&2; exit 1; }
done
echo "report_browser: $n_letters letters, no console message; screenshots at target/report-screenshot.png and target/report-screenshot-zh-CN.png"
