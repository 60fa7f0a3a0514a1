#!/bin/sh
# Starts nginx from the template (nginx/check.sh) in front of a gateway that is down and checks
# that every error nginx answers itself is problem+json with its code: 502 (gateway or web app down),
# 413, 414, 431 (nginx's 494), 400 (plain HTTP on the TLS port) and 403 (a write to the storage
# host). Needs nginx and curl; uses ports SMOKE_HTTP_PORT (18080) and SMOKE_HTTPS_PORT (18443).
# Usage: nginx/smoke.sh
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
http_port="${SMOKE_HTTP_PORT:-18080}"
https_port="${SMOKE_HTTPS_PORT:-18443}"
out="$(mktemp -d)"
# Port 9 (discard): nothing listens, so every call to the gateway or the web app is refused.
GATEWAY_UPSTREAM=127.0.0.1:9 WEB_UPSTREAM=127.0.0.1:9 HTTP_PORT="$http_port" HTTPS_PORT="$https_port" \
	"$here/check.sh" "$out" >/dev/null 2>&1
# Its access and error logs (stdout, stderr) go to a file: only the checks' lines are printed.
nginx -c "$out/nginx.conf" -p "$out" >"$out/nginx.log" 2>&1
trap 'nginx -c "$out/nginx.conf" -p "$out" -s stop 2>/dev/null; rm -rf "$out"' EXIT
sleep 1

failures=0
# expect <status> <code> <curl arguments...>
expect() {
	status="$1" code="$2"
	shift 2
	answer="$(curl -sk --http1.1 -o "$out/body" -w '%{http_code} %{content_type}' "$@" || true)"
	if [ "$answer" = "$status application/problem+json" ] && grep -q "\"code\":\"$code\"" "$out/body" \
		&& grep -q '"requestId":"' "$out/body"; then
		echo "ok   $status $code"
	else
		echo "FAIL expected $status $code, got: $answer $(head -c 300 "$out/body")"
		failures=$((failures + 1))
	fi
}

base="https://localhost:$https_port"
long="$(head -c 20000 /dev/zero | tr '\0' x)"
expect 502 server.bad_gateway "$base/api/v1/tracks"
expect 502 server.bad_gateway "$base/dashboard"
head -c 11000000 /dev/zero >"$out/large"
expect 413 request.too_large -X POST --data-binary "@$out/large" "$base/api/v1/auth/login"
expect 414 request.uri_too_long "$base/api/v1/tracks?q=$long"
expect 431 request.headers_too_large -H "X-Padding: $long" "$base/api/v1/tracks"
expect 400 request.malformed "http://localhost:$https_port/api/v1/tracks"
expect 403 request.forbidden -X POST --resolve "storage.localhost:$https_port:127.0.0.1" \
	"https://storage.localhost:$https_port/bucket/key"
[ "$failures" -eq 0 ]
