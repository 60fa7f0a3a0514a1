package com.notalabel.distribution.release;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.notalabel.distribution.storage.ArtworkFacts;
import com.notalabel.types.events.music.TrackUpdated.AudioFacts;
import com.notalabel.types.events.music.TrackUpdated.Credit;
import com.notalabel.types.id.AlbumId;
import com.notalabel.types.id.ReleaseId;
import com.notalabel.types.id.TrackId;
import com.notalabel.types.id.UserId;

/**
 * A release's content at one moment, from distribution's copy of the catalogue: what the
 * readiness rules judge and, once submitted, what every message is built from. Frozen as
 * JSON on submission, so that later edits of the catalogue never leak into a delivery.
 *
 * @param releaseId the release
 * @param ownerId the artist
 * @param albumId the album it is made from
 * @param title the album's title
 * @param type {@code SINGLE}, {@code EP} or {@code ALBUM}
 * @param upc the barcode as the catalogue has it, or {@code null}
 * @param releaseDate the day it goes live, or {@code null} when neither the release nor
 * the album says
 * @param territories where it is sold
 * @param artistName the artist's name, or {@code null} until the profile is known
 * @param labelName the label, or {@code null}
 * @param genre the album's genre, or {@code null}
 * @param pLine the ℗ line, or {@code null}
 * @param cLine the © line, or {@code null}
 * @param artwork the cover, or {@code null} when there is none
 * @param tracks the tracks in running order
 * @param takenAt when the content was read
 */
public record ReleaseSnapshot(ReleaseId releaseId, UserId ownerId, AlbumId albumId, String title, String type,
		@Nullable String upc, @Nullable LocalDate releaseDate, List<String> territories, @Nullable String artistName,
		@Nullable String labelName, @Nullable String genre, @Nullable String pLine, @Nullable String cLine,
		@Nullable ArtworkFacts artwork, List<Track> tracks, Instant takenAt) {

	public ReleaseSnapshot {
		territories = List.copyOf(territories);
		tracks = List.copyOf(tracks);
	}

	/**
	 * One track of the release.
	 *
	 * @param id the track
	 * @param number its place in the running order, from 1
	 * @param found whether the catalogue has the track (a deleted one is listed until the
	 * album's own event drops it)
	 * @param title the title
	 * @param versionTitle the version, or {@code null}
	 * @param isrc the ISRC, or {@code null}
	 * @param explicit whether the lyrics are explicit
	 * @param genre the track's genre, or {@code null}
	 * @param language the lyrics' language, or {@code null}
	 * @param credits the contributors
	 * @param status where processing stands
	 * @param format the original's container
	 * @param sizeBytes the original's size
	 * @param sha256 the original's SHA-256
	 * @param originalKey the original's object key
	 * @param audio what the analysis found, or {@code null}
	 */
	public record Track(TrackId id, int number, boolean found, String title, @Nullable String versionTitle,
			@Nullable String isrc, boolean explicit, @Nullable String genre, @Nullable String language,
			List<Credit> credits, String status, String format, long sizeBytes, String sha256, String originalKey,
			@Nullable AudioFacts audio) {

		public Track {
			credits = List.copyOf(credits);
		}

		/**
		 * How the artist recognises the track in a report.
		 * @return e.g. {@code Track 2 "Night Drive"}
		 */
		public String label() {
			return "Track " + this.number + " \"" + this.title + "\"";
		}

	}

}
