-- What notification-service knows of a person to mail them: a copy kept from user-service's
-- events (UserRegistered, EmailVerificationRequested, UserProfileUpdated), erased on UserDeleted.
create table recipient (
    user_id      uuid        primary key,
    email        text        not null,
    display_name text        not null,
    updated_at   timestamptz not null
);
create index recipient_email on recipient (lower(email));

-- The inbox, the store of record behind the live stream. seq orders a person's notifications
-- and is the SSE event id a reconnecting browser resumes from (Last-Event-ID): it only grows,
-- so "everything after n" is one index range, whichever instance wrote the rows.
create table notification (
    seq         bigint      generated always as identity primary key,
    id          uuid        not null unique,
    user_id     uuid        not null,
    event_id    uuid        not null,
    category    text        not null,
    title       text        not null,
    body        text        not null,
    link        text        not null,
    occurred_at timestamptz not null,
    created_at  timestamptz not null,
    read_at     timestamptz,
    -- At most one notification per event and person, however often the event is delivered.
    unique (event_id, user_id)
);
create index notification_user_seq on notification (user_id, seq desc);
create index notification_user_unread on notification (user_id) where read_at is null;

-- Which channels a person turned on or off per category; a category without a row has its
-- defaults (NotificationCategory).
create table preference (
    user_id  uuid    not null,
    category text    not null,
    inbox    boolean not null,
    push     boolean not null,
    mail     boolean not null,
    primary key (user_id, category)
);

-- Each channel other than the inbox delivers an event to a person at most once: the row is
-- written in the same transaction that decides to deliver.
create table delivery (
    event_id     uuid        not null,
    user_id      uuid        not null,
    channel      text        not null check (channel in ('MAIL', 'PUSH')),
    delivered_at timestamptz not null,
    primary key (event_id, user_id, channel)
);
create index delivery_user on delivery (user_id);

-- The browsers that opted in to Web Push (the PushSubscription JSON, RFC 8030 / 8291).
create table push_subscription (
    id         uuid        primary key,
    user_id    uuid        not null,
    endpoint   text        not null unique,
    p256dh     text        not null,
    auth       text        not null,
    created_at timestamptz not null
);
create index push_subscription_user on push_subscription (user_id);
