#!/usr/bin/env bash
# `make lighthouse`: Lighthouse 12 (npm) with Debian's chromium on five pages, mobile settings,
# against the built site served with gzip on 127.0.0.1, RUNS times each (3 unless set); the table
# shows each page's lowest score per category over the runs. A benchmark: it prints numbers, it
# never fails a build.
set -euo pipefail
cd "$(dirname "$0")/.."
SITE=${SITE:-site}
PORT=${PORT:-8765}
RUNS=${RUNS:-3}
PAGES=("" "anatomy/iliopsoas/" "exercises/glute-bridge/" "routines/ten-minute-routine/" "red-flags/")

command -v chromium >/dev/null || { echo "lighthouse needs Debian's chromium: apt-get install chromium" >&2; exit 1; }
if [ ! -x build/lighthouse/node_modules/.bin/lighthouse ]; then
  mkdir -p build/lighthouse
  (cd build/lighthouse && npm init -y >/dev/null && npm install --no-audit --no-fund --silent lighthouse@12.8.2)
fi

.venv/bin/python tools/serve_gzip.py "$SITE" "$PORT" &
SERVER=$!
trap 'kill $SERVER' EXIT
sleep 1

rm -rf build/lighthouse/reports
mkdir -p build/lighthouse/reports
FLAGS="--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync --disable-dev-shm-usage"
for run in $(seq "$RUNS"); do
  for page in "${PAGES[@]}"; do
    name=${page//\//_}; name=${name:-home}
    CHROME_PATH="$(command -v chromium)" build/lighthouse/node_modules/.bin/lighthouse \
      "http://127.0.0.1:$PORT/$page" --quiet --output=json --output-path="build/lighthouse/reports/$name.$run.json" \
      --chrome-flags="$FLAGS" --only-categories=performance,accessibility,best-practices,seo >/dev/null 2>&1 \
      || echo "lighthouse failed on /$page (run $run)" >&2
  done
done
.venv/bin/python tools/lighthouse_table.py build/lighthouse/reports
