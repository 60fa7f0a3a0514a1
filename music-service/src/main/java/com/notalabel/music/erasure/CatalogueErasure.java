package com.notalabel.music.erasure;

import java.time.ZoneOffset;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.notalabel.music.storage.ObjectKeys;
import com.notalabel.shared.storage.ObjectStore;
import com.notalabel.music.track.TrackRepository;
import com.notalabel.types.events.user.UserDeleted;
import com.notalabel.types.id.UserId;

/**
 * Erases everything the catalogue holds about a deleted account: its rows (tracks with
 * their credits, analyses, album places and jobs; albums) and every object under its
 * prefixes in the bucket.
 *
 * <p>
 * It runs in the event consumer's transaction and deletes the rows first, then the
 * objects, then lets the transaction commit:
 * <ul>
 * <li>a failure anywhere, even after the objects are gone, rolls the rows back and the
 * event is delivered again, and deleting is idempotent, so nothing is left behind after
 * the retry;</li>
 * <li>deleting the rows locks them, so a processing job of this artist that is finishing
 * either committed before (its rendition is then among the objects deleted here) or waits
 * and finds its track gone afterwards (and deletes the rendition it uploaded
 * itself).</li>
 * </ul>
 */
@Component
public class CatalogueErasure {

	private static final Logger log = LoggerFactory.getLogger(CatalogueErasure.class);

	private final JdbcClient jdbc;

	private final ObjectStore storage;

	private final TrackRepository tracks;

	CatalogueErasure(JdbcClient jdbc, ObjectStore storage, TrackRepository tracks) {
		this.jdbc = jdbc;
		this.storage = storage;
		this.tracks = tracks;
	}

	/**
	 * Erases the deleted account's catalogue.
	 * @param event the deletion
	 */
	@Transactional
	public void on(UserDeleted event) {
		UserId owner = event.userId();
		// An upload still streaming in records its track under this lock and finds the
		// tombstone afterwards: nothing of the account comes back.
		this.tracks.lockUploadsOf(owner);
		this.jdbc.sql("insert into erased_account (owner_id, erased_at) values (:owner, :at) on conflict do nothing")
			.param("owner", owner.value())
			.param("at", event.deletedAt().atOffset(ZoneOffset.UTC))
			.update();
		// Tracks first, as a track deletion does, so that locks are always taken track
		// before job: the cascade removes credits, analyses, album places and jobs.
		int tracks = delete("delete from track where owner_id = :owner", owner);
		int albums = delete("delete from album where owner_id = :owner", owner);
		// Jobs always belong to a track; this only guards against one that did not.
		delete("delete from processing_job where owner_id = :owner", owner);
		int objects = 0;
		for (String prefix : ObjectKeys.ownerPrefixes(owner)) {
			objects += this.storage.deletePrefix(prefix);
		}
		log.info("Erased the catalogue of deleted account {}: {} tracks, {} albums, {} objects", owner, tracks, albums,
				objects);
	}

	private int delete(String sql, UserId owner) {
		UUID id = owner.value();
		return this.jdbc.sql(sql).param("owner", id).update();
	}

}
