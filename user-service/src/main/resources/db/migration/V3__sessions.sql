-- A signed-in device or browser. Sessions end 30 days after sign-in at the latest.
create table session (
    id                uuid        primary key,
    account_id        uuid        not null references account (id) on delete cascade,
    device            text        not null,
    created_at        timestamptz not null,
    last_used_at      timestamptz not null,
    expires_at        timestamptz not null,
    -- When the newest access token issued for the session expires: a revoked session stays
    -- on the gateways' list until then.
    access_expires_at timestamptz not null,
    revoked_at        timestamptz,
    revocation_reason text,
    version           bigint      not null
);

create index session_account on session (account_id);
create index session_expires_at on session (expires_at);

-- Every refresh token a session was given, as SHA-256 hashes. A rotated one that comes back
-- after the grace period is reuse: the session is revoked.
create table refresh_token (
    token_hash text        primary key,
    session_id uuid        not null references session (id) on delete cascade,
    issued_at  timestamptz not null,
    rotated_at timestamptz,
    -- The pair that replaced this token, encrypted with a key derived from this token, which
    -- is stored nowhere: parallel refreshes that lost the race get the winner's pair.
    successor  bytea,
    version    bigint      not null
);

create index refresh_token_session on refresh_token (session_id);

-- Revoked sessions whose access tokens may still be in circulation: the source of truth of
-- the gateways' revocation list in Redis. No foreign key: an erased account's revocations
-- must outlive it until its tokens expire.
create table revoked_session (
    session_id       uuid        primary key,
    account_id       uuid        not null,
    revoked_at       timestamptz not null,
    tokens_expire_at timestamptz not null,
    -- Null until Redis has it and the gateways were told.
    propagated_at    timestamptz
);

create index revoked_session_unpropagated on revoked_session (revoked_at) where propagated_at is null;
create index revoked_session_tokens_expire_at on revoked_session (tokens_expire_at);
