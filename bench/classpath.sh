#!/usr/bin/env bash
# Builds the bench module, and the modules named (the services whose jars a benchmark starts),
# through the reactor, then prints bench's class path: the jars that build just made and their
# dependencies, for `java -cp`. Every bench/*/run.sh calls it; Maven's own output goes to stderr.
#
#   classpath=$(bench/classpath.sh music-service)
#
# Formatting and Checkstyle are left to `./mvnw verify`: a benchmark run does not fail on them.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
modules=bench
for module in "$@"; do
	modules+=",$module"
done
(cd "$root" && ./mvnw -B -q -pl "$modules" -am package -DskipTests -Dspotless.check.skip=true \
	-Dcheckstyle.skip=true) >&2
echo "$root/bench/target/classes:$(cat "$root/bench/target/classpath.txt")"
