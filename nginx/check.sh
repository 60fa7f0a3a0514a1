#!/bin/sh
# Renders the template with local values (or those in the environment) into a directory
# and runs `nginx -t` on the result. CI runs it; the end-to-end tests start nginx from it.
# Usage: nginx/check.sh [rendered-directory]
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
out="${1:-$(mktemp -d)}"
"$here/make-dev-cert.sh" >/dev/null
mkdir -p "$out/conf.d"
export GATEWAY_UPSTREAM="${GATEWAY_UPSTREAM:-127.0.0.1:3001}" WEB_UPSTREAM="${WEB_UPSTREAM:-127.0.0.1:3000}" SERVER_NAME="${SERVER_NAME:-localhost}" \
	TLS_CERTIFICATE="${TLS_CERTIFICATE:-$here/certs/dev.crt}" TLS_CERTIFICATE_KEY="${TLS_CERTIFICATE_KEY:-$here/certs/dev.key}" \
	MAX_UPLOAD_SIZE="${MAX_UPLOAD_SIZE:-1100m}" HTTP_PORT="${HTTP_PORT:-8080}" HTTPS_PORT="${HTTPS_PORT:-8443}" \
	STORAGE_SERVER_NAME="${STORAGE_SERVER_NAME:-storage.localhost}" STORAGE_UPSTREAM="${STORAGE_UPSTREAM:-127.0.0.1:9000}"
# Only our variables: nginx's own ($host, $request_uri, ...) stay as they are.
vars='$GATEWAY_UPSTREAM $WEB_UPSTREAM $SERVER_NAME $TLS_CERTIFICATE $TLS_CERTIFICATE_KEY $MAX_UPLOAD_SIZE $HTTP_PORT $HTTPS_PORT $STORAGE_SERVER_NAME $STORAGE_UPSTREAM'
envsubst "$vars" <"$here/templates/notalabel.conf.template" >"$out/conf.d/notalabel.conf"
# Paths under $out, so that this nginx shares nothing with any other on the machine (the temp
# paths only: an $out that itself starts with /tmp/nginx- must not be rewritten twice).
sed -e "s#_temp_path /tmp/nginx-#_temp_path $out/nginx-#" \
	-e "s#include /etc/nginx/conf.d/\*.conf;#include $out/conf.d/*.conf;#" \
	-e "s#^pid .*#pid $out/nginx.pid;#" "$here/nginx.conf" >"$out/nginx.conf"
nginx -t -c "$out/nginx.conf" -p "$out"
echo "$out"
