-- The key pair that signs Web Push requests (VAPID, RFC 8292) when none is configured: made
-- by the first instance that needs it and then used by every instance and after every
-- restart, since browsers subscribed with its public key. At most one row.
create table vapid_key (
    id          boolean     primary key default true check (id),
    public_key  text        not null,
    private_key text        not null,
    created_at  timestamptz not null
);

-- The tokens of the unsubscribe links in notification mails. Each names one recipient (a
-- person, or for a split invitation an address that may have no account) and one
-- category. Only a hash of the token is kept, as for the other secrets of links.
create table unsubscribe_token (
    token_hash bytea       primary key,
    user_id    uuid,
    email      text,
    category   text        not null,
    created_at timestamptz not null,
    check ((user_id is null) <> (email is null))
);
create index unsubscribe_token_user on unsubscribe_token (user_id);

-- Addresses without an account that followed an unsubscribe link: no more mails of the
-- category to them.
create table address_opt_out (
    email      text        not null,
    category   text        not null,
    created_at timestamptz not null,
    primary key (email, category)
);

-- Mails sent to an address rather than to a person (split invitations), once per event.
-- Without the address: a proof of sending, not a copy.
create table address_delivery (
    event_id     uuid        primary key,
    delivered_at timestamptz not null
);

-- What the weekly digest of a person will tell: the numbers of the analytics events of
-- the week, kept until the digest went out.
create table digest_item (
    event_id    uuid        not null,
    user_id     uuid        not null,
    kind        text        not null check (kind in ('MILESTONE', 'SPIKE')),
    title       text        not null,
    value       bigint      not null,
    baseline    bigint      not null,
    occurred_at timestamptz not null,
    primary key (event_id, user_id)
);
create index digest_item_user on digest_item (user_id, occurred_at);

-- A digest per person and week, claimed by one instance and mailed once.
create table digest (
    user_id    uuid        not null,
    week_start date        not null,
    sent_at    timestamptz not null,
    primary key (user_id, week_start)
);
