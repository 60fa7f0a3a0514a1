#!/usr/bin/env bash
# The audio engine's benchmark (issue 6): full analysis of a 4-minute 44.1 kHz stereo track on
# one core, loudness and true peak against `ffmpeg -af ebur128=peak=true`, the AAC rendition
# against the ffmpeg program with the same settings, and memory against the track's length.
# Everything runs pinned to one core (taskset, -XX:ActiveProcessorCount=1); the ffmpeg
# program is bytedeco's, from the same artifact as the engine's libraries.
#
#   bench/audio/run.sh            # 4-minute speed runs (5 each), 4 and 40-minute memory runs
#   RUNS=9 CORE=1 bench/audio/run.sh
#
# The bundled ffmpeg program links libavdevice, which needs libpulse.so.0 (Debian/Ubuntu:
# apt-get install libpulse0); the engine itself does not.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
runs="${RUNS:-5}"
core="${CORE:-0}"
work="$here/target"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
java="$JAVA_HOME/bin/java"

mkdir -p "$work/classes" "$work/audio"
cd "$root"
# The engine depends on no other module of the reactor: it builds on its own.
./mvnw -B -q -pl audio-engine test-compile -Dspotless.check.skip=true -Dcheckstyle.skip=true
./mvnw -B -q -pl audio-engine dependency:build-classpath -Dmdep.includeScope=test \
	-Dmdep.outputFile="$work/classpath.txt"
classpath="$root/audio-engine/target/classes:$root/audio-engine/target/test-classes:$(cat "$work/classpath.txt")"
"$JAVA_HOME/bin/javac" -d "$work/classes" -cp "$classpath" "$here/AudioBenchmark.java"
classpath="$work/classes:$classpath"

pin=()
if command -v taskset >/dev/null; then
	pin=(taskset -c "$core")
fi
jvm=("${pin[@]}" "$java" --enable-native-access=ALL-UNNAMED -XX:ActiveProcessorCount=1 -cp "$classpath")

if [[ ! -f "$work/audio/mix-4min.wav" || ! -f "$work/audio/mix-40min.wav" ]]; then
	"${jvm[@]}" -Xmx1g com.notalabel.audio.engine.AudioBenchmark generate "$work/audio" 4 40
fi

echo "== one core: ${pin[*]:-no taskset} -XX:ActiveProcessorCount=1; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
"${jvm[@]}" -Xmx256m com.notalabel.audio.engine.AudioBenchmark speed "$work/audio/mix-4min.wav" "$runs"
"${jvm[@]}" -Xmx256m com.notalabel.audio.engine.AudioBenchmark cold "$work/audio/mix-4min.wav"
echo "== memory against length, each in a JVM capped at 48 MB of heap"
"${jvm[@]}" -Xmx48m com.notalabel.audio.engine.AudioBenchmark memory "$work/audio/mix-4min.wav"
"${jvm[@]}" -Xmx48m com.notalabel.audio.engine.AudioBenchmark memory "$work/audio/mix-40min.wav"
