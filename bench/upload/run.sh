#!/usr/bin/env bash
# Upload throughput and memory of music-service (issue 5), in one run against one S3 server:
# a generated 1 GiB WAV POSTed through the running service jar (streamed to S3 as a multipart
# upload) and the same file PUT directly with the AWS SDK; prints both throughputs, their
# ratio (target >= 0.5) and the service's heap growth during the upload (target <= 64 MB).
#
#   bench/upload/run.sh
#   BENCH_SIZE_MB=128 BENCH_RUNS=1 bench/upload/run.sh     # a quick look
#
# It builds music-service's jar and the bench module (com.notalabel.bench.upload) through the
# reactor first. Needs a JDK 25, PostgreSQL (a role that may create databases; BENCH_POSTGRES,
# BENCH_POSTGRES_USER, BENCH_POSTGRES_PASSWORD; default postgres@127.0.0.1) and Redis
# (REDIS_URL, default the local one). S3Proxy (shared-test's LocalS3) runs inside the
# benchmark's JVM over a filesystem store under bench/upload/target. Settings: BENCH_SIZE_MB
# (1024), BENCH_RUNS (2), BENCH_PORT (18303), BENCH_JAVA_OPTS for the service (-Xms256m
# -Xmx512m), MUSIC_JAR.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
classpath="$("$here/../classpath.sh" music-service)"
# S3Proxy's Guice reads fields through sun.misc.Unsafe, which JDK 25 warns about on every run.
exec "$JAVA_HOME/bin/java" -Xmx1g --sun-misc-unsafe-memory-access=allow -cp "$classpath" com.notalabel.bench.upload.UploadBenchmark "${MUSIC_JAR:-$here/../../music-service/target}" "$here/target"
