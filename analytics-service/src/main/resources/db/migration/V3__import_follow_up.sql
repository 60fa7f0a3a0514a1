-- What a completed import still owes others (its events and alert checks, ADR 52): queued in the
-- import's transaction, done after its commit in a transaction of its own that deletes the row.
-- A process that dies between the two leaves the row, and the next sweep (at start-up, then every
-- nal.analytics.imports.follow-up-retry) does it then: the row lock is the claim, the delete in the
-- same transaction as the events makes it once.
create table import_follow_up (
    import_id   uuid primary key references report_import (id) on delete cascade,
    source      text        not null,
    first_day   date        not null,
    last_day    date        not null,
    granularity text,
    imported_at timestamptz not null,
    queued_at   timestamptz not null,
    attempts    int         not null default 0,
    last_error  text
);
create index import_follow_up_queued on import_follow_up (queued_at);
