-- Attempts per key (an account's sign-ins, an address's registrations, ...) and how long
-- the next one has to wait. PostgreSQL, not Redis: the limits must hold while Redis is down.
create table throttle (
    key             text        primary key,
    attempts        int         not null,
    last_attempt_at timestamptz not null,
    blocked_until   timestamptz
);

create index throttle_last_attempt_at on throttle (last_attempt_at);
