-- The schema itself is created by the database owner with the service's role as its owner
-- (docs/database.md); Flyway creates it only where it may, on a developer's database.
comment on schema notification is 'Notifications, preferences and delivery attempts, owned by notification-service.';
