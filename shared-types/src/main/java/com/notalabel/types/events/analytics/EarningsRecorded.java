package com.notalabel.types.events.analytics;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.notalabel.types.event.DomainEvent;
import com.notalabel.types.event.EventType;
import com.notalabel.types.id.AlbumId;
import com.notalabel.types.id.TrackId;
import com.notalabel.types.id.UserId;
import com.notalabel.types.money.Money;

/**
 * A store report was imported and holds earnings of one artist: one event per report and
 * artist, whose lines add up, per currency, to what the report says that artist earned.
 * Amounts are never converted: a report in several currencies gives lines in each.
 *
 * @param importId the imported report; with {@code ownerId} it identifies the event, so a
 * consumer that records earnings once per pair cannot count a report twice
 * @param ownerId the artist the earnings belong to
 * @param source {@code upload} (the artist's own file) or {@code store} (a store's report
 * picked up from its server)
 * @param lines what was earned, per track (or release), store, period and currency
 * @param recordedAt when the import committed
 */
@EventType(name = "analytics.EarningsRecorded", producer = "analytics-service")
public record EarningsRecorded(UUID importId, UserId ownerId, String source, List<Line> lines,
		Instant recordedAt) implements DomainEvent {

	public EarningsRecorded {
		Objects.requireNonNull(importId, "importId");
		Objects.requireNonNull(ownerId, "ownerId");
		Objects.requireNonNull(source, "source");
		lines = List.copyOf(lines);
		Objects.requireNonNull(recordedAt, "recordedAt");
	}

	@Override
	public String subject() {
		return this.importId.toString();
	}

	/**
	 * Earnings of one track (or of a whole release, when the store reported a release
	 * sale) in one store, period and currency.
	 *
	 * @param trackId the track, or {@code null} for a release-level line
	 * @param albumId the release's album when the line was matched by UPC, or
	 * {@code null}
	 * @param store the store, as the report names it
	 * @param periodStart the first day the report covers
	 * @param periodEnd the last day it covers
	 * @param amount what was earned, rounded to the currency's minor unit once per line
	 * (the report's fractions are added up first)
	 */
	public record Line(@Nullable TrackId trackId, @Nullable AlbumId albumId, String store, LocalDate periodStart,
			LocalDate periodEnd, Money amount) {

		public Line {
			Objects.requireNonNull(store, "store");
			Objects.requireNonNull(periodStart, "periodStart");
			Objects.requireNonNull(periodEnd, "periodEnd");
			Objects.requireNonNull(amount, "amount");
		}

	}

}
