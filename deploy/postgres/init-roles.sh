#!/bin/sh
# Creates one login role and one schema per service, each role owning only its schema.
# Run once per database by its owner: PostgreSQL's image runs it from
# /docker-entrypoint-initdb.d; by hand:
#   POSTGRES_USER=postgres POSTGRES_DB=notalabel sh deploy/postgres/init-roles.sh
# Passwords come from <SCHEMA>_DB_PASSWORD (e.g. MUSIC_DB_PASSWORD); the fallback
# local-only-<schema> matches the services' local default and must not reach production.
set -eu

: "${POSTGRES_USER:=postgres}"
: "${POSTGRES_DB:=notalabel}"

run_sql() {

	psql -q -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" "$@"
}

# Nobody creates objects in public; each service works in its own schema only.
run_sql -c "revoke create on schema public from public"

for schema in users music ai analytics distribution notification payment; do
	variable=$(echo "$schema" | tr '[:lower:]' '[:upper:]')_DB_PASSWORD
	password=$(printenv "$variable" || echo "local-only-$schema")
	run_sql -v role="$schema" -v password="$password" <<'SQL'
select format('create role %I login password %L', :'role', :'password')
where not exists (select 1 from pg_roles where rolname = :'role') \gexec
select format('alter role %I password %L', :'role', :'password') \gexec
select format('create schema if not exists %I authorization %I', :'role', :'role') \gexec
select format('revoke all on schema %I from public', :'role') \gexec
select format('alter role %I set search_path = %I', :'role', :'role') \gexec
SQL
done
