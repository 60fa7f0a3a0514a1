#!/usr/bin/env bash
# distribution-service (issue 16), in one run:
#  1. ERN: building and schema-validating the DDEX ERN 4.3 message of a 30-track album with the
#     service's own builder, warm (target <= 50 ms), against the same build marshalled without
#     the schema;
#  2. delivery: a 12-track album of 24-bit stereo WAVs (3 to 4 minutes each, about 650 MB)
#     delivered by the service jar's own worker (catalogue fed by events, release created and
#     submitted over HTTP, originals streamed from S3) to a reference store over SFTP, against
#     OpenSSH's `sftp -b` (key auth, the cipher the service negotiates) putting the same files
#     to the same store, alternating peer, service, peer, service (updates: the batch again),
#     ...; the throughput ratio of each service run to the peer runs around it (target >= 0.8)
#     and the service's heap growth from its GC log (target <= 64 MB).
#
#   bench/distribution/run.sh
#   BENCH_TRACKS=3 BENCH_PARTS=delivery bench/distribution/run.sh    # a quick look
#
# It builds distribution-service's jar and the bench module through the reactor, with the
# class path of distribution-service's tests (the reference store, S3Proxy, the test key set),
# then compiles the benchmark in bench/distribution/src against it. Needs a JDK 25, OpenSSH's
# sftp and ssh-keygen (apt-get install openssh-client), PostgreSQL (BENCH_POSTGRES,
# BENCH_POSTGRES_USER, BENCH_POSTGRES_PASSWORD; default postgres@127.0.0.1) and Redis
# (REDIS_URL). Settings: BENCH_PARTS (ern,delivery), BENCH_TRACKS (12), BENCH_RUNS (3 service
# runs), BENCH_SFTP_CIPHER (aes128-gcm@openssh.com, the peer's), BENCH_SAMPLE_RATE
# (44100), BENCH_PORT (18306), BENCH_JAVA_OPTS for the service (-Xms256m -Xmx512m),
# BENCH_ERN_WARMUPS (300), BENCH_ERN_ITERATIONS (1000), DISTRIBUTION_JAR. The generated WAVs
# stay in bench/distribution/target/wav for the next run.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
for tool in sftp ssh-keygen; do
	command -v "$tool" >/dev/null || { echo "$tool is missing: apt-get install -y openssh-client" >&2; exit 2; }
done
mkdir -p "$here/target/classes"
(cd "$root" && ./mvnw -B -q -pl bench,distribution-service -am package -DskipTests -Dspotless.check.skip=true \
	-Dcheckstyle.skip=true dependency:build-classpath -Dmdep.includeScope=test \
	-Dmdep.outputFile=target/classpath-test.txt) >&2
classpath="$root/bench/target/classes:$(cat "$root/bench/target/classpath.txt"):$root/distribution-service/target/classes"
classpath+=":$(cat "$root/distribution-service/target/classpath-test.txt")"
"$JAVA_HOME/bin/javac" -nowarn -d "$here/target/classes" -cp "$classpath" $(find "$here/src" -name '*.java')
key="$here/target/sender-key"
[ -f "$key" ] || ssh-keygen -q -t ecdsa -b 256 -N '' -C bench-distribution -f "$key"
exec "$JAVA_HOME/bin/java" -Xmx1g -cp "$here/target/classes:$classpath" com.notalabel.bench.distribution.DeliveryBenchmark \
	"${DISTRIBUTION_JAR:-$root/distribution-service/target}" "$here/target" "$key"
