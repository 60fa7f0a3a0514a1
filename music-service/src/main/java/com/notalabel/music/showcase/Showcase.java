package com.notalabel.music.showcase;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.notalabel.audio.engine.RenditionFormat;
import com.notalabel.music.showcase.ShowcaseResponse.ShowcasedTrack;
import com.notalabel.shared.storage.ObjectStore;
import com.notalabel.shared.web.Problems.FieldError;
import com.notalabel.types.id.TrackId;
import com.notalabel.types.id.UserId;

/**
 * Which of an artist's tracks anyone may see and play on their public page. Only what the
 * artist listed, only once it is processed; everything else of the catalogue stays
 * private.
 */
@Service
class Showcase {

	/** As many as a public page shows; an album's running order allows as many. */
	static final int MAX_TRACKS = 100;

	private final JdbcClient jdbc;

	private final ObjectStore storage;

	Showcase(JdbcClient jdbc, ObjectStore storage) {
		this.jdbc = jdbc;
		this.storage = storage;
	}

	@Transactional(readOnly = true)
	ShowcaseResponse of(UserId artist) {
		List<ShowcasedTrack> shown = this.jdbc.sql("""
				select t.id, t.title, t.version_title, t.explicit
				from showcase_track s join track t on t.id = s.track_id
				where s.owner_id = :owner and t.rendition_key is not null
				order by s.position""").param("owner", artist.value()).query((row, number) -> {
			UUID id = row.getObject("id", UUID.class);
			return new ShowcasedTrack(id, row.getString("title"), row.getString("version_title"),
					row.getBoolean("explicit"), "/api/v1/showcase/" + artist + "/" + id + "/stream");
		}).list();
		return new ShowcaseResponse(artist.value(), shown);
	}

	/**
	 * Replaces the artist's showcase as a whole.
	 * @param owner the artist
	 * @param request the tracks, first shown first
	 * @return the showcase as it is now
	 * @throws ShowcaseRejected naming each entry that cannot be shown; nothing changed
	 */
	@Transactional
	ShowcaseResponse replace(UserId owner, ShowcaseRequest request) {
		List<@Nullable UUID> requested = request.trackIds();
		if (requested == null) {
			throw new ShowcaseRejected(List.of(new FieldError("trackIds", "must not be null")));
		}
		if (requested.size() > MAX_TRACKS) {
			throw new ShowcaseRejected(List.of(new FieldError("trackIds", "lists at most " + MAX_TRACKS + " tracks")));
		}
		// Two replacements at once would interleave their rows: one owner's showcase changes one at a time.
		this.jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:owner, 0))")
			.param("owner", "showcase:" + owner)
			.query()
			.singleValue();
		Map<UUID, Boolean> processedById = this.jdbc.sql(
				"select id, rendition_key is not null as processed from track where owner_id = :owner and id in (:ids)")
			.param("owner", owner.value())
			.param("ids", requested.isEmpty() ? List.of(new UUID(0, 0)) : requested)
			.query((row, number) -> Map.entry(row.getObject("id", UUID.class), row.getBoolean("processed")))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		List<FieldError> errors = new ArrayList<>();
		Set<UUID> seen = new HashSet<>();
		for (int i = 0; i < requested.size(); i++) {
			UUID id = requested.get(i);
			String field = "trackIds[" + i + "]";
			if (id == null) {
				errors.add(new FieldError(field, "must not be null"));
			}
			else if (!seen.add(id)) {
				errors.add(new FieldError(field, "is listed twice"));
			}
			else if (!processedById.containsKey(id)) {
				errors.add(new FieldError(field, "is not a track in your catalogue"));
			}
			else if (!processedById.get(id)) {
				errors.add(new FieldError(field, "is still being processed: it can be shown once it plays"));
			}
		}
		if (!errors.isEmpty()) {
			throw new ShowcaseRejected(errors);
		}
		this.jdbc.sql("delete from showcase_track where owner_id = :owner").param("owner", owner.value()).update();
		for (int i = 0; i < requested.size(); i++) {
			this.jdbc
				.sql("insert into showcase_track (owner_id, position, track_id) values (:owner, :position, :track)")
				.param("owner", owner.value())
				.param("position", i + 1)
				.param("track", requested.get(i))
				.update();
		}
		return of(owner);
	}

	/**
	 * Where anyone can play a showcased track: a short-lived link to its streaming
	 * rendition.
	 * @param artist the artist whose page shows it
	 * @param track the track
	 * @return the link
	 * @throws ShowcaseTrackNotFound unless that artist shows that processed track
	 */
	@Transactional(readOnly = true)
	URI stream(UserId artist, TrackId track) {
		String key = this.jdbc.sql("""
				select t.rendition_key
				from showcase_track s join track t on t.id = s.track_id
				where s.owner_id = :owner and s.track_id = :track and t.rendition_key is not null""")
			.param("owner", artist.value())
			.param("track", track.value())
			.query(String.class)
			.optional()
			.orElseThrow(ShowcaseTrackNotFound::new);
		String extension = key.substring(key.lastIndexOf('.') + 1);
		Map<String, String> mediaTypes = Arrays.stream(RenditionFormat.values())
			.collect(Collectors.toMap(RenditionFormat::extension, RenditionFormat::mediaType));
		return this.storage.presignedDownload(key, mediaTypes.getOrDefault(extension, "application/octet-stream"),
				null);
	}

}
