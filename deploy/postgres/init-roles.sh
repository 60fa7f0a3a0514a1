#!/bin/sh
# Creates the services' roles and schemas (roles.sql) with passwords from the environment:
# <SCHEMA>_DB_PASSWORD, e.g. MUSIC_DB_PASSWORD. Run once per database by its owner;
# PostgreSQL's image runs it from /docker-entrypoint-initdb.d. By hand:
#   POSTGRES_USER=postgres POSTGRES_DB=notalabel sh deploy/postgres/init-roles.sh
set -eu

: "${POSTGRES_USER:=postgres}"
: "${POSTGRES_DB:=notalabel}"
roles_sql="${NAL_ROLES_SQL:-$(dirname "$0")/roles.sql}"

{
	for schema in users music ai analytics distribution notification payment; do
		variable=$(echo "$schema" | tr '[:lower:]' '[:upper:]')_DB_PASSWORD
		# psql reads the value itself and quotes it (:'name'): any character is safe.
		echo "\\set password_$schema \`printenv $variable\`"
		echo "select set_config('nal.password_$schema', :'password_$schema', false);"
	done
	cat "$roles_sql"
} | psql -q -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" >/dev/null
