package com.notalabel.music.album;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.notalabel.music.track.Track;
import com.notalabel.music.track.TrackStatus;
import com.notalabel.types.id.AlbumId;
import com.notalabel.types.id.TrackId;

/**
 * An album as its artist sees it.
 *
 * @param id the album
 * @param title the title
 * @param type single, EP or album
 * @param upc the barcode, or {@code null}
 * @param releaseDate the planned release day, or {@code null}
 * @param labelName the label, or {@code null}
 * @param primaryGenre the primary genre, or {@code null}
 * @param pLine the ℗ line, or {@code null}
 * @param cLine the © line, or {@code null}
 * @param tracks the tracks in running order
 * @param artwork the cover, or {@code null} while there is none
 * @param warnings what still stands between the album and the stores, empty when it is
 * ready
 * @param createdAt when the album was created
 * @param updatedAt when it last changed
 */
public record AlbumResponse(AlbumId id, String title, AlbumType type, @Nullable String upc,
		@Nullable LocalDate releaseDate, @Nullable String labelName, @Nullable String primaryGenre,
		@Nullable String pLine, @Nullable String cLine, List<AlbumTrack> tracks, @Nullable Artwork artwork,
		List<Readiness.Warning> warnings, Instant createdAt, Instant updatedAt) {

	/**
	 * The album with its tracks as loaded.
	 * @param album the album
	 * @param tracksById at least the album's tracks; one missing (deleted meanwhile) is
	 * left out
	 * @return the response
	 */
	static AlbumResponse of(Album album, Map<UUID, Track> tracksById) {
		AlbumDetails details = album.details();
		List<Track> tracks = album.trackIds()
			.stream()
			.map((id) -> tracksById.get(id.value()))
			.filter(Objects::nonNull)
			.toList();
		List<AlbumTrack> listed = new ArrayList<>();
		for (Track track : tracks) {
			listed.add(
					new AlbumTrack(track.id(), track.title(), track.versionTitle(), track.status(), listed.size() + 1));
		}
		AlbumArtwork cover = album.artwork();
		return new AlbumResponse(album.id(), details.title(), details.type(),
				(details.upc() != null) ? details.upc().value() : null, details.releaseDate(), details.labelName(),
				details.primaryGenre(), details.pLine(), details.cLine(), List.copyOf(listed),
				(cover != null) ? Artwork.of(album.id(), cover) : null, Readiness.of(details, cover, tracks),
				album.createdAt(), album.updatedAt());
	}

	/**
	 * One track of the running order.
	 *
	 * @param id the track
	 * @param title its title
	 * @param versionTitle its version (e.g. "Radio Edit"), or {@code null}
	 * @param status whether it is processed
	 * @param position its place on the album, from 1
	 */
	public record AlbumTrack(TrackId id, String title, @Nullable String versionTitle, TrackStatus status,
			int position) {

	}

	/**
	 * The cover.
	 *
	 * @param width the original's width in pixels
	 * @param height the original's height in pixels
	 * @param mediaType the original's type
	 * @param updatedAt when it was uploaded
	 * @param links where each variant is served ({@code original}, {@code 3000},
	 * {@code 600}, {@code 300}); each redirects to a short-lived download URL
	 */
	public record Artwork(int width, int height, String mediaType, Instant updatedAt, Map<String, String> links) {

		static Artwork of(AlbumId album, AlbumArtwork cover) {
			Map<String, String> links = new LinkedHashMap<>();
			for (AlbumArtwork.Variant variant : AlbumArtwork.Variant.values()) {
				links.put(variant.key(), "/api/v1/albums/" + album + "/artwork?size=" + variant.key());
			}
			return new Artwork(cover.width(), cover.height(), cover.mediaType(), cover.updatedAt(),
					Collections.unmodifiableMap(links));
		}

	}

}
