package com.notalabel.distribution.catalogue;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.notalabel.types.events.music.AlbumUpdated;
import com.notalabel.types.events.music.TrackDeleted;
import com.notalabel.types.events.music.TrackProcessed;
import com.notalabel.types.events.music.TrackUpdated;
import com.notalabel.types.events.music.TrackUpdated.AudioFacts;
import com.notalabel.types.events.music.TrackUpdated.Credit;
import com.notalabel.types.events.user.UserProfileUpdated;
import com.notalabel.types.id.AlbumId;
import com.notalabel.types.id.TrackId;
import com.notalabel.types.id.UserId;

/**
 * The copy of the catalogue: replaced by each whole-state event, never merged. Of two
 * events about one album or track the later state ({@code updatedAt}) wins, whatever
 * order they arrive in, and a deletion is kept as a tombstone that no older state
 * overwrites; so redelivered and reordered events leave the same copy.
 */
@Service
public class Catalogue {

	private static final TypeReference<List<Credit>> CREDITS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	Catalogue(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		// Facts written by a newer producer may have fields this build does not know.
		this.json = json.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
	}

	@Transactional
	public void on(AlbumUpdated event) {
		this.jdbc.sql("""
				insert into catalogue_album (id, owner_id, title, type, upc, release_date, label_name, primary_genre,
				    p_line, c_line, track_ids, has_artwork, deleted, updated_at)
				values (:id, :owner, :title, :type, :upc, :releaseDate, :label, :genre, :pLine, :cLine, :tracks,
				    :artwork, :deleted, :at)
				on conflict (id) do update set owner_id = excluded.owner_id, title = excluded.title,
				    type = excluded.type, upc = excluded.upc, release_date = excluded.release_date,
				    label_name = excluded.label_name, primary_genre = excluded.primary_genre, p_line = excluded.p_line,
				    c_line = excluded.c_line, track_ids = excluded.track_ids, has_artwork = excluded.has_artwork,
				    deleted = excluded.deleted, updated_at = excluded.updated_at
				where not catalogue_album.deleted and catalogue_album.updated_at <= excluded.updated_at
				""")
			.param("id", event.albumId().value())
			.param("owner", event.ownerId().value())
			.param("title", event.title())
			.param("type", event.type().name())
			.param("upc", (event.upc() != null) ? event.upc().value() : null)
			.param("releaseDate", event.releaseDate())
			.param("label", event.labelName())
			.param("genre", event.primaryGenre())
			.param("pLine", event.pLine())
			.param("cLine", event.cLine())
			.param("tracks", event.trackIds().stream().map(TrackId::value).toArray(UUID[]::new))
			.param("artwork", event.hasArtwork())
			.param("deleted", event.deleted())
			.param("at", utc(event.updatedAt()))
			.update();
	}

	@Transactional
	public void on(TrackUpdated event) {
		this.jdbc.sql("""
				insert into catalogue_track (id, owner_id, title, version_title, isrc, explicit, genre, language,
				    credits, status, format, size_bytes, sha256, original_key, audio, deleted, updated_at)
				values (:id, :owner, :title, :version, :isrc, :explicit, :genre, :language, cast(:credits as jsonb),
				    :status, :format, :size, :sha256, :key, cast(:audio as jsonb), :deleted, :at)
				on conflict (id) do update set owner_id = excluded.owner_id, title = excluded.title,
				    version_title = excluded.version_title, isrc = excluded.isrc, explicit = excluded.explicit,
				    genre = excluded.genre, language = excluded.language, credits = excluded.credits,
				    status = excluded.status, format = excluded.format, size_bytes = excluded.size_bytes,
				    sha256 = excluded.sha256, original_key = excluded.original_key, audio = excluded.audio,
				    deleted = excluded.deleted, updated_at = excluded.updated_at
				where not catalogue_track.deleted and catalogue_track.updated_at <= excluded.updated_at
				""")
			.param("id", event.trackId().value())
			.param("owner", event.ownerId().value())
			.param("title", event.title())
			.param("version", event.versionTitle())
			.param("isrc", (event.isrc() != null) ? event.isrc().value() : null)
			.param("explicit", event.explicit())
			.param("genre", event.genre())
			.param("language", event.language())
			.param("credits", this.json.writeValueAsString(event.credits()))
			.param("status", event.status().name())
			.param("format", event.format())
			.param("size", event.sizeBytes())
			.param("sha256", event.sha256())
			.param("key", event.originalKey())
			.param("audio", (event.audio() != null) ? this.json.writeValueAsString(event.audio()) : null)
			.param("deleted", event.deleted())
			.param("at", utc(event.updatedAt()))
			.update();
	}

