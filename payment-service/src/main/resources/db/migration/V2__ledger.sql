-- A double-entry ledger (ADR 38): append-only journal entries whose postings add up to zero per
-- currency, amounts in whole minor units. Balances are the sums of postings; account.balance_minor
-- caches that sum, written in the same transaction as each posting and checked against the
-- postings by the tests.

create table account (
    id            bigint  generated always as identity primary key,
    -- EARNINGS_SOURCE: what stores reported as earned (negative: the platform received it).
    -- PLATFORM_FEES: the platform's fee. PAYEE_AVAILABLE: owed to a payee, payable.
    -- PAYEE_HELD: owed to an invited collaborator who has not accepted yet.
    -- PAYEE_RESERVED: reserved for a payout in flight. STRIPE_TRANSFERS: transferred out through Stripe.
    -- UNCLAIMED: still owed to an erased account, kept for the records (ADR 37).
    kind          text    not null check (kind in ('EARNINGS_SOURCE', 'PLATFORM_FEES', 'PAYEE_AVAILABLE',
                                                   'PAYEE_HELD', 'PAYEE_RESERVED', 'STRIPE_TRANSFERS', 'UNCLAIMED')),
    -- The user (available, reserved), the invitation (held) or the erased user (unclaimed);
    -- null for the platform's own accounts.
    holder_id     uuid,
    currency      char(3) not null,
    balance_minor bigint  not null default 0,
    check ((holder_id is null) = (kind in ('EARNINGS_SOURCE', 'PLATFORM_FEES', 'STRIPE_TRANSFERS'))),
    -- Money reserved for a payout is never more than was taken from the balance.
    check (kind <> 'PAYEE_RESERVED' or balance_minor >= 0)
);

-- One account per kind, holder and currency; the platform's accounts have no holder.
create unique index account_key on account (kind, coalesce(holder_id, '00000000-0000-0000-0000-000000000000'), currency);
create index account_holder on account (holder_id) where holder_id is not null;

create table journal_entry (
    id          uuid        primary key,
    kind        text        not null check (kind in ('EARNINGS', 'PAYOUT_RESERVED', 'PAYOUT_RELEASED',
                                                     'PAYOUT_TRANSFERRED', 'TRANSFER_REVERSED',
                                                     'INVITATION_ACCEPTED', 'ACCOUNT_ERASED', 'BENCH')),
    -- What caused the entry (an event's line, a payout step, a Stripe event): a replay of the
    -- same cause finds its entry here and posts nothing.
    source      text        not null unique,
    recorded_at timestamptz not null
);

create table posting (
    entry_id     uuid   not null references journal_entry (id),
    account_id   bigint not null references account (id),
    amount_minor bigint not null check (amount_minor <> 0),
    primary key (entry_id, account_id)
);

create index posting_account on posting (account_id);

-- Entries are never changed or removed: a correction is a new entry that reverses the old one.
create function ledger_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the ledger is append-only: % on % refused', tg_op, tg_table_name;
end
$$;

create trigger journal_entry_append_only before update or delete or truncate on journal_entry
    for each statement execute function ledger_is_append_only();
create trigger posting_append_only before update or delete or truncate on posting
    for each statement execute function ledger_is_append_only();
