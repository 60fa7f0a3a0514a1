-- The schema itself is created by the database owner with the service's role as its owner
-- (docs/database.md); Flyway creates it only where it may, on a developer's database.
comment on schema ai is 'Conversations, career plans and the facts they are grounded in, owned by ai-service.';
