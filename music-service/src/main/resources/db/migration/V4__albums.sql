-- Albums and their artwork (docs/adr/0017-album-artwork.md).

-- Every upload of cover artwork is stored under its own id (artwork/<ownerId>/<albumId>/<artworkId>-<variant>),
-- so that replacing it never shows a mix of old and new objects, and an upload whose
-- transaction fails can remove exactly what it wrote. The artwork columns are set together.
alter table album add column artwork_id uuid;
alter table album add constraint album_artwork_whole check (
    (artwork_id is null and artwork_width is null and artwork_height is null and artwork_type is null
        and artwork_updated_at is null)
    or (artwork_id is not null and artwork_width > 0 and artwork_height > 0
        and artwork_type in ('image/jpeg', 'image/png') and artwork_updated_at is not null));

-- A new running order rewrites the rows in place, position by position: two tracks that swap
-- places are each on the album twice until the last row is written, so "once per album" is
-- checked at commit.
alter table album_track drop constraint album_track_once;
alter table album_track add constraint album_track_once unique (album_id, track_id) deferrable initially deferred;
