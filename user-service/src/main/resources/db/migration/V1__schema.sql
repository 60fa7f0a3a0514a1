-- The schema itself is created by the database owner with the service's role as its owner
-- (docs/database.md); Flyway creates it only where it may, on a developer's database.
comment on schema users is 'Accounts, sessions, refresh tokens and artist profiles, owned by user-service.';
