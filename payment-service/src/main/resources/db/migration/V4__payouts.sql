-- A payee's Stripe connected account, as Stripe last reported it (account.updated).
create table connected_account (
    user_id                uuid        primary key,
    stripe_account_id      text        not null unique,
    payouts_enabled        boolean     not null,
    transfers_active       boolean     not null,
    details_submitted      boolean     not null,
    requirements_due       text[]      not null,
    disabled_reason        text,
    -- The last bank payout Stripe made (or failed to make) from the account (payout.*).
    bank_payout_id         text,
    bank_payout_status     text,
    bank_payout_amount     bigint,
    bank_payout_currency   char(3),
    bank_payout_arrival    date,
    bank_payout_failure    text,
    created_at             timestamptz not null,
    updated_at             timestamptz not null
);

-- A payout of part or all of a payee's balance as a Stripe transfer (ADR 38).
create table payout (
    id                 uuid        primary key,
    payee_id           uuid        not null,
    amount_minor       bigint      not null check (amount_minor > 0),
    currency           char(3)     not null,
    -- PENDING: reserved, Stripe asked (again) until it answers. PAID: transferred.
    -- FAILED: Stripe refused, the reservation released. REVERSED: the transfer was reversed.
    status             text        not null check (status in ('PENDING', 'PAID', 'FAILED', 'REVERSED')),
    stripe_account_id  text        not null,
    stripe_transfer_id text        unique,
    failure_reason     text,
    attempts           int         not null default 0,
    next_attempt_at    timestamptz,
    requested_at       timestamptz not null,
    updated_at         timestamptz not null
);

create index payout_payee on payout (payee_id, requested_at desc);
create index payout_pending on payout (next_attempt_at) where status = 'PENDING';

-- Each Stripe event handled, by its id: a redelivered event changes nothing.
create table stripe_event (
    event_id    text        primary key,
    type        text        not null,
    received_at timestamptz not null
);
