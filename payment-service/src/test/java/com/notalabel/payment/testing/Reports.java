package com.notalabel.payment.testing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.transaction.support.TransactionTemplate;

import com.notalabel.payment.earnings.EarningsPosting;
import com.notalabel.types.event.EventEnvelope;
import com.notalabel.types.id.TrackId;
import com.notalabel.types.id.UserId;
import com.notalabel.types.money.Money;
import com.notalabel.types.events.analytics.EarningsRecorded;

/**
 * Store reports as analytics-service announces them, handed to the posting in a
 * transaction as the event consumer does (the consumer's own path is tested by
 * {@code EarningsConsumptionIntegrationTests}).
 */
public final class Reports {

	private final EarningsPosting posting;

	private final TransactionTemplate transactions;

	public Reports(EarningsPosting posting, TransactionTemplate transactions) {
		this.posting = posting;
		this.transactions = transactions;
	}

	public EventEnvelope<EarningsRecorded> post(EarningsRecorded report) {
		EventEnvelope<EarningsRecorded> envelope = new EventEnvelope<>(UUID.randomUUID(), "analytics.EarningsRecorded",
				1, Instant.now(), "analytics-service", report.subject(), report);
		post(envelope);
		return envelope;
	}

	public void post(EventEnvelope<EarningsRecorded> envelope) {
		this.transactions.executeWithoutResult((status) -> this.posting.on(envelope));
	}

	public static Builder of(UserId owner) {
		return new Builder(owner);
	}

	/**
	 * A report being written.
	 */
	public static final class Builder {

		private final UserId owner;

		private final List<EarningsRecorded.Line> lines = new ArrayList<>();

		private Builder(UserId owner) {
			this.owner = owner;
		}

		public Builder line(TrackId track, String store, String month, long amountMinor, String currency) {
			LocalDate start = LocalDate.parse(month + "-01");
			this.lines.add(new EarningsRecorded.Line(track, null, store, start, start.plusMonths(1).minusDays(1),
					Money.of(amountMinor, currency)));
			return this;
		}

		public EarningsRecorded build() {
			return new EarningsRecorded(UUID.randomUUID(), this.owner, "store", this.lines, Instant.now());
		}

	}

}
