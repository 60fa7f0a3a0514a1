-- Tracks as music-service last described them (music.TrackUpdated): who owns which track, so that
-- only the owner can set its split, and its title for statements and invitations.
create table track (
    track_id   uuid        primary key,
    owner_id   uuid        not null,
    title      text        not null,
    deleted    boolean     not null,
    updated_at timestamptz not null
);

create index track_owner on track (owner_id);

-- An invitation to a share of an artist's royalties, one per artist and collaborator address;
-- the shares it stands for accrue in its PAYEE_HELD account until someone accepts it.
create table invitation (
    id          uuid        primary key,
    owner_id    uuid        not null,
    email       text        not null,
    token_hash  bytea       not null unique,
    expires_at  timestamptz not null,
    accepted_by uuid,
    accepted_at timestamptz,
    created_at  timestamptz not null,
    unique (owner_id, email),
    check ((accepted_by is null) = (accepted_at is null))
);

create index invitation_accepted_by on invitation (accepted_by) where accepted_by is not null;

-- A track's split as set at one time; earnings use the version in force for their period, and a
-- new version never changes what was posted before it.
create table split_version (
    id                  uuid        primary key,
    track_id            uuid        not null,
    owner_id            uuid        not null,
    version             int         not null check (version > 0),
    -- Null: in force for every period before the next version's date.
    effective_from      date,
    -- Optional recoupment: the first recoup_amount_minor of revenue (after the fee) in
    -- recoup_currency goes to one share's payee before the split applies.
    recoup_share_no     int,
    recoup_amount_minor bigint      check (recoup_amount_minor > 0),
    recoup_currency     char(3),
    recouped_minor      bigint      not null default 0,
    created_at          timestamptz not null,
    unique (track_id, version),
    check ((recoup_share_no is null) = (recoup_amount_minor is null)
        and (recoup_amount_minor is null) = (recoup_currency is null)),
    check (recouped_minor >= 0 and (recoup_amount_minor is null or recouped_minor <= recoup_amount_minor))
);

create index split_version_track on split_version (track_id, effective_from);

create table split_share (
    split_version_id uuid not null references split_version (id),
    share_no         int  not null,
    -- Null: the track's owner.
    invitation_id    uuid references invitation (id),
    role             text not null,
    basis_points     int  not null check (basis_points between 1 and 10000),
    primary key (split_version_id, share_no)
);

-- One import of a store report for one artist (analytics.EarningsRecorded): posted once.
create table earnings_import (
    import_id   uuid        not null,
    owner_id    uuid        not null,
    source      text        not null,
    line_count  int         not null,
    recorded_at timestamptz not null,
    event_id    uuid        not null,
    posted_at   timestamptz not null,
    primary key (import_id, owner_id)
);

-- Each line of an import, with the journal entry that split it; what statements are made of.
create table earnings_line (
    entry_id         uuid    primary key references journal_entry (id),
    import_id        uuid    not null,
    owner_id         uuid    not null,
    line_no          int     not null,
    track_id         uuid,
    album_id         uuid,
    store            text    not null,
    period_start     date    not null,
    period_end       date    not null,
    currency         char(3) not null,
    gross_minor      bigint  not null,
    fee_minor        bigint  not null,
    split_version_id uuid,
    unique (import_id, owner_id, line_no),
    foreign key (import_id, owner_id) references earnings_import (import_id, owner_id)
);

create index earnings_line_owner_period on earnings_line (owner_id, period_start);
create index earnings_line_period on earnings_line (period_start);
