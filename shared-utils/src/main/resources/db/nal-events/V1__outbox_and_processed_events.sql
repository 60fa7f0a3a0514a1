-- The event bus's own tables, in the schema of the service that uses them. They have their
-- own Flyway history (nal_events_schema_history) so the service's migrations stay its own.

-- Transactional outbox: a row exists if and only if the transaction that recorded the
-- change committed; the relay moves rows to the service's Redis stream and deletes them.
create table event_outbox (
    position    bigint generated always as identity primary key,
    event_id    uuid        not null unique,
    event_type  text        not null,
    producer    text        not null,
    -- text, not jsonb: the relay must publish exactly the bytes the codec wrote
    envelope    text        not null,
    recorded_at timestamptz not null default now()
);

-- Idempotent consumption: a handler's effects and this row commit together, so an event
-- delivered twice is handled once.
create table processed_event (
    event_id   uuid primary key,
    event_type text        not null,
    producer   text        not null,
    handled_at timestamptz not null default now()
);

create index processed_event_handled_at on processed_event (handled_at);
