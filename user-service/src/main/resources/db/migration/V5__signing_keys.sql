-- The public keys of access tokens that any instance published, so that every instance
-- serves the same key set. Private keys never come here: they are in each instance's
-- configuration.
create table signing_key (
    kid            text        primary key,
    public_jwk     text        not null,
    published_at   timestamptz not null,
    -- Noted about once a minute by every instance that signs with the key; the key stays
    -- published until a token lifetime after the last note.
    last_signed_at timestamptz
);
