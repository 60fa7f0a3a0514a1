-- The catalogue. Rows of one artist are found by owner_id on every query: another artist's
-- track or album is indistinguishable from a missing one.

create table track (
    id                uuid         primary key,
    owner_id          uuid         not null,
    status            text         not null check (status in ('PROCESSING', 'READY', 'FAILED')),
    title             text         not null check (length(title) between 1 and 200),
    version_title     text         check (length(version_title) <= 200),
    isrc              text         check (isrc ~ '^[A-Z]{2}[A-Z0-9]{3}[0-9]{7}$'),
    explicit          boolean      not null default false,
    genre             text         check (length(genre) <= 100),
    -- BCP 47 tag of the lyrics' language, e.g. "en" or "pt-BR"; null for instrumentals.
    language          text         check (length(language) <= 35),
    -- Detected from the content, never from the client's name or type: wav, aiff, flac, mp3, m4a, ogg, opus.
    format            text         not null,
    size_bytes        bigint       not null check (size_bytes > 0),
    sha256            text         not null check (sha256 ~ '^[0-9a-f]{64}$'),
    original_key      text         not null,
    rendition_key     text,
    -- What the file's own tags said at upload (title, artist, album, ISRC, year, genre, track
    -- number, whether a picture is embedded): pre-filled metadata, kept for the artist to compare.
    tags              jsonb        not null default '{}',
    -- A sentence the artist can read, when processing failed.
    failure_reason    text,
    created_at        timestamptz  not null,
    updated_at        timestamptz  not null,
    processed_at      timestamptz,
    version           bigint       not null,
    constraint track_owner_sha256_key unique (owner_id, sha256)
);

create index track_owner_created on track (owner_id, created_at desc, id);
create index track_owner_title on track (owner_id, lower(title), id);

-- Contributors in the order the artist lists them.
create table track_credit (
    track_id uuid not null references track (id) on delete cascade,
    position int  not null,
    name     text not null check (length(name) between 1 and 200),
    role     text not null,
    primary key (track_id, position)
);

-- The audio engine's findings: the analysis document as served, and the waveform peaks in
-- audiowaveform's binary (.dat) form, from which every resolution is derived.
create table track_analysis (
    track_id         uuid        primary key references track (id) on delete cascade,
    analyzer_version int         not null,
    analysis         jsonb       not null,
    waveform         bytea       not null,
    created_at       timestamptz not null
);

-- One job per upload. Workers claim due jobs with FOR UPDATE SKIP LOCKED and hold a lease;
-- a job whose lease ran out (its worker died) is claimed again.
create table processing_job (
    id               uuid        primary key,
    track_id         uuid        not null references track (id) on delete cascade,
    owner_id         uuid        not null,
    status           text        not null check (status in ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED')),
    attempts         int         not null default 0,
    run_after        timestamptz not null,
    lease_expires_at timestamptz,
    worker           text,
    last_error       text,
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    version          bigint      not null
);

create index processing_job_due on processing_job (run_after) where status in ('QUEUED', 'RUNNING');
create index processing_job_track on processing_job (track_id);
create index processing_job_owner on processing_job (owner_id);

create table album (
    id            uuid        primary key,
    owner_id      uuid        not null,
    title         text        not null check (length(title) between 1 and 200),
    type          text        not null check (type in ('SINGLE', 'EP', 'ALBUM')),
    -- UPC-A (12 digits) or EAN-13, check digit verified by the service.
    upc           text        check (upc ~ '^[0-9]{12,13}$'),
    release_date  date,
    label_name    text        check (length(label_name) <= 200),
    primary_genre text        check (length(primary_genre) <= 100),
    p_line        text        check (length(p_line) <= 300),
    c_line        text        check (length(c_line) <= 300),
    -- Cover artwork: the original's pixel size and type; the renditions live under artwork/<ownerId>/<albumId>/.
    artwork_width  int,
    artwork_height int,
    artwork_type   text,
    artwork_updated_at timestamptz,
    created_at    timestamptz not null,
    updated_at    timestamptz not null,
    version       bigint      not null
);

create index album_owner_created on album (owner_id, created_at desc, id);

create table album_track (
    album_id uuid not null references album (id) on delete cascade,
    position int  not null,
    track_id uuid not null references track (id) on delete cascade,
    primary key (album_id, position),
    constraint album_track_once unique (album_id, track_id)
);

create index album_track_track on album_track (track_id);
