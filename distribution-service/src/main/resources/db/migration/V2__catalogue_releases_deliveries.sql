-- distribution-service's own copy of the catalogue, kept from music-service's and user-service's
-- events (ADR 31), its releases and their deliveries to the stores.

-- An artist's name as delivered, from UserProfileUpdated.
create table artist (
    owner_id     uuid        primary key,
    display_name text        not null,
    updated_at   timestamptz not null
);

-- From AlbumUpdated. A deleted album stays as a tombstone, so that an older event that arrives
-- late cannot bring it back.
create table catalogue_album (
    id            uuid        primary key,
    owner_id      uuid        not null,
    title         text        not null,
    type          text        not null,
    upc           text,
    release_date  date,
    label_name    text,
    primary_genre text,
    p_line        text,
    c_line        text,
    track_ids     uuid[]      not null,
    has_artwork   boolean     not null,
    deleted       boolean     not null,
    updated_at    timestamptz not null
);

create index catalogue_album_owner on catalogue_album (owner_id);

-- From TrackUpdated (and TrackProcessed, TrackDeleted). The credits and the audio facts are the
-- event's own JSON.
create table catalogue_track (
    id            uuid        primary key,
    owner_id      uuid        not null,
    title         text        not null,
    version_title text,
    isrc          text,
    explicit      boolean     not null,
    genre         text,
    language      text,
    credits       jsonb       not null,
    status        text        not null,
    format        text        not null,
    size_bytes    bigint      not null,
    sha256        text        not null,
    original_key  text        not null,
    audio         jsonb,
    deleted       boolean     not null,
    updated_at    timestamptz not null
);

create index catalogue_track_owner on catalogue_track (owner_id);

-- What an artist asked to release: an album, the stores, the day and where. Its content is frozen
-- into the snapshot when it is submitted (and again for each metadata update).
create table release (
    id           uuid        primary key,
    owner_id     uuid        not null,
    album_id     uuid        not null,
    platforms    text[]      not null,
    release_date date,
    territories  text[]      not null,
    status       text        not null check (status in ('DRAFT', 'SUBMITTED', 'TAKEN_DOWN')),
    snapshot     jsonb,
    created_at   timestamptz not null,
    submitted_at timestamptz,
    updated_at   timestamptz not null,
    version      bigint      not null
);

create index release_owner_created on release (owner_id, created_at desc, id);

-- One message to one store: the first delivery, a metadata update or a takedown. Workers claim due
-- deliveries with FOR UPDATE SKIP LOCKED under a lease (as music-service's processing jobs, ADR 16);
-- the batch id is fixed at the first attempt so that a retry completes the same batch folder.
create table delivery (
    id               uuid        primary key,
    release_id       uuid        not null references release (id) on delete cascade,
    owner_id         uuid        not null,
    platform         text        not null,
    sequence         int         not null,
    kind             text        not null check (kind in ('NEW', 'UPDATE', 'TAKEDOWN')),
    status           text        not null,
    batch_id         text,
    message_id       text        not null,
    message          text,
    snapshot         jsonb       not null,
    attempts         int         not null default 0,
    run_after        timestamptz not null,
    lease_expires_at timestamptz,
    worker           text,
    last_error       text,
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    version          bigint      not null,
    constraint delivery_sequence unique (release_id, platform, sequence)
);

create index delivery_due on delivery (run_after) where status in ('QUEUED', 'DELIVERING');
create index delivery_batch on delivery (platform, batch_id);
create index delivery_owner on delivery (owner_id);

-- Every status a delivery went through, with the store's or our reasons: the timeline the artist sees.
create table delivery_status (
    id          bigint      generated always as identity primary key,
    delivery_id uuid        not null references delivery (id) on delete cascade,
    status      text        not null,
    reasons     jsonb       not null,
    at          timestamptz not null
);

create index delivery_status_delivery on delivery_status (delivery_id, id);

-- The files of a batch already in their final place at the store, so that a retry resumes
-- instead of sending them again.
create table delivered_file (
    delivery_id uuid   not null references delivery (id) on delete cascade,
    path        text   not null,
    size_bytes  bigint not null,
    md5         text   not null,
    primary key (delivery_id, path)
);

-- Acknowledgement files of a store already read, so that each is applied once.
create table read_acknowledgement (
    platform  text        not null,
    file_name text        not null,
    read_at   timestamptz not null,
    primary key (platform, file_name)
);
