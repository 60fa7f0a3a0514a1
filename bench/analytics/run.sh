#!/usr/bin/env bash
# analytics-service (issue 17), in one run against one PostgreSQL server:
#  1. import: a generated 1,000,000-line DSR file (5,000 recordings x 100 countries x 2
#     commercial models) POSTed to the running service jar, against a bare COPY of the same
#     rows into a plain table of the same server; rows/s of each, their ratio (target >= 0.7)
#     and the service's heap growth during the import (target <= 64 MB);
#  2. reads: overview and series p95 over the roll-ups of 2 years x 50 tracks x 100 countries x
#     8 stores (target <= 50 ms each);
#  3. plays through a gateway jar in front of the service: 2,000/s sustained, count in = count
#     stored.
#
#   bench/analytics/run.sh
#   BENCH_LINES=200000 BENCH_RUNS=1 BENCH_PLAYS_SECONDS=5 bench/analytics/run.sh   # a quick look
#
# It builds analytics-service's and the gateway's jars and the bench module through the reactor
# first. Needs a JDK 25, PostgreSQL (BENCH_POSTGRES, BENCH_POSTGRES_USER, BENCH_POSTGRES_PASSWORD;
# default postgres@127.0.0.1) and Redis (REDIS_URL). Settings: BENCH_LINES (1000000), BENCH_RUNS
# (2), BENCH_PORT (18305), BENCH_GATEWAY_PORT (18301), BENCH_READS (300), BENCH_PLAYS_RATE (2000),
# BENCH_PLAYS_SECONDS (20), BENCH_PLAYS_VISITORS (4096: client addresses, in X-Forwarded-For), BENCH_PARTS (import,reads,plays), BENCH_JAVA_OPTS for the service
# (-Xms256m -Xmx512m), ANALYTICS_JAR, GATEWAY_JAR.
# Plays also read BENCH_PLAYS_CLIENT (java, the JDK's HttpClient at BENCH_PLAYS_RATE; or wrk,
# Debian's wrk on BENCH_PLAYS_CONNECTIONS connections, 64, as fast as answered, after
# BENCH_PLAYS_WARMUP uncounted seconds, 10) and
# BENCH_GATEWAY_JAVA_OPTS (added to the gateway's -Xms128m -Xmx256m, e.g. -XX:StartFlightRecording).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
classpath="$("$here/../classpath.sh" analytics-service gateway)"
exec "$JAVA_HOME/bin/java" -Xmx1g -cp "$classpath" com.notalabel.bench.analytics.AnalyticsBenchmark \
	"${ANALYTICS_JAR:-$here/../../analytics-service/target}" "${GATEWAY_JAR:-$here/../../gateway/target}" \
	"$here/target"
