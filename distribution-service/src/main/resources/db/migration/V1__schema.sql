-- The schema itself is created by the database owner with the service's role as its owner
-- (docs/database.md); Flyway creates it only where it may, on a developer's database.
comment on schema distribution is 'Releases, deliveries to streaming services and their status, owned by distribution-service.';
