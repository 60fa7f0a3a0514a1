#!/usr/bin/env bash
# Gateway overhead, measured against its peers in one run (issue 3):
#
#   direct   wrk -> backend                      (a fixed JSON answer served by nginx)
#   nginx    wrk -> nginx proxy_pass -> backend
#   bare     wrk -> gateway, edge filters off (nal.gateway.filters.enabled=false) -> backend
#   full     wrk -> gateway: token verification + revocation check + rate limit + routing -> backend
#
# Every peer gets the same request, access token included, on the same backend endpoint.
# For each peer: throughput at BENCH_CONNECTIONS (saturation), with the CPU time the proxy
# process spent per request (the figure that least depends on what else the machine is
# doing), then latency at 10 connections, once flat out and once paced (each connection
# waits PACE_MS between requests, i.e. moderate load). Prints every figure and the ratios the issue sets targets
# for. Needs Debian's wrk and nginx (apt-get install -y wrk nginx), a JDK 25 and a Redis
# (REDIS_URL, default the local one):
#
#   bench/gateway/run.sh
#
# It builds the gateway's jar and the bench module through the reactor first; the token wrk
# sends and the key set the backend serves come from com.notalabel.bench.gateway.MintToken.
#
# Settings (environment): BENCH_DURATION (20s), BENCH_WARMUP (60s), BENCH_CONNECTIONS (64),
# BENCH_THREADS (2), PACE_MS (2), BENCH_PORT_BASE (18080: uses base .. base+3 and
# base+100 .. base+101), BENCH_JAVA_OPTS (-Xms512m -Xmx512m), GATEWAY_JAR, REDIS_URL.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA=$JAVA_HOME/bin/java
DURATION=${BENCH_DURATION:-20s}
WARMUP=${BENCH_WARMUP:-60s}
CONNECTIONS=${BENCH_CONNECTIONS:-64}
THREADS=${BENCH_THREADS:-2}
export PACE_MS=${PACE_MS:-2}
BASE=${BENCH_PORT_BASE:-18080}
JAVA_OPTS=${BENCH_JAVA_OPTS:--Xms512m -Xmx512m}
REDIS=${REDIS_URL:-redis://127.0.0.1:6379}

BACKEND=$BASE
PROXY=$((BASE + 1))
BARE=$((BASE + 2))
FULL=$((BASE + 3))
BARE_MANAGEMENT=$((BASE + 100))
FULL_MANAGEMENT=$((BASE + 101))

fail() { echo "run.sh: $*" >&2; exit 1; }
command -v wrk >/dev/null || fail "wrk is missing: apt-get install -y wrk"
command -v nginx >/dev/null || fail "nginx is missing: apt-get install -y nginx"
command -v curl >/dev/null || fail "curl is missing: apt-get install -y curl"
java_version=$("$JAVA" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ { print $2 }')
[ "${java_version%%.*}" -ge 25 ] 2>/dev/null || fail "$JAVA is Java ${java_version:-?}; the gateway needs 25 (set JAVA_HOME)"
for port in $BACKEND $PROXY $BARE $FULL $BARE_MANAGEMENT $FULL_MANAGEMENT; do
	if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
		fail "port $port is taken; set BENCH_PORT_BASE"
	fi
done

BENCH_CLASSPATH=$("$HERE/../classpath.sh" gateway)
JAR=${GATEWAY_JAR:-$(ls "$ROOT"/gateway/target/gateway-*.jar 2>/dev/null | grep -v original | head -n 1 || true)}
[ -n "$JAR" ] && [ -f "$JAR" ] || fail "no gateway jar at ${GATEWAY_JAR:-gateway/target}"

WORK=$(mktemp -d -t nal-gateway-bench.XXXXXX)
# nginx workers may run as another user; they read the key set from here.
chmod 755 "$WORK"
PIDS=()
cleanup() {
	for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
	for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
	for conf in backend proxy; do
		[ -f "$WORK/$conf/nginx.pid" ] && nginx -p "$WORK/$conf/" -c nginx.conf -s stop 2>/dev/null || true
	done
	rm -rf "$WORK"
}
trap cleanup EXIT

"$JAVA" -cp "$BENCH_CLASSPATH" com.notalabel.bench.gateway.MintToken "$WORK"
chmod 644 "$WORK/jwks.json"
TOKEN=$(cat "$WORK/token")
AUTHORIZATION="Authorization: Bearer $TOKEN"
REQUEST_PATH=/api/v1/tracks/0190a6e4-7c3a-7b2e-9f4d-1a2b3c4d5e6f

nginx_config() { # name, server block
	mkdir -p "$WORK/$1/logs"
	cat >"$WORK/$1/nginx.conf" <<EOF
worker_processes auto;
pid $WORK/$1/nginx.pid;
error_log $WORK/$1/logs/error.log warn;
events { worker_connections 4096; }
http {
	access_log off;
	client_body_temp_path $WORK/$1/body;
	proxy_temp_path $WORK/$1/proxy;
	fastcgi_temp_path $WORK/$1/fastcgi;
	uwsgi_temp_path $WORK/$1/uwsgi;
	scgi_temp_path $WORK/$1/scgi;
	keepalive_requests 10000000;
	keepalive_timeout 75s;
	$2
}
EOF
	nginx -p "$WORK/$1/" -c nginx.conf
}

nginx_config backend "
	server {
		listen 127.0.0.1:$BACKEND;
		location = /.well-known/jwks.json { default_type application/json; alias $WORK/jwks.json; }
		location /api/v1/tracks/ {
			default_type application/json;
			return 200 '{\"id\":\"0190a6e4-7c3a-7b2e-9f4d-1a2b3c4d5e6f\",\"title\":\"Bench\",\"durationMs\":215000}';
		}
	}"
nginx_config proxy "
	upstream backend { server 127.0.0.1:$BACKEND; keepalive 256; }
	server {
		listen 127.0.0.1:$PROXY;
		location / {
			proxy_pass http://backend;
			proxy_http_version 1.1;
			proxy_set_header Connection \"\";
			proxy_set_header Host \$host;
			proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
		}
	}"

start_gateway() { # name, port, management port, extra arguments...
	local name=$1 port=$2 management=$3
	shift 3
	env PORT="$port" MANAGEMENT_PORT="$management" MUSIC_SERVICE_URL="http://127.0.0.1:$BACKEND" \
		JWKS_URI="http://127.0.0.1:$BACKEND/.well-known/jwks.json" REDIS_URL="$REDIS" \
		REDIS_KEY_PREFIX="nal-bench:$$:" RATE_LIMIT_USER_LIMIT=1000000000 RATE_LIMIT_USER_PERIOD=1s LOG_FORMAT= \
		"$JAVA" $JAVA_OPTS -jar "$JAR" "$@" >"$WORK/$name.log" 2>&1 &
	PIDS+=($!)
	for _ in $(seq 1 240); do
		curl -sf "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && return 0
		kill -0 "${PIDS[-1]}" 2>/dev/null || { tail -n 40 "$WORK/$name.log"; fail "the $name gateway died"; }
		sleep 0.5
	done
	tail -n 40 "$WORK/$name.log"
	fail "the $name gateway did not become ready"
}

stop_last_gateway() {
	local pid=${PIDS[-1]}
	kill "$pid" && wait "$pid" 2>/dev/null || true
	unset 'PIDS[-1]'
}

expect_status() { # expected status, url, curl arguments...
	local expected=$1 url=$2
	shift 2
	local status
	status=$(curl -s -o /dev/null -w '%{http_code}' "$@" "$url")
	[ "$status" = "$expected" ] || fail "$url answered $status, expected $expected"
}

# wrk's latency figures in milliseconds.
to_ms() {
	awk '{ v = $1; if (v ~ /us$/) { sub(/us$/, "", v); v = v / 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) }
		else if (v ~ /s$/) { sub(/s$/, "", v); v = v * 1000 } printf "%.3f", v }'
}

run_wrk() { # output file, connections, url, extra wrk arguments...
	local out=$1 connections=$2 url=$3
	shift 3
	wrk -t"$THREADS" -c"$connections" -d"$DURATION" --latency -H "$AUTHORIZATION" "$@" "$url" >"$out"
	if grep -q "Non-2xx or 3xx responses" "$out"; then
		cat "$out"
		fail "$url answered errors under load"
	fi
}

# CPU time (user + system, in clock ticks) the given processes have used so far, leaving
# out the JIT compiler's threads: compiling is a warm-up cost, not a cost per request.
cpu_ticks() {
	local pid
	for pid in "$@"; do
		for task in /proc/"$pid"/task/*; do
			[ -r "$task/stat" ] && cat "$task/comm" "$task/stat" 2>/dev/null
		done
	done | awk 'NR % 2 == 1 { compiler = ($0 ~ /CompilerThre/) ; next }
		!compiler { sub(/^.*\) /, ""); total += $12 + $13 } END { print total + 0 }'
}
TICKS_PER_SECOND=$(getconf CLK_TCK)

declare -A RPS CPU P50 P99 PACED_P50 PACED_P99
measure() { # name, url, pids of the proxy (none for the direct call)
	local name=$1 url=$2
	shift 2
	echo "  $name: warming up ($WARMUP) ..." >&2
	wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -H "$AUTHORIZATION" "$url" >/dev/null
	echo "  $name: measuring ..." >&2
	local before after requests
	before=$(cpu_ticks "$@")
	run_wrk "$WORK/$name-throughput.txt" "$CONNECTIONS" "$url"
	after=$(cpu_ticks "$@")
	RPS[$name]=$(awk '/Requests\/sec/ { print $2 }' "$WORK/$name-throughput.txt")
	requests=$(awk '/requests in/ { print $1 }' "$WORK/$name-throughput.txt")
	if [ $# -gt 0 ]; then
		CPU[$name]=$(awk -v ticks=$((after - before)) -v hz="$TICKS_PER_SECOND" -v n="$requests" \
			'BEGIN { printf "%.0f", ticks * 1000000 / hz / n }')
	else
		CPU[$name]=-
	fi
	run_wrk "$WORK/$name-c10.txt" 10 "$url"
	P50[$name]=$(awk '$1 == "50%" { print $2 }' "$WORK/$name-c10.txt" | to_ms)
	P99[$name]=$(awk '$1 == "99%" { print $2 }' "$WORK/$name-c10.txt" | to_ms)
	run_wrk "$WORK/$name-paced.txt" 10 "$url" -s "$HERE/paced.lua"
	PACED_P50[$name]=$(awk '$1 == "50%" { print $2 }' "$WORK/$name-paced.txt" | to_ms)
	PACED_P99[$name]=$(awk '$1 == "99%" { print $2 }' "$WORK/$name-paced.txt" | to_ms)
}

echo "Gateway benchmark: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $("$JAVA" -version 2>&1 | head -n 1)"
echo "wrk -t$THREADS, throughput at -c$CONNECTIONS for $DURATION after $WARMUP of warm-up; latency at -c10 (flat out, and paced at ${PACE_MS} ms between requests per connection)"

expect_status 200 "http://127.0.0.1:$BACKEND$REQUEST_PATH"
expect_status 200 "http://127.0.0.1:$PROXY$REQUEST_PATH"
measure direct "http://127.0.0.1:$BACKEND$REQUEST_PATH"
proxy_master=$(cat "$WORK/proxy/nginx.pid")
measure nginx "http://127.0.0.1:$PROXY$REQUEST_PATH" "$proxy_master" $(pgrep -P "$proxy_master")

start_gateway bare "$BARE" "$BARE_MANAGEMENT" --nal.gateway.filters.enabled=false
expect_status 200 "http://127.0.0.1:$BARE$REQUEST_PATH"
measure bare "http://127.0.0.1:$BARE$REQUEST_PATH" "${PIDS[-1]}"
stop_last_gateway

start_gateway full "$FULL" "$FULL_MANAGEMENT"
# The chain is on: no token, no answer; with the token, the backend's.
expect_status 401 "http://127.0.0.1:$FULL$REQUEST_PATH"
expect_status 200 "http://127.0.0.1:$FULL$REQUEST_PATH" -H "$AUTHORIZATION"
measure full "http://127.0.0.1:$FULL$REQUEST_PATH" "${PIDS[-1]}"
verified=$(curl -s "http://127.0.0.1:$FULL_MANAGEMENT/actuator/prometheus" |
	awk '/^nal_gateway_access_tokens_verifications_total\{.*outcome="accepted"/ { print $2 }')
stop_last_gateway

echo
printf '%-7s %12s %12s %13s %13s %15s %15s\n' peer "req/s c$CONNECTIONS" "proxy CPU/req" "p50 c10 (ms)" \
	"p99 c10 (ms)" "p50 paced (ms)" "p99 paced (ms)"
for name in direct nginx bare full; do
	printf '%-7s %12s %10s us %13s %13s %15s %15s\n' "$name" "${RPS[$name]}" "${CPU[$name]}" "${P50[$name]}" \
		"${P99[$name]}" "${PACED_P50[$name]}" "${PACED_P99[$name]}"
done
echo
echo "The full chain verified the token ${verified:-?} time(s) for all its requests (the rest hit the cache)."
awk -v full="${RPS[full]}" -v bare="${RPS[bare]}" -v nginx="${RPS[nginx]}" -v direct="${RPS[direct]}" \
	-v cfull="${CPU[full]}" -v cbare="${CPU[bare]}" -v cnginx="${CPU[nginx]}" \
	-v fp50="${P50[full]}" -v dp50="${P50[direct]}" -v fp99="${P99[full]}" -v dp99="${P99[direct]}" \
	-v pfp50="${PACED_P50[full]}" -v pdp50="${PACED_P50[direct]}" -v pfp99="${PACED_P99[full]}" \
	-v pdp99="${PACED_P99[direct]}" 'BEGIN {
	printf "full / bare throughput:   %.2f  (target >= 0.75)\n", full / bare
	printf "bare / nginx throughput:  %.2f  (target >= 0.50)\n", bare / nginx
	printf "nginx / direct:           %.2f;  full / direct: %.2f\n", nginx / direct, full / direct
	printf "CPU per request: bare / full %.2f (the chain adds %d us), nginx / bare %.2f\n", cbare / cfull, cfull - cbare, cnginx / cbare
	printf "added by the full chain at c10, flat out:  p50 %+.3f ms, p99 %+.3f ms  (targets <= 0.5 and <= 3)\n", fp50 - dp50, fp99 - dp99
	printf "added by the full chain at c10, paced:     p50 %+.3f ms, p99 %+.3f ms  (targets <= 0.5 and <= 3)\n", pfp50 - pdp50, pfp99 - pdp99
}'
