#!/bin/sh
# A self-signed certificate for local HTTPS (localhost, storage.localhost and 127.0.0.1), valid 825 days,
# written to nginx/certs/. Never use it beyond a developer's machine.
set -eu
dir="$(cd "$(dirname "$0")" && pwd)/certs"
mkdir -p "$dir"
if [ -f "$dir/dev.crt" ] && [ -f "$dir/dev.key" ] && [ "${1:-}" != "--force" ]; then
	echo "$dir/dev.crt exists (use --force to replace it)"
	exit 0
fi
openssl req -x509 -newkey rsa:2048 -sha256 -nodes -days 825 \
	-keyout "$dir/dev.key" -out "$dir/dev.crt" \
	-subj "/CN=localhost/O=Not a Label development" \
	-addext "subjectAltName=DNS:localhost,DNS:storage.localhost,IP:127.0.0.1" \
	-addext "keyUsage=digitalSignature,keyEncipherment" \
	-addext "extendedKeyUsage=serverAuth" 2>/dev/null
chmod 600 "$dir/dev.key"
echo "Wrote $dir/dev.crt and $dir/dev.key"
