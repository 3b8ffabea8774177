#!/usr/bin/env bash
# Regenerates docs/exam-screenshot.png (used by the README) from a real exam rendered by headless Chromium.
# Needs: npm run build, chromium, fonts-noto-cjk.
set -euo pipefail
cd "$(dirname "$0")/.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
node bin/cnn-drill.js exam --seed 5 --count 3 --topic conv --answers --lang en --output "$work/exam.html"
chromium --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
  --disable-sync --no-first-run --user-data-dir="$work/profile" --hide-scrollbars \
  --window-size=900,1100 --screenshot="$PWD/docs/exam-screenshot.png" "file://$work/exam.html" 2>/dev/null
echo "wrote docs/exam-screenshot.png"
