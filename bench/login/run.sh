#!/usr/bin/env bash
# Sign-ins of user-service under a crowd (issue 13), against their peer in the same run: 200
# accounts signing in at the same moment, then clients signing in one after another for 30 s,
# through the running service jar; then the raw Argon2id verification of a stored hash on every
# core. Prints sign-ins/s, p50/p99, the 5xx count (target 0) and the ratio to the direct rate.
#
#   bench/login/run.sh
#   BENCH_LOGINS=20 BENCH_DURATION=5s BENCH_HASH_SECONDS=2 bench/login/run.sh     # a quick look
#
# It builds user-service's jar and the bench module (com.notalabel.bench.login) through the
# reactor first; the Argon2id encoder it measures directly is the one user-service runs (the
# same managed spring-security-crypto and Bouncy Castle). Needs a JDK 25, PostgreSQL (a role
# that may create databases; BENCH_POSTGRES, BENCH_POSTGRES_USER, BENCH_POSTGRES_PASSWORD;
# default postgres@127.0.0.1) and Redis (REDIS_URL, default the local one). Settings:
# BENCH_LOGINS (200), BENCH_CLIENTS (32), BENCH_DURATION (30s), BENCH_HASH_SECONDS (10),
# BENCH_PORT (18302), BENCH_JAVA_OPTS for the service (-Xms256m -Xmx512m), USER_JAR.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
classpath="$("$here/../classpath.sh" user-service)"
exec "$JAVA_HOME/bin/java" -Xmx1g -cp "$classpath" com.notalabel.bench.login.LoginBenchmark "${USER_JAR:-$here/../../user-service/target}" "$here/target"
