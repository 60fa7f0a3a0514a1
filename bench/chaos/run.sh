#!/usr/bin/env bash
# The chaos-and-fuzz suite (issue 13) against the running platform: start it first with
# `./platform up`, then from the repository root:
#
#   bench/chaos/run.sh
#   CHAOS_PARTS=fuzz bench/chaos/run.sh                            # only the bad-input matrix
#   CHAOS_PARTS=faults CHAOS_KILL=music-service bench/chaos/run.sh  # one kill
#
# fuzz: reads every route from the gateway's OpenAPI documents (/api-docs/swagger-config)
# and sends each the bad-input matrix, as an artist of its own and without or with forged
# credentials. crowds: simultaneous sign-ins, stalled uploads beside other artists' uploads,
# a truncated upload. faults: kill -9 of every process in .platform/state.json, one at a
# time, under write traffic, then every accepted write, mail and TrackProcessed event is
# checked. Prints a table and writes it to bench/chaos/target/results.md; exits 1 on any
# violation, 2 when the platform is not up. A full run takes about 7 minutes.
#
# Settings: CHAOS_GATEWAY (http://127.0.0.1:3001), CHAOS_PARTS (fuzz,crowds,faults),
# CHAOS_FUZZ_PARALLEL (3 documents at once), CHAOS_LOGINS (200), CHAOS_ONE_ACCOUNT (8),
# CHAOS_STALLED (4), CHAOS_UPLOADERS (4), CHAOS_STALL_WAIT_SECONDS (120), CHAOS_KILL
# (every process; or a comma-separated list of names), CHAOS_WRITERS (3),
# CHAOS_LEAD_SECONDS (4, traffic before a kill), CHAOS_RESTART_SECONDS (180, to be ready
# again), CHAOS_SETTLE_SECONDS (12, 502/503 still wanted after it is ready: the breaker's
# wait), CHAOS_TAIL_SECONDS (5), CHAOS_SETTLED_SECONDS (240, for tracks and mails),
# CHAOS_REDIS_PREFIX (the platform's REDIS_KEY_PREFIX, empty).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
if ! curl -fsS -o /dev/null --max-time 5 "${CHAOS_GATEWAY:-http://127.0.0.1:3001}/readyz" 2>/dev/null; then
	echo "Nothing ready answers on ${CHAOS_GATEWAY:-http://127.0.0.1:3001}: start the platform with ./platform up first." >&2
	exit 2
fi
classpath="$("$here/../classpath.sh")"
exec "$JAVA_HOME/bin/java" -Xmx512m -cp "$classpath" com.notalabel.bench.chaos.ChaosSuite "$root" "$here/target"
