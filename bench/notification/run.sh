#!/usr/bin/env bash
# notification-service's live stream under a crowd (issue 19), against a bare Spring MVC SSE
# endpoint in the same run: 10,000 event streams held by one instance while 500 notifications
# a second are published, on a 256 MB heap. Prints, for each, the connections held, the
# event-to-client p50/p99/max, the live heap after a full GC and the resident memory, then the
# ratios and the issue's targets (heap <= 256 MB, p99 <= 250 ms).
#
#   bench/notification/run.sh
#   BENCH_CONNECTIONS=1000 BENCH_DURATION=10 bench/notification/run.sh     # a quick look
#
# The service's notifications travel its whole path: a TrackProcessingFailed appended to
# music-service's Redis stream as its outbox relay appends it, the consumer's transaction
# (inbox row, preferences), Redis pub/sub, the person's open stream. The peer
# (bench/notification/peer: the Boot starter, one SseEmitter per connection, nothing else)
# writes a stamped event to a random connection from a timer in its own process. Both run
# with the same JVM options, one after the other; the client is one NIO selector thread in
# the benchmark's JVM (com.notalabel.bench.notification).
#
# It builds notification-service's jar and the bench module through the reactor
# (bench/classpath.sh) and the peer from its own pom. Needs a JDK 25, PostgreSQL (a role that may
# create databases: BENCH_POSTGRES, BENCH_POSTGRES_USER, BENCH_POSTGRES_PASSWORD; default
# postgres@127.0.0.1) and Redis (REDIS_URL, default the local one). It raises the open-file limit
# (each side holds one socket per connection). Settings: BENCH_CONNECTIONS (10000), BENCH_RATE
# (500 a second), BENCH_DURATION (30 s measured) after BENCH_WARMUP (10 s), BENCH_PORT (18401;
# the peer on the next one), BENCH_JAVA_OPTS for both servers (-Xms256m -Xmx256m),
# NOTIFICATION_JAR, BENCH_PEER_SERVER (tomcat, or jetty: the peer on Jetty), BENCH_SKIP_SERVICE
# (set to 1: measure the peer only). Figures and the servers' logs stay in bench/notification/target/.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
# 10,000 sockets in the client and as many in each server, plus their jars and pipes.
ulimit -Hn 65536 2>/dev/null || true
ulimit -n "$(ulimit -Hn)"
[ "$(ulimit -n)" -ge 12000 ] || { echo "run.sh: the open-file limit is $(ulimit -n); 12000 or more is needed" >&2; exit 1; }

classpath="$("$here/../classpath.sh" notification-service)"
profile=()
[ "${BENCH_PEER_SERVER:-tomcat}" = jetty ] && profile=(-Pjetty)
(cd "$root" && ./mvnw -B -q -f bench/notification/peer/pom.xml clean package "${profile[@]}" -DskipTests \
	-Dspotless.check.skip=true -Dcheckstyle.skip=true) >&2
peer_jar=$(ls "$here"/peer/target/bench-bare-sse-*.jar | grep -v original | head -n 1)
mkdir -p "$here/target"
exec "$JAVA_HOME/bin/java" -Xmx1g -cp "$classpath" com.notalabel.bench.notification.SseBenchmark \
	"${NOTIFICATION_JAR:-$root/notification-service/target}" "$peer_jar" "$here/target"
