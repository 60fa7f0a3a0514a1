package com.notalabel.analytics.catalogue;

import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.notalabel.types.events.distribution.ReleaseStatusChanged;
import com.notalabel.types.events.music.AlbumUpdated;
import com.notalabel.types.events.music.TrackUpdated;

/**
 * Keeps the copies up to date. The events carry whole states; a copy is replaced only by
 * a later state, so that an old event delivered late changes nothing. A deleted track or
 * album stays (marked) so that its numbers keep their name; it no longer matches report
 * lines.
 */
@Component
public class CatalogueCopies {

	private final JdbcClient jdbc;

	private final LateMatching lateMatching;

	CatalogueCopies(JdbcClient jdbc, LateMatching lateMatching) {
		this.jdbc = jdbc;
		this.lateMatching = lateMatching;
	}

	public void on(TrackUpdated event) {
		String isrc = (event.isrc() != null) ? event.isrc().value() : null;
		int changed = this.jdbc.sql("""
				insert into catalogue_track (track_id, owner_id, title, isrc, deleted, updated_at)
				values (:track, :owner, :title, :isrc, :deleted, :updatedAt)
				on conflict (track_id) do update set title = excluded.title, isrc = excluded.isrc,
				    deleted = excluded.deleted, updated_at = excluded.updated_at
				where catalogue_track.updated_at < excluded.updated_at""")
			.param("track", event.trackId().value())
			.param("owner", event.ownerId().value())
			.param("title", event.title())
			.param("isrc", isrc)
			.param("deleted", event.deleted())
			.param("updatedAt", event.updatedAt().atOffset(ZoneOffset.UTC))
			.update();
		if (changed > 0 && isrc != null && !event.deleted()) {
			this.lateMatching.match(event.ownerId(), event.trackId(), isrc);
		}
	}

	public void on(AlbumUpdated event) {
		this.jdbc.sql("""
				insert into catalogue_album (album_id, owner_id, title, upc, deleted, updated_at)
				values (:album, :owner, :title, :upc, :deleted, :updatedAt)
				on conflict (album_id) do update set title = excluded.title, upc = excluded.upc,
				    deleted = excluded.deleted, updated_at = excluded.updated_at
				where catalogue_album.updated_at < excluded.updated_at""")
			.param("album", event.albumId().value())
			.param("owner", event.ownerId().value())
			.param("title", event.title())
			.param("upc", (event.upc() != null) ? event.upc().value() : null)
			.param("deleted", event.deleted())
			.param("updatedAt", event.updatedAt().atOffset(ZoneOffset.UTC))
			.update();
	}

	public void on(ReleaseStatusChanged event) {
		this.jdbc.sql("""
				insert into release_status (release_id, platform, owner_id, album_id, upc, status, changed_at)
				values (:release, :platform, :owner, :album, :upc, :status, :changedAt)
				on conflict (release_id, platform) do update set status = excluded.status, upc = excluded.upc,
				    changed_at = excluded.changed_at
				where release_status.changed_at <= excluded.changed_at""")
			.param("release", event.releaseId().value())
			.param("platform", event.platform())
			.param("owner", event.ownerId().value())
			.param("album", event.albumId().value())
			.param("upc", (event.upc() != null) ? event.upc().value() : null)
			.param("status", event.status().name())
			.param("changedAt", event.changedAt().atOffset(ZoneOffset.UTC))
			.update();
	}

}
