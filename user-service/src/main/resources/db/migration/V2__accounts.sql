-- A person's account and artist profile. The e-mail address is stored normalised (trimmed,
-- lower case), so the unique constraint is the whole uniqueness rule.
create table account (
    id                  uuid        primary key,
    email               text        not null,
    email_verified_at   timestamptz,
    -- Argon2id in its PHC string form: algorithm, parameters, salt and hash.
    password_hash       text        not null,
    password_changed_at timestamptz not null,
    display_name        text        not null,
    -- The unique public name in profile URLs, lower case; null until the artist picks one.
    handle              text,
    bio                 text,
    genres              text[]      not null default '{}',
    location            text,
    avatar_url          text,
    roles               text[]      not null,
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    version             bigint      not null,
    constraint account_email_key unique (email),
    constraint account_handle_key unique (handle),
    constraint account_email_normalised check (email = lower(btrim(email)) and length(email) <= 254)
);

create table profile_link (
    account_id uuid not null references account (id) on delete cascade,
    position   int  not null,
    label      text not null,
    url        text not null,
    primary key (account_id, position)
);

-- Single-use tokens mailed to the person (address verification, password reset), stored
-- only as SHA-256 hashes.
create table account_token (
    token_hash text        primary key,
    account_id uuid        not null references account (id) on delete cascade,
    purpose    text        not null check (purpose in ('EMAIL_VERIFICATION', 'PASSWORD_RESET')),
    created_at timestamptz not null,
    expires_at timestamptz not null,
    version    bigint      not null
);

create index account_token_account on account_token (account_id, purpose);
create index account_token_expires_at on account_token (expires_at);

-- Browsers that signed in to an account before ("device cookies", OWASP): their sign-ins
-- are throttled on their own, so that an attacker's failures cannot lock the owner out.
create table known_device (
    token_hash   text        primary key,
    account_id   uuid        not null references account (id) on delete cascade,
    created_at   timestamptz not null,
    last_used_at timestamptz not null,
    version      bigint      not null
);

create index known_device_account on known_device (account_id);
create index known_device_last_used_at on known_device (last_used_at);
