package com.notalabel.distribution.release;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.notalabel.types.events.distribution.ReleaseStatusChanged.DeliveryStatus;

/**
 * A release as the artist sees it.
 *
 * @param id the release
 * @param albumId the album
 * @param title the album's title (as frozen, once submitted)
 * @param status {@code DRAFT}, {@code SUBMITTED} or {@code TAKEN_DOWN}
 * @param platforms the stores
 * @param releaseDate the chosen day, or {@code null} for the album's
 * @param territories where it is sold
 * @param readiness the rule-by-rule report: live for a draft, as it stood at submission
 * afterwards
 * @param deliveries each store's current delivery status, once submitted
 * @param createdAt when it was created
 * @param submittedAt when it was submitted, or {@code null}
 */
record ReleaseResponse(UUID id, UUID albumId, String title, String status, List<String> platforms,
		@Nullable LocalDate releaseDate, List<String> territories, @Nullable ReadinessReport readiness,
		Map<String, DeliveryStatus> deliveries, Instant createdAt, @Nullable Instant submittedAt) {

}
