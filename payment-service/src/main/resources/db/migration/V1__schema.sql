-- The schema itself is created by the database owner with the service's role as its owner
-- (docs/database.md); Flyway creates it only where it may, on a developer's database.
comment on schema payment is 'Earnings, royalty splits, connected accounts and payouts, owned by payment-service.';
