-- One login role and one schema per service, each role owning only its schema
-- (docs/database.md). Idempotent. Passwords come from the session settings
-- nal.password_<schema> (set_config or SET before running this); without one a role gets
-- local-only-<schema>, the services' local default, which must never reach production.
-- Run by deploy/postgres/init-roles.sh (psql, compose) and by ./platform (JDBC).
do $$
declare
	service_schema text;
	service_password text;
begin
	-- Nobody creates objects in public; each service works in its own schema only.
	execute 'revoke create on schema public from public';
	foreach service_schema in array array['users', 'music', 'ai', 'analytics', 'distribution',
			'notification', 'payment'] loop
		service_password := coalesce(nullif(current_setting('nal.password_' || service_schema, true), ''),
				'local-only-' || service_schema);
		if exists (select 1 from pg_roles where rolname = service_schema) then
			execute format('alter role %I login password %L', service_schema, service_password);
		else
			execute format('create role %I login password %L', service_schema, service_password);
		end if;
		execute format('create schema if not exists %I authorization %I', service_schema, service_schema);
		execute format('alter schema %I owner to %I', service_schema, service_schema);
		execute format('revoke all on schema %I from public', service_schema);
		execute format('alter role %I set search_path = %I', service_schema, service_schema);
	end loop;
end
$$;
