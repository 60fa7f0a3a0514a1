-- The tracks an artist shows on their public page, in their order. A track leaves the
-- showcase with the track (deletion, erasure); nothing else of the catalogue is public.
create table showcase_track (
    owner_id uuid not null,
    position int not null check (position >= 1),
    track_id uuid not null references track (id) on delete cascade,
    primary key (owner_id, position),
    constraint showcase_track_once unique (track_id) deferrable initially deferred
);
