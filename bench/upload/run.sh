#!/usr/bin/env bash
# Upload throughput and memory of music-service (issue 5), in one run against one S3 server:
# a generated 1 GiB WAV POSTed through the running service jar (streamed to S3 as a multipart
# upload) and the same file PUT directly with the AWS SDK; prints both throughputs, their
# ratio (target >= 0.5) and the service's heap growth during the upload (target <= 64 MB).
#
#   ./mvnw -pl music-service -am package -DskipTests && bench/upload/run.sh
#
# Needs a JDK 25, PostgreSQL (a role that may create databases; BENCH_POSTGRES,
# BENCH_POSTGRES_USER, BENCH_POSTGRES_PASSWORD; default postgres@127.0.0.1) and Redis
# (REDIS_URL, default the local one). S3Proxy runs inside the benchmark's JVM over a
# filesystem store under bench/upload/target. Settings: BENCH_SIZE_MB (1024), BENCH_RUNS (2),
# BENCH_PORT (18303), BENCH_JAVA_OPTS for the service (-Xms256m -Xmx512m), MUSIC_JAR.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="$here/target"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
jar="${MUSIC_JAR:-$(ls "$root"/music-service/target/music-service-*.jar 2>/dev/null | grep -v original | head -n 1 || true)}"
[ -n "$jar" ] && [ -f "$jar" ] || {
	echo "run.sh: no music-service jar; build it: ./mvnw -pl music-service -am package -DskipTests" >&2
	exit 1
}

mkdir -p "$work/classes"
cd "$root"
# S3Proxy, the AWS SDK and the PostgreSQL driver, from music-service's test class path.
./mvnw -B -q -o -pl music-service dependency:build-classpath -Dmdep.includeScope=test \
	-Dmdep.outputFile="$work/classpath.txt"
classpath="$(cat "$work/classpath.txt")"
"$JAVA_HOME/bin/javac" -nowarn -d "$work/classes" -cp "$classpath" "$here/UploadBenchmark.java"
exec "$JAVA_HOME/bin/java" -Xmx1g -cp "$work/classes:$classpath" UploadBenchmark "$jar" "$work"
