#!/usr/bin/env bash
# Sign-ins of user-service under a crowd (issue 13), against their peer in the same run: 200
# accounts signing in at the same moment, then clients signing in one after another for 30 s,
# through the running service jar; then the raw Argon2id verification of a stored hash on every
# core. Prints sign-ins/s, p50/p99, the 5xx count (target 0) and the ratio to the direct rate.
#
#   ./mvnw -pl user-service -am package -DskipTests && bench/login/run.sh
#
# Needs a JDK 25, PostgreSQL (a role that may create databases; BENCH_POSTGRES,
# BENCH_POSTGRES_USER, BENCH_POSTGRES_PASSWORD; default postgres@127.0.0.1) and Redis
# (REDIS_URL, default the local one). Settings: BENCH_LOGINS (200), BENCH_CLIENTS (32),
# BENCH_DURATION (30s), BENCH_HASH_SECONDS (10), BENCH_PORT (18302), BENCH_JAVA_OPTS for the
# service (-Xms256m -Xmx512m), USER_JAR.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="$here/target"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
jar="${USER_JAR:-$(ls "$root"/user-service/target/user-service-*.jar 2>/dev/null | grep -v original | head -n 1 || true)}"
[ -n "$jar" ] && [ -f "$jar" ] || {
	echo "run.sh: no user-service jar; build it: ./mvnw -pl user-service -am package -DskipTests" >&2
	exit 1
}

# The Argon2id encoder (spring-security-crypto, Bouncy Castle) and the PostgreSQL driver, taken
# from the service jar itself: the very versions the service runs.
rm -rf "$work/classes" "$work/lib"
mkdir -p "$work/classes" "$work/lib"
(cd "$work/lib" && "$JAVA_HOME/bin/jar" xf "$jar" BOOT-INF/lib)
classpath="$work/lib/BOOT-INF/lib/*"
"$JAVA_HOME/bin/javac" -nowarn -d "$work/classes" -cp "$classpath" "$here/LoginBenchmark.java"
exec "$JAVA_HOME/bin/java" -Xmx1g -cp "$work/classes:$classpath" LoginBenchmark "$jar" "$work"
