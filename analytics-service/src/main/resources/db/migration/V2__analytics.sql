-- Copies of the catalogue, kept from music-service's and distribution-service's events: what
-- report lines are matched against (ISRC to track, UPC to album) and what ownership is
-- judged by. Whole-state events: the later updated_at wins.
create table catalogue_track (
    track_id   uuid primary key,
    owner_id   uuid        not null,
    title      text        not null,
    isrc       text,
    deleted    boolean     not null,
    updated_at timestamptz not null
);
create index catalogue_track_owner on catalogue_track (owner_id);
create index catalogue_track_isrc on catalogue_track (isrc) where isrc is not null and not deleted;

create table catalogue_album (
    album_id   uuid primary key,
    owner_id   uuid        not null,
    title      text        not null,
    upc        text,
    deleted    boolean     not null,
    updated_at timestamptz not null
);
create index catalogue_album_owner on catalogue_album (owner_id);
create index catalogue_album_upc on catalogue_album (upc) where upc is not null and not deleted;

create table release_status (
    release_id uuid        not null,
    platform   text        not null,
    owner_id   uuid        not null,
    album_id   uuid        not null,
    upc        text,
    status     text        not null,
    changed_at timestamptz not null,
    primary key (release_id, platform)
);
create index release_status_owner on release_status (owner_id);

-- One imported report. A refused one is kept as a record of the refusal (what, where), never
-- with any of its lines. A completed report is kept once per scope (the uploading artist, or
-- the platform for a store's report) by its content hash.
create table report_import (
    id              uuid primary key,
    owner_id        uuid,
    scope           uuid        not null,
    source          text        not null,
    format          text,
    store           text,
    file_name       text,
    sha256          text,
    status          text        not null,
    problem         text,
    problem_line    bigint,
    lines           bigint      not null default 0,
    usage_lines     bigint      not null default 0,
    matched_lines   bigint      not null default 0,
    unmatched_lines bigint      not null default 0,
    units           bigint      not null default 0,
    revenue         jsonb       not null default '[]',
    period_start    date,
    period_end      date,
    created_at      timestamptz not null
);
create unique index report_import_once on report_import (scope, sha256) where status = 'COMPLETED';
create index report_import_owner on report_import (owner_id, created_at desc);

-- The raw facts: one row per usage line of a report, matched or not, partitioned by the month
-- of the day the usage started (partitions are made as imports need them). Reads never come
-- here: they are served from the roll-ups below, maintained in the import's transaction.
-- owner_id: the matched track's or album's artist; for an artist's own upload, the uploader
-- even when the line matched nothing of theirs. Revenue in millionths of the currency's unit:
-- reports carry fractions of a cent per line, which add up before anything is rounded.
create table usage_fact (
    import_id      uuid   not null,
    usage_date     date   not null,
    period_end     date   not null,
    owner_id       uuid,
    track_id       uuid,
    album_id       uuid,
    isrc           text,
    upc            text,
    store          text   not null,
    country        text   not null,
    city           text,
    units          bigint not null,
    currency       text,
    revenue_micros bigint not null
) partition by range (usage_date);
-- Lines that matched no track, found again when a track gets their ISRC.
create index usage_fact_unmatched on usage_fact (isrc) where track_id is null and isrc is not null;

-- Roll-ups, per artist: dim O (all), T (track id), S (store), C (country), Y (city) by day (D)
-- and by month (M, period = its first day). Every read is served from these.
create table usage_rollup (
    owner_id  uuid    not null,
    dim       char(1) not null,
    grain     char(1) not null,
    period    date    not null,
    key       text    not null,
    streams   bigint  not null default 0,
    plays     bigint  not null default 0,
    listeners bigint  not null default 0,
    primary key (owner_id, dim, grain, period, key)
);

-- Revenue per currency, never summed across currencies; units are the usages reported with it.
create table revenue_rollup (
    owner_id uuid    not null,
    dim      char(1) not null,
    grain    char(1) not null,
    period   date    not null,
    key      text    not null,
    currency text    not null,
    micros   bigint  not null default 0,
    units    bigint  not null default 0,
    primary key (owner_id, dim, grain, period, key, currency)
);

-- Plays on the artist's public page, recorded as they arrive and folded into the roll-ups
-- shortly after (PlayFolding). visitor is a hash of the visitor salted with a secret of the day.
create table play_event (
    id        bigint generated always as identity primary key,
    owner_id  uuid        not null,
    track_id  uuid        not null,
    played_at timestamptz not null,
    visitor   text        not null
);

-- Who was counted as a listener of the day, to count each once; kept two days, then dropped.
create table play_visitor (
    owner_id uuid not null,
    day      date not null,
    scope    text not null,
    visitor  text not null,
    primary key (owner_id, day, scope, visitor)
);

-- Alerts told to the artist (and published as events), each once.
create table track_alert (
    id           uuid primary key,
    owner_id     uuid             not null,
    track_id     uuid             not null,
    kind         text             not null,
    dedup_key    text             not null unique,
    metric       text             not null,
    granularity  text,
    period_start date,
    value        bigint           not null,
    baseline     double precision,
    detail       jsonb            not null default '{}',
    created_at   timestamptz      not null
);
create index track_alert_owner on track_alert (owner_id, created_at desc);

-- Store report files seen on a store's server, so that each is fetched once.
create table store_report_file (
    store     text        not null,
    name      text        not null,
    import_id uuid,
    outcome   text        not null,
    seen_at   timestamptz not null,
    primary key (store, name)
);

-- When AnalyticsRolledUp was last published for an artist's plays: plays change the numbers
-- every second, ai-service needs to hear of it only now and then.
create table plays_notice (
    owner_id     uuid primary key,
    published_at timestamptz not null
);
