package com.notalabel.types.events.distribution;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import com.notalabel.types.catalog.Upc;
import com.notalabel.types.event.DomainEvent;
import com.notalabel.types.event.EventType;
import com.notalabel.types.id.AlbumId;
import com.notalabel.types.id.ReleaseId;
import com.notalabel.types.id.TrackId;
import com.notalabel.types.id.UserId;

/**
 * An artist submitted a release: every chosen store passed its readiness rules, the
 * release's content is frozen and a delivery to each store is queued.
 *
 * @param releaseId the release
 * @param ownerId the artist
 * @param albumId the album it was made from
 * @param title the release's title
 * @param upc the release's barcode
 * @param releaseDate the day the release goes live
 * @param platforms the stores it goes to, by their configured name
 * @param territories where it is sold: ISO 3166-1 alpha-2 codes, or {@code Worldwide}
 * @param trackIds the tracks in running order
 * @param artistName the artist's name as delivered, or {@code null} when the release
 * carries none
 * @param submittedAt when it was submitted
 */
@EventType(name = "distribution.ReleaseSubmitted", producer = "distribution-service")
public record ReleaseSubmitted(ReleaseId releaseId, UserId ownerId, AlbumId albumId, String title, Upc upc,
		LocalDate releaseDate, List<String> platforms, List<String> territories, List<TrackId> trackIds,
		@Nullable String artistName, Instant submittedAt) implements DomainEvent {

	public ReleaseSubmitted {
		Objects.requireNonNull(releaseId, "releaseId");
		Objects.requireNonNull(ownerId, "ownerId");
		Objects.requireNonNull(albumId, "albumId");
		Objects.requireNonNull(title, "title");
		Objects.requireNonNull(upc, "upc");
		Objects.requireNonNull(releaseDate, "releaseDate");
		platforms = List.copyOf(platforms);
		territories = List.copyOf(territories);
		trackIds = List.copyOf(trackIds);
		Objects.requireNonNull(submittedAt, "submittedAt");
	}

	@Override
	public String subject() {
		return this.releaseId.toString();
	}

}
