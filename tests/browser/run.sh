#!/usr/bin/env bash
# Browser journeys for dacsan on a phone-sized Chromium.
# Usage: bash tests/browser/run.sh [extra node --test args]   (from any directory)
# Env: DACSAN_BIN (default ../../target/debug/dacsan, relative to this folder),
#      CHROMIUM_PATH (default /usr/bin/chromium), KEEP_TMP=1 to keep the server's temp dir.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"

if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  echo "run.sh: installing Debian's chromium" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium >/dev/null
fi

if [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/qrcode-generator ]; then
  echo "run.sh: npm ci" >&2
  npm ci --no-audit --no-fund
fi

bin="${DACSAN_BIN:-../../target/debug/dacsan}"
case "$bin" in /*) ;; *) bin="$here/$bin" ;; esac
if [ ! -x "$bin" ]; then
  echo "run.sh: no dacsan binary at $bin; build it with 'cargo build --bin dacsan' or set DACSAN_BIN" >&2
  exit 1
fi
export DACSAN_BIN="$bin"

rm -f screenshots/FAILED-*.png
exec node --test --test-concurrency=1 --test-reporter=spec "$@" journeys.test.mjs phone.test.mjs
