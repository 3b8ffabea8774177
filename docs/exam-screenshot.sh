#!/usr/bin/env bash
# Regenerates docs/exam-screenshot.png (English) and docs/exam-screenshot-ko.png (Korean), used by the
# README, from real exams rendered by headless Chromium. Needs: npm run build, chromium, fonts-noto-cjk.
set -euo pipefail
cd "$(dirname "$0")/.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
shoot() { # lang, output png, exam options…
  local lang="$1" png="$2"
  shift 2
  node bin/cnn-drill.js exam "$@" --answers --lang "$lang" --output "$work/exam-$lang.html" >/dev/null
  chromium --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
    --disable-sync --no-first-run --user-data-dir="$work/profile-$lang" --hide-scrollbars \
    --window-size=900,1100 --screenshot="$PWD/$png" "file://$work/exam-$lang.html" 2>/dev/null
  echo "wrote $png"
}
shoot en docs/exam-screenshot.png --seed 5 --count 3 --topic conv
shoot ko docs/exam-screenshot-ko.png --seed 2026 --count 4
