package com.notalabel.payment.catalogue;

import java.sql.Timestamp;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.notalabel.types.events.music.TrackUpdated;
import com.notalabel.types.id.TrackId;
import com.notalabel.types.id.UserId;

/**
 * payment-service's copy of each track's owner and title, kept from music-service's
 * whole-state {@code TrackUpdated} events: of two events about a track, the later
 * {@code updatedAt} holds, so a late redelivery never rolls the copy back.
 */
@Component
public class TrackCatalogue {

	private final JdbcClient jdbc;

	TrackCatalogue(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void on(TrackUpdated event) {
		this.jdbc.sql("""
				insert into track (track_id, owner_id, title, deleted, updated_at) values (?, ?, ?, ?, ?)
				on conflict (track_id) do update set owner_id = excluded.owner_id, title = excluded.title,
				    deleted = excluded.deleted, updated_at = excluded.updated_at
				where track.updated_at < excluded.updated_at""")
			.params(event.trackId().value(), event.ownerId().value(), event.title(), event.deleted(),
					Timestamp.from(event.updatedAt()))
			.update();
	}

	/**
	 * A track of an owner that is not deleted.
	 * @param owner the owner
	 * @param track the track
	 * @return its title, empty if the track is unknown, deleted or someone else's
	 */
	@Transactional(readOnly = true)
	public Optional<String> titleOfOwnTrack(UserId owner, TrackId track) {
		return this.jdbc.sql("select title from track where track_id = ? and owner_id = ? and not deleted")
			.params(track.value(), owner.value())
			.query(String.class)
			.optional();
	}

	/**
	 * Titles of tracks, deleted ones included (earnings may come after a deletion).
	 * @param tracks the tracks
	 * @return the title of each one known
	 */
	@Transactional(readOnly = true)
	public Map<UUID, String> titles(Collection<UUID> tracks) {
		Map<UUID, String> titles = new HashMap<>();
		if (tracks.isEmpty()) {
			return titles;
		}
		this.jdbc.sql("select track_id, title from track where track_id = any(?)")
			.param(tracks.toArray(UUID[]::new))
			.query((rs, row) -> titles.put(rs.getObject(1, UUID.class), rs.getString(2)))
			.list();
		return titles;
	}

}
