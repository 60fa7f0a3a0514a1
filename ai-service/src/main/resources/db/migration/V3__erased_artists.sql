-- Accounts erased by UserDeleted. Each producer has its own stream, so an event about a deleted artist
-- (a milestone, a payout) may arrive after the erasure: it must not bring a fact back.
create table erased_artist (
    owner_id uuid primary key,
    erased_at timestamptz not null
);
