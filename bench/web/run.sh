#!/bin/sh
# The web app's figures (see run.mjs): Lighthouse on the signed-in dashboard against the landing
# page, and the waveform's draw time for a 10-minute track against a 20-second one, in Debian's
# chromium. Needs the platform running with its web app (./platform up with Node.js installed)
# and chromium (/usr/bin/chromium or CHROMIUM_PATH); signs up one artist and uploads two tracks.
# Usage: bench/web/run.sh   (BENCH_RUNS=3 for a quick look)
set -eu
cd "$(dirname "$0")"
if ! curl -fs -o /dev/null "${NAL_WEB_URL:-http://127.0.0.1:3000}/"; then
	echo "The web app does not answer at ${NAL_WEB_URL:-http://127.0.0.1:3000}: start the platform with ./platform up" >&2
	exit 1
fi
# Its own dependencies (Lighthouse, playwright-core), from its committed lock file; never a browser.
PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
exec node run.mjs
