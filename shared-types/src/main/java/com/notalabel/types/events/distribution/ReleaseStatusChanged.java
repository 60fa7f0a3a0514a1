package com.notalabel.types.events.distribution;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import org.jspecify.annotations.Nullable;

import com.notalabel.types.catalog.Upc;
import com.notalabel.types.event.DomainEvent;
import com.notalabel.types.event.EventType;
import com.notalabel.types.id.AlbumId;
import com.notalabel.types.id.ReleaseId;
import com.notalabel.types.id.UserId;

/**
 * A release's delivery to one store moved on: it is being delivered, was delivered, the
 * store accepted or rejected it, it is live, or it was taken down.
 *
 * @param releaseId the release
 * @param ownerId the artist
 * @param albumId the album it was made from
 * @param title the release's title, for a notification's words
 * @param upc the release's barcode
 * @param platform the store, by its configured name
 * @param status the delivery's new status
 * @param reasons why, in the store's own words (a rejection) or ours (a failed delivery);
 * empty otherwise
 * @param changedAt when the status changed
 */
@EventType(name = "distribution.ReleaseStatusChanged", producer = "distribution-service")
public record ReleaseStatusChanged(ReleaseId releaseId, UserId ownerId, AlbumId albumId, String title,
		@Nullable Upc upc, String platform, DeliveryStatus status, List<String> reasons,
		Instant changedAt) implements DomainEvent {

	public ReleaseStatusChanged {
		Objects.requireNonNull(releaseId, "releaseId");
		Objects.requireNonNull(ownerId, "ownerId");
		Objects.requireNonNull(albumId, "albumId");
		Objects.requireNonNull(title, "title");
		Objects.requireNonNull(platform, "platform");
		Objects.requireNonNull(status, "status");
		reasons = List.copyOf(reasons);
		Objects.requireNonNull(changedAt, "changedAt");
	}

	@Override
	public String subject() {
		return this.releaseId.toString();
	}

	/**
	 * Where a delivery to one store stands.
	 */
	public enum DeliveryStatus {

		/** Waiting for its turn. */
		QUEUED,

		/** Files are being sent. */
		DELIVERING,

		/** Every file and the batch manifest reached the store. */
		DELIVERED,

		/** The store accepted the release. */
		ACCEPTED,

		/** The store refused the release; the reasons say why. */
		REJECTED,

		/** The release is live in the store. */
		LIVE,

		/** The release was withdrawn from the store. */
		TAKEN_DOWN,

		/** The delivery could not be made; the reasons say why. */
		FAILED,

		/**
		 * Any status this build does not know: a newer producer's constant reads as this
		 * one.
		 */
		@JsonEnumDefaultValue
		OTHER

	}

}
