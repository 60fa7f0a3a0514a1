#!/usr/bin/env bash
# The gateway's own cost, measured against a minimal Spring Cloud Gateway in one run (issue 14):
#
#   minimal  wrk -> the smallest Spring Cloud Gateway app (bench/gateway/minimal: the starter, one
#            route, nothing else; the versions the root pom manages for the project) -> backend
#   bare     wrk -> the project's gateway, edge filters off (nal.gateway.filters.enabled=false) -> backend
#   full     wrk -> the project's gateway: token verification + revocation check + rate limit + routing
#
# The backend is a fixed JSON answer served by nginx; every peer gets the same request, access
# token included. The three JVMs run side by side; each is warmed up, then the peers are measured
# in turn, BENCH_ROUNDS times, the order rotating each round, so that whatever else the machine
# does falls on all three alike. For each measurement: throughput at BENCH_CONNECTIONS and the
# CPU time the peer's process spent per request (user + system from /proc, leaving out the JIT
# compiler's threads: compiling is a warm-up cost, not a cost per request). It prints every
# round, the medians and the ratios the issue sets targets for. Needs Debian's wrk and nginx
# (apt-get install -y wrk nginx), curl, a JDK 25 and a Redis (REDIS_URL, default the local one):
#
#   bench/gateway/run.sh
#
# It builds the gateway's jar and the bench module through the reactor (bench/classpath.sh) and
# the minimal app from its own pom; the token wrk sends and the key set the backend serves come
# from com.notalabel.bench.gateway.MintToken. Figures and wrk's output stay in
# bench/gateway/target/.
#
# BENCH_VARIANTS adds peers: the gateway without edge filters with more arguments, each measured
# in the same rounds and set against `bare`, which is how ADR 28 prices what every route keeps:
#
#   BENCH_VARIANTS='no-breaker=--nal.gateway.routing.circuit-breakers.enabled=false;no-metrics=--nal.gateway.routing.metrics.enabled=false' \
#     bench/gateway/run.sh
#
# Settings (environment): BENCH_DURATION (15s per measurement), BENCH_WARMUP (45s per peer),
# BENCH_ROUNDS (3), BENCH_CONNECTIONS (64), BENCH_THREADS (2), BENCH_PORT_BASE (18080: uses
# base .. base+3+variants and base+100 .. base+101+variants), BENCH_JAVA_OPTS (-Xms512m -Xmx512m),
# BENCH_VARIANTS (none), BENCH_JFR (set to 1: each JVM records a JFR profile into
# bench/gateway/target/<peer>.jfr; the recording costs CPU, so such a run's figures are for
# reading the profile, not for the README), GATEWAY_JAR, REDIS_URL.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA=$JAVA_HOME/bin/java
DURATION=${BENCH_DURATION:-15s}
WARMUP=${BENCH_WARMUP:-45s}
ROUNDS=${BENCH_ROUNDS:-3}
CONNECTIONS=${BENCH_CONNECTIONS:-64}
THREADS=${BENCH_THREADS:-2}
BASE=${BENCH_PORT_BASE:-18080}
JAVA_OPTS=${BENCH_JAVA_OPTS:--Xms512m -Xmx512m}
REDIS=${REDIS_URL:-redis://127.0.0.1:6379}
RESULTS=$HERE/target

BACKEND=$BASE
MINIMAL=$((BASE + 1))
BARE=$((BASE + 2))
FULL=$((BASE + 3))
BARE_MANAGEMENT=$((BASE + 100))
FULL_MANAGEMENT=$((BASE + 101))
PEERS=(minimal bare full)
declare -A VARIANT_ARGS
PORTS=($BACKEND $MINIMAL $BARE $FULL $BARE_MANAGEMENT $FULL_MANAGEMENT)
IFS=';' read -r -a variants <<<"${BENCH_VARIANTS:-}"
for variant in "${variants[@]}"; do
	[ -n "$variant" ] || continue
	name=${variant%%=*}
	[[ $name =~ ^[a-z0-9-]+$ && $variant == *=* ]] || { echo "run.sh: BENCH_VARIANTS entries are name=arguments" >&2; exit 1; }
	VARIANT_ARGS[$name]=${variant#*=}
	PEERS+=("$name")
	PORTS+=($((BASE + ${#PEERS[@]})) $((BASE + 100 + ${#PEERS[@]})))
done

fail() { echo "run.sh: $*" >&2; exit 1; }
command -v wrk >/dev/null || fail "wrk is missing: apt-get install -y wrk"
command -v nginx >/dev/null || fail "nginx is missing: apt-get install -y nginx"
command -v curl >/dev/null || fail "curl is missing: apt-get install -y curl"
java_version=$("$JAVA" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ { print $2 }')
[ "${java_version%%.*}" -ge 25 ] 2>/dev/null || fail "$JAVA is Java ${java_version:-?}; the gateway needs 25 (set JAVA_HOME)"
[ "$ROUNDS" -ge 1 ] 2>/dev/null || fail "BENCH_ROUNDS must be a positive number"
for port in "${PORTS[@]}"; do
	case $port in
	3000 | 300[1-8] | 9000 | 1025 | 8025) fail "port $port belongs to the local platform; set BENCH_PORT_BASE" ;;
	esac
	if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
		fail "port $port is taken; set BENCH_PORT_BASE"
	fi
done

BENCH_CLASSPATH=$("$HERE/../classpath.sh" gateway)
JAR=${GATEWAY_JAR:-$(ls "$ROOT"/gateway/target/gateway-*.jar 2>/dev/null | grep -v original | head -n 1 || true)}
[ -n "$JAR" ] && [ -f "$JAR" ] || fail "no gateway jar at ${GATEWAY_JAR:-gateway/target}"
(cd "$ROOT" && ./mvnw -B -q -f bench/gateway/minimal/pom.xml package -DskipTests -Dspotless.check.skip=true \
	-Dcheckstyle.skip=true) >&2
MINIMAL_JAR=$(ls "$HERE"/minimal/target/bench-minimal-gateway-*.jar | grep -v original | head -n 1)

mkdir -p "$RESULTS"
rm -f "$RESULTS"/*.txt "$RESULTS"/*.log "$RESULTS"/*.jfr
WORK=$(mktemp -d -t nal-gateway-bench.XXXXXX)
# nginx workers may run as another user; they read the key set from here.
chmod 755 "$WORK"
PIDS=()
cleanup() {
	for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
	for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
	[ -f "$WORK/backend/nginx.pid" ] && nginx -p "$WORK/backend/" -c nginx.conf -s stop 2>/dev/null || true
	rm -rf "$WORK"
}
trap cleanup EXIT

"$JAVA" -cp "$BENCH_CLASSPATH" com.notalabel.bench.gateway.MintToken "$WORK"
chmod 644 "$WORK/jwks.json"
TOKEN=$(cat "$WORK/token")
AUTHORIZATION="Authorization: Bearer $TOKEN"
REQUEST_PATH=/api/v1/tracks/0190a6e4-7c3a-7b2e-9f4d-1a2b3c4d5e6f

mkdir -p "$WORK/backend/logs"
cat >"$WORK/backend/nginx.conf" <<EOF
worker_processes auto;
pid $WORK/backend/nginx.pid;
error_log $WORK/backend/logs/error.log warn;
events { worker_connections 4096; }
http {
	access_log off;
	client_body_temp_path $WORK/backend/body;
	proxy_temp_path $WORK/backend/proxy;
	fastcgi_temp_path $WORK/backend/fastcgi;
	uwsgi_temp_path $WORK/backend/uwsgi;
	scgi_temp_path $WORK/backend/scgi;
	keepalive_requests 10000000;
	keepalive_timeout 75s;
	server {
		listen 127.0.0.1:$BACKEND;
		location = /.well-known/jwks.json { default_type application/json; alias $WORK/jwks.json; }
		location /api/v1/tracks/ {
			default_type application/json;
			return 200 '{"id":"0190a6e4-7c3a-7b2e-9f4d-1a2b3c4d5e6f","title":"Bench","durationMs":215000}';
		}
	}
}
EOF
nginx -p "$WORK/backend/" -c nginx.conf

declare -A PID_OF URL_OF
start_peer() { # name, port, ready path, java arguments... (environment: PEER_ENV)
	local name=$1 port=$2 ready=$3
	shift 3
	local recording=()
	if [ -n "${BENCH_JFR:-}" ]; then
		recording=("-XX:StartFlightRecording=filename=$RESULTS/$name.jfr,settings=profile")
	fi
	env "${PEER_ENV[@]}" "$JAVA" $JAVA_OPTS "${recording[@]}" "$@" >"$RESULTS/$name.log" 2>&1 &
	PIDS+=($!)
	PID_OF[$name]=$!
	URL_OF[$name]="http://127.0.0.1:$port$REQUEST_PATH"
	for _ in $(seq 1 240); do
		curl -sf -o /dev/null -H "$AUTHORIZATION" "http://127.0.0.1:$port$ready" 2>/dev/null && return 0
		kill -0 "${PID_OF[$name]}" 2>/dev/null || { tail -n 40 "$RESULTS/$name.log"; fail "the $name peer died"; }
		sleep 0.5
	done
	tail -n 40 "$RESULTS/$name.log"
	fail "the $name peer did not become ready"
}

gateway_env() { # port, management port
	PEER_ENV=(PORT="$1" MANAGEMENT_PORT="$2" MUSIC_SERVICE_URL="http://127.0.0.1:$BACKEND"
		JWKS_URI="http://127.0.0.1:$BACKEND/.well-known/jwks.json" REDIS_URL="$REDIS"
		REDIS_KEY_PREFIX="nal-bench:$$:" RATE_LIMIT_USER_LIMIT=1000000000 RATE_LIMIT_USER_PERIOD=1s LOG_FORMAT=)
}

expect_status() { # expected status, url, curl arguments...
	local expected=$1 url=$2
	shift 2
	local status
	status=$(curl -s -o /dev/null -w '%{http_code}' "$@" "$url")
	[ "$status" = "$expected" ] || fail "$url answered $status, expected $expected"
}

# CPU time (user + system, in clock ticks) the process has used so far, leaving out the JIT
# compiler's threads.
cpu_ticks() {
	for task in /proc/"$1"/task/*; do
		[ -r "$task/stat" ] && cat "$task/comm" "$task/stat" 2>/dev/null
	done | awk 'NR % 2 == 1 { compiler = ($0 ~ /CompilerThre/) ; next }
		!compiler { sub(/^.*\) /, ""); total += $12 + $13 } END { print total + 0 }'
}
TICKS_PER_SECOND=$(getconf CLK_TCK)

declare -A RPS CPU
measure() { # name, round
	local name=$1 round=$2 out="$RESULTS/$1-round$2.txt" before after requests
	before=$(cpu_ticks "${PID_OF[$name]}")
	wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -H "$AUTHORIZATION" "${URL_OF[$name]}" >"$out"
	after=$(cpu_ticks "${PID_OF[$name]}")
	if grep -q "Non-2xx or 3xx responses\|Socket errors" "$out"; then
		cat "$out"
		fail "the $name peer answered errors under load"
	fi
	requests=$(awk '/requests in/ { print $1 }' "$out")
	RPS[$name,$round]=$(awk '/Requests\/sec/ { printf "%.0f", $2 }' "$out")
	CPU[$name,$round]=$(awk -v ticks=$((after - before)) -v hz="$TICKS_PER_SECOND" -v n="$requests" \
		'BEGIN { printf "%.1f", ticks * 1000000 / hz / n }')
	printf '  round %d  %-12s %8s req/s  %7s us CPU/request\n' "$round" "$name" "${RPS[$name,$round]}" \
		"${CPU[$name,$round]}"
}

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "Gateway benchmark: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the start," \
	"$("$JAVA" -version 2>&1 | head -n 1)"
echo "wrk -t$THREADS -c$CONNECTIONS; each peer warmed up for $WARMUP, then $ROUNDS rounds of $DURATION per peer"

expect_status 200 "http://127.0.0.1:$BACKEND$REQUEST_PATH"
PEER_ENV=(PORT="$MINIMAL" BACKEND_URL="http://127.0.0.1:$BACKEND")
start_peer minimal "$MINIMAL" "$REQUEST_PATH" -jar "$MINIMAL_JAR"
gateway_env "$BARE" "$BARE_MANAGEMENT"
start_peer bare "$BARE" /readyz -jar "$JAR" --nal.gateway.filters.enabled=false
gateway_env "$FULL" "$FULL_MANAGEMENT"
start_peer full "$FULL" /readyz -jar "$JAR"
for index in "${!PEERS[@]}"; do
	name=${PEERS[$index]}
	[ -n "${VARIANT_ARGS[$name]+set}" ] || continue
	gateway_env $((BASE + index + 1)) $((BASE + 100 + index + 1))
	# Word splitting is wanted: the entry is a list of arguments.
	# shellcheck disable=SC2086
	start_peer "$name" $((BASE + index + 1)) /readyz -jar "$JAR" --nal.gateway.filters.enabled=false ${VARIANT_ARGS[$name]}
done
expect_status 200 "${URL_OF[minimal]}" -H "$AUTHORIZATION"
expect_status 200 "${URL_OF[bare]}" -H "$AUTHORIZATION"
# The chain is on: no token, no answer; with the token, the backend's.
expect_status 401 "${URL_OF[full]}"
expect_status 200 "${URL_OF[full]}" -H "$AUTHORIZATION"

for name in "${PEERS[@]}"; do
	echo "  $name: warming up ($WARMUP) ..."
	wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -H "$AUTHORIZATION" "${URL_OF[$name]}" >/dev/null
done
for round in $(seq 1 "$ROUNDS"); do
	# minimal bare full, then bare full minimal, then full minimal bare, ...
	for offset in "${!PEERS[@]}"; do
		measure "${PEERS[$(((round - 1 + offset) % ${#PEERS[@]}))]}" "$round"
	done
done
verified=$(curl -s "http://127.0.0.1:$FULL_MANAGEMENT/actuator/prometheus" |
	awk '/^nal_gateway_access_tokens_verifications_total\{.*outcome="accepted"/ { print $2 }')

declare -A MEDIAN_RPS MEDIAN_CPU
for name in "${PEERS[@]}"; do
	rps=() cpu=()
	for round in $(seq 1 "$ROUNDS"); do
		rps+=("${RPS[$name,$round]}")
		cpu+=("${CPU[$name,$round]}")
	done
	MEDIAN_RPS[$name]=$(median "${rps[@]}")
	MEDIAN_CPU[$name]=$(median "${cpu[@]}")
done

echo
echo "Medians of $ROUNDS rounds (load average $(cut -d' ' -f1-3 /proc/loadavg) at the end):"
printf '%-12s %14s %16s\n' peer "req/s c$CONNECTIONS" "CPU per request"
for name in "${PEERS[@]}"; do
	printf '%-12s %14s %13s us' "$name" "${MEDIAN_RPS[$name]}" "${MEDIAN_CPU[$name]}"
	if [ -n "${VARIANT_ARGS[$name]+set}" ]; then
		awk -v v="${MEDIAN_CPU[$name]}" -v b="${MEDIAN_CPU[bare]}" -v args="${VARIANT_ARGS[$name]}" \
			'BEGIN { printf "   (%+.1f us against bare: %s)", v - b, args }'
	fi
	echo
done
echo
echo "The full chain verified the token ${verified:-?} time(s) for all its requests (the rest hit the cache)."
awk -v rm="${MEDIAN_RPS[minimal]}" -v rb="${MEDIAN_RPS[bare]}" -v rf="${MEDIAN_RPS[full]}" \
	-v cm="${MEDIAN_CPU[minimal]}" -v cb="${MEDIAN_CPU[bare]}" -v cf="${MEDIAN_CPU[full]}" 'BEGIN {
	printf "CPU per request, bare / minimal:   %.2f  (target <= 1.15: %s)\n", cb / cm, (cb / cm <= 1.15) ? "met" : "NOT met"
	printf "throughput, full / minimal:        %.2f  (target >= 0.75: %s)\n", rf / rm, (rf / rm >= 0.75) ? "met" : "NOT met"
	printf "CPU per request, full / minimal:   %.2f;  throughput, bare / minimal: %.2f;  full / bare: %.2f\n",
		cf / cm, rb / rm, rf / rb
}' | tee "$RESULTS/ratios.txt"
