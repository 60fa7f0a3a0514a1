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
# It builds the bench module (com.notalabel.bench.audio.AudioBenchmark) and audio-engine through
# the reactor first. The bundled ffmpeg program links libavdevice, which needs libpulse.so.0
# (Debian/Ubuntu: apt-get install libpulse0); the engine itself does not.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
runs="${RUNS:-5}"
core="${CORE:-0}"
work="$here/target"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
java="$JAVA_HOME/bin/java"

classpath="$("$here/../classpath.sh")"
mkdir -p "$work/audio"

pin=()
if command -v taskset >/dev/null; then
	pin=(taskset -c "$core")
fi
jvm=("${pin[@]}" "$java" --enable-native-access=ALL-UNNAMED -XX:ActiveProcessorCount=1 -cp "$classpath")
benchmark=com.notalabel.bench.audio.AudioBenchmark

if [[ ! -f "$work/audio/mix-4min.wav" || ! -f "$work/audio/mix-40min.wav" ]]; then
	"${jvm[@]}" -Xmx1g "$benchmark" generate "$work/audio" 4 40
fi

echo "== one core: ${pin[*]:-no taskset} -XX:ActiveProcessorCount=1; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
"${jvm[@]}" -Xmx256m "$benchmark" speed "$work/audio/mix-4min.wav" "$runs"
"${jvm[@]}" -Xmx256m "$benchmark" cold "$work/audio/mix-4min.wav"
echo "== memory against length, each in a JVM capped at 48 MB of heap"
"${jvm[@]}" -Xmx48m "$benchmark" memory "$work/audio/mix-4min.wav"
"${jvm[@]}" -Xmx48m "$benchmark" memory "$work/audio/mix-40min.wav"
