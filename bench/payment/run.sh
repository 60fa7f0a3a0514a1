#!/usr/bin/env bash
# payment-service posting a million-line store report (issue 18): analytics.EarningsRecorded
# events (10,000 lines each) written to analytics-service's stream, consumed and posted by the
# service jar (10 % fee, three-way splits, one balanced journal entry per line); against a bare
# JDBC batch INSERT of the same rows into the same tables, before and after. Prints postings/s
# (target >= 20,000) and the ratio to the bare INSERT (target >= 0.3).
#
#   bench/payment/run.sh
#   BENCH_LINES=100000 bench/payment/run.sh     # a quick look
#
# It builds payment-service's jar and the bench module (com.notalabel.bench.payment) through the
# reactor first. Needs a JDK 25, PostgreSQL (a role that may create databases; BENCH_POSTGRES,
# BENCH_POSTGRES_USER, BENCH_POSTGRES_PASSWORD; default postgres@127.0.0.1) and Redis (REDIS_URL,
# default the local one). Settings: BENCH_LINES (1000000), BENCH_LINES_PER_EVENT (10000),
# BENCH_TRACKS (100), BENCH_PORT (18308), BENCH_JAVA_OPTS for the service (-Xms512m -Xmx1g),
# PAYMENT_JAR. The service consumes analytics.EarningsRecorded once analytics' record is in
# shared-types' KnownEvents; before that the benchmark says so and exits 2.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
classpath="$("$here/../classpath.sh" payment-service)"
exec "$JAVA_HOME/bin/java" -Xmx2g -cp "$classpath" com.notalabel.bench.payment.PostingBenchmark "${PAYMENT_JAR:-$here/../../payment-service/target}" "$here/target"