	/**
	 * A processed track is ready; the {@link TrackUpdated} of the same change brings its
	 * facts, this only makes sure the status does not wait for it.
	 * @param event the analysis' end
	 */
	@Transactional
	public void on(TrackProcessed event) {
		this.jdbc.sql("""
				update catalogue_track set status = 'READY'
				where id = :id and not deleted and status = 'PROCESSING' and updated_at <= :at
				""").param("id", event.trackId().value()).param("at", utc(event.processedAt())).update();
	}

	@Transactional
	public void on(TrackDeleted event) {
		this.jdbc
			.sql("update catalogue_track set deleted = true, updated_at = greatest(updated_at, :at) where id = :id")
			.param("id", event.trackId().value())
			.param("at", utc(event.deletedAt()))
			.update();
	}

	@Transactional
	public void on(UserProfileUpdated event) {
		this.jdbc.sql("""
				insert into artist (owner_id, display_name, updated_at) values (:owner, :name, :at)
				on conflict (owner_id) do update set display_name = excluded.display_name,
				    updated_at = excluded.updated_at
				where artist.updated_at <= excluded.updated_at
				""")
			.param("owner", event.userId().value())
			.param("name", event.displayName())
			.param("at", utc(event.updatedAt()))
			.update();
	}

	/**
	 * Forgets everything about an artist's catalogue, for the erasure of the account.
	 * @param owner the artist
	 * @return the rows removed
	 */
	@Transactional
	public int erase(UserId owner) {
		int removed = 0;
		for (String table : List.of("catalogue_track", "catalogue_album")) {
			removed += this.jdbc.sql("delete from " + table + " where owner_id = :owner")
				.param("owner", owner.value())
				.update();
		}
		removed += this.jdbc.sql("delete from artist where owner_id = :owner").param("owner", owner.value()).update();
		return removed;
	}

	/**
	 * One of the artist's albums, unless it was deleted.
	 * @param owner the artist
	 * @param id the album
	 * @return the album, empty when the artist has no such album
	 */
	@Transactional(readOnly = true)
	public Optional<AlbumCopy> album(UserId owner, AlbumId id) {
		return this.jdbc.sql("select * from catalogue_album where id = :id and owner_id = :owner and not deleted")
			.param("id", id.value())
			.param("owner", owner.value())
			.query(Catalogue::album)
			.optional();
	}

	/**
	 * The artist's tracks among the given ones that still exist, by id.
	 * @param owner the artist
	 * @param ids the tracks
	 * @return the tracks found
	 */
	@Transactional(readOnly = true)
	public Map<TrackId, TrackCopy> tracks(UserId owner, Collection<TrackId> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		List<TrackCopy> found = this.jdbc
			.sql("select * from catalogue_track where id = any(:ids) and owner_id = :owner and not deleted")
			.param("ids", ids.stream().map(TrackId::value).toArray(UUID[]::new))
			.param("owner", owner.value())
			.query(this::track)
			.list();
		Map<TrackId, TrackCopy> byId = new LinkedHashMap<>();
		found.forEach((track) -> byId.put(track.id(), track));
		return byId;
	}

	/**
	 * The artist's name as delivered.
	 * @param owner the artist
	 * @return the name, empty until the profile was announced
	 */
	@Transactional(readOnly = true)
	public Optional<String> artistName(UserId owner) {
		return this.jdbc.sql("select display_name from artist where owner_id = :owner")
			.param("owner", owner.value())
			.query(String.class)
			.optional();
	}

	private static AlbumCopy album(ResultSet row, int index) throws SQLException {
		List<TrackId> tracks = new ArrayList<>();
		Array array = row.getArray("track_ids");
		for (Object id : (Object[]) array.getArray()) {
			tracks.add(new TrackId((UUID) id));
		}
		return new AlbumCopy(new AlbumId(row.getObject("id", UUID.class)),
				new UserId(row.getObject("owner_id", UUID.class)), row.getString("title"), row.getString("type"),
				row.getString("upc"), row.getObject("release_date", LocalDate.class), row.getString("label_name"),
				row.getString("primary_genre"), row.getString("p_line"), row.getString("c_line"), tracks,
				row.getBoolean("has_artwork"), row.getObject("updated_at", OffsetDateTime.class).toInstant());
	}

	private TrackCopy track(ResultSet row, int index) throws SQLException {
		String audio = row.getString("audio");
		return new TrackCopy(new TrackId(row.getObject("id", UUID.class)),
				new UserId(row.getObject("owner_id", UUID.class)), row.getString("title"),
				row.getString("version_title"), row.getString("isrc"), row.getBoolean("explicit"),
				row.getString("genre"), row.getString("language"),
				this.json.readValue(row.getString("credits"), CREDITS), row.getString("status"),
				row.getString("format"), row.getLong("size_bytes"), row.getString("sha256"),
				row.getString("original_key"), (audio != null) ? this.json.readValue(audio, AudioFacts.class) : null,
				row.getObject("updated_at", OffsetDateTime.class).toInstant());
	}

	private static OffsetDateTime utc(Instant at) {
		return at.atOffset(ZoneOffset.UTC);
	}

}
