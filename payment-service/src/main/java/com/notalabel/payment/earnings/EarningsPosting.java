package com.notalabel.payment.earnings;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.notalabel.payment.erasure.ErasedAccounts;
import com.notalabel.payment.ledger.AccountKey;
import com.notalabel.payment.ledger.AccountKind;
import com.notalabel.payment.ledger.EntryKind;
import com.notalabel.payment.ledger.JournalEntry;
import com.notalabel.payment.ledger.Ledger;
import com.notalabel.payment.split.Recoupment;
import com.notalabel.payment.split.SplitRepository;
import com.notalabel.payment.split.SplitShare;
import com.notalabel.payment.split.SplitVersion;
import com.notalabel.types.event.EventEnvelope;
import com.notalabel.types.id.UserId;
import com.notalabel.types.money.Money;
import com.notalabel.types.events.analytics.EarningsRecorded;

/**
 * Posts the earnings of an imported store report (ADR 36). Each line becomes one journal
 * entry: the gross leaves the earnings source, the platform's fee goes to its account, a
 * recoupment in progress takes its part, and the rest is split among the payees of the
 * track's split in force for the line's period (everything to the owner without one). An
 * import is posted once: a second delivery of it, under any event id, posts nothing.
 */
@Service
public class EarningsPosting {

	private static final Logger log = LoggerFactory.getLogger(EarningsPosting.class);

	private final JdbcClient jdbc;

	private final Ledger ledger;

	private final SplitRepository splits;

	private final EarningsProperties properties;

	private final ErasedAccounts erasedAccounts;

	private final Clock clock;

	EarningsPosting(JdbcClient jdbc, Ledger ledger, SplitRepository splits, EarningsProperties properties,
			ErasedAccounts erasedAccounts, Clock clock) {
		this.jdbc = jdbc;
		this.erasedAccounts = erasedAccounts;
		this.ledger = ledger;
		this.splits = splits;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Posts an import's lines, in the event consumer's transaction.
	 * @param envelope the event
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void on(EventEnvelope<EarningsRecorded> envelope) {
		EarningsRecorded event = envelope.payload();
		Instant now = this.clock.instant();
		int inserted = this.jdbc.sql("""
				insert into earnings_import (import_id, owner_id, source, line_count, recorded_at, event_id, posted_at)
				values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
			.params(event.importId(), event.ownerId().value(), event.source(), event.lines().size(),
					Timestamp.from(event.recordedAt()), envelope.id(), Timestamp.from(now))
			.update();
		if (inserted == 0) {
			log.info("Import {} of artist {} was posted before; event {} posts nothing", event.importId(),
					event.ownerId(), envelope.id());
			return;
		}
		Set<UUID> tracks = new LinkedHashSet<>();
		for (EarningsRecorded.Line line : event.lines()) {
			if (line.trackId() != null) {
				tracks.add(line.trackId().value());
			}
		}
		Map<UUID, List<SplitVersion>> versions = this.splits.versionsForPosting(event.ownerId(), tracks);
		Set<UUID> payees = new LinkedHashSet<>();
		payees.add(event.ownerId().value());
		versions.values()
			.forEach((list) -> list.forEach((version) -> version.shares()
				.stream()
				.filter((share) -> share.acceptedBy() != null)
				.forEach((share) -> payees.add(share.acceptedBy().value()))));
		Set<UUID> erased = this.erasedAccounts.among(payees);
		Map<UUID, Long> recouped = new HashMap<>();
		Chunk chunk = new Chunk(event);
		long postings = 0;
		for (int lineNo = 0; lineNo < event.lines().size(); lineNo++) {
			EarningsRecorded.Line line = event.lines().get(lineNo);
			if (line.amount().isZero()) {
				continue;
			}
			SplitVersion version = (line.trackId() != null) ? SplitVersion
				.inForceOn(versions.getOrDefault(line.trackId().value(), List.of()), line.periodStart()) : null;
			JournalEntry entry = split(event, lineNo, line, version, recouped, erased, now);
			postings += entry.postings().size();
			chunk.add(lineNo, line, entry, version);
			if (chunk.size() >= this.properties.chunkSize()) {
				chunk.flush();
			}
		}
		chunk.flush();
		recouped.forEach(this.splits::recouped);
		log.info("Posted import {} of artist {}: {} lines, {} postings", event.importId(), event.ownerId(),
				event.lines().size(), postings);
	}

	private JournalEntry split(EarningsRecorded event, int lineNo, EarningsRecorded.Line line,
			@Nullable SplitVersion version, Map<UUID, Long> recouped, Set<UUID> erased, Instant now) {
		String source = "earnings:" + event.importId() + ":" + event.ownerId() + ":" + lineNo;
		long seed = source.hashCode();
		Money gross = line.amount();
		long[] feeAndNet = LargestRemainder.split(gross.amountMinor(),
				new int[] { this.properties.feeBasisPoints(), 10_000 - this.properties.feeBasisPoints() }, seed);
		long fee = feeAndNet[0];
		long net = feeAndNet[1];
		JournalEntry.Builder entry = JournalEntry.builder(EntryKind.EARNINGS, source, now)
			.post(AccountKey.platform(AccountKind.EARNINGS_SOURCE, gross.currency()), -gross.amountMinor())
			.post(AccountKey.platform(AccountKind.PLATFORM_FEES, gross.currency()), fee);
		if (version == null) {
			return entry.post(payee(AccountKey.available(event.ownerId(), gross.currency()), erased), net).build();
		}
		UserId owner = event.ownerId();
		Recoupment recoupment = version.recoupment();
		if (recoupment != null && net > 0 && recoupment.amount().currency().equals(gross.currency())) {
			long already = recouped.getOrDefault(version.id(), 0L);
			long taken = Math.min(net, recoupment.remainingMinor() - already);
			if (taken > 0) {
				SplitShare payee = version.shares().get(recoupment.shareNo());
				entry.post(payee(payee.account(owner, gross.currency()), erased), taken);
				recouped.put(version.id(), already + taken);
				net -= taken;
			}
		}
		if (net != 0) {
			long[] parts = LargestRemainder.split(net, version.weights(), seed);
			for (int i = 0; i < parts.length; i++) {
				entry.post(payee(version.shares().get(i).account(owner, gross.currency()), erased), parts[i]);
			}
		}
		return entry.build();
	}

	/**
	 * The account a payee's money goes to: theirs, or unclaimed once they were erased.
	 */
	private static AccountKey payee(AccountKey account, Set<UUID> erased) {
		if (account.kind() == AccountKind.PAYEE_AVAILABLE && erased.contains(account.holder())) {
			return AccountKey.unclaimed(UserId.of(account.holder()), account.currency());
		}
		return account;
	}

	/**
	 * Lines waiting to be posted together: their entries in a few statements, then their
	 * rows for statements.
	 */
	private final class Chunk {

		private final EarningsRecorded event;

		private final List<JournalEntry> entries = new ArrayList<>();

		private final List<Integer> lineNumbers = new ArrayList<>();

		private final List<EarningsRecorded.Line> lines = new ArrayList<>();

		private final List<@Nullable UUID> versions = new ArrayList<>();

		Chunk(EarningsRecorded event) {
			this.event = event;
		}

		void add(int lineNo, EarningsRecorded.Line line, JournalEntry entry, @Nullable SplitVersion version) {
			this.entries.add(entry);
			this.lineNumbers.add(lineNo);
			this.lines.add(line);
			this.versions.add((version != null) ? version.id() : null);
		}

		int size() {
			return this.entries.size();
		}

		void flush() {
			int size = this.entries.size();
			if (size == 0) {
				return;
			}
			EarningsPosting.this.ledger.postAll(this.entries);
			UUID[] entryIds = new UUID[size];
			Integer[] lineNos = new Integer[size];
			UUID[] trackIds = new UUID[size];
			UUID[] albumIds = new UUID[size];
			String[] stores = new String[size];
			String[] periodStarts = new String[size];
			String[] periodEnds = new String[size];
			String[] currencies = new String[size];
			Long[] gross = new Long[size];
			Long[] fees = new Long[size];
			UUID[] versionIds = new UUID[size];
			for (int i = 0; i < size; i++) {
				EarningsRecorded.Line line = this.lines.get(i);
				JournalEntry entry = this.entries.get(i);
				entryIds[i] = entry.id();
				lineNos[i] = this.lineNumbers.get(i);
				trackIds[i] = (line.trackId() != null) ? line.trackId().value() : null;
				albumIds[i] = (line.albumId() != null) ? line.albumId().value() : null;
				stores[i] = line.store();
				periodStarts[i] = line.periodStart().toString();
				periodEnds[i] = line.periodEnd().toString();
				currencies[i] = line.amount().currency().getCurrencyCode();
				gross[i] = line.amount().amountMinor();
				fees[i] = feeOf(entry, line);
				versionIds[i] = this.versions.get(i);
			}
			EarningsPosting.this.jdbc.sql("""
					insert into earnings_line (entry_id, import_id, owner_id, line_no, track_id, album_id, store,
					    period_start, period_end, currency, gross_minor, fee_minor, split_version_id)
					select e, ?, ?, n, t, a, s, ps::date, pe::date, c, g, f, v
					from unnest(?::uuid[], ?::int[], ?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[],
					    ?::bigint[], ?::bigint[], ?::uuid[]) as l (e, n, t, a, s, ps, pe, c, g, f, v)""")
				.params(this.event.importId(), this.event.ownerId().value(), entryIds, lineNos, trackIds, albumIds,
						stores, periodStarts, periodEnds, currencies, gross, fees, versionIds)
				.update();
			this.entries.clear();
			this.lineNumbers.clear();
			this.lines.clear();
			this.versions.clear();
		}

		private static long feeOf(JournalEntry entry, EarningsRecorded.Line line) {
			AccountKey fees = AccountKey.platform(AccountKind.PLATFORM_FEES, line.amount().currency());
			return entry.postings()
				.stream()
				.filter((posting) -> posting.account().equals(fees))
				.mapToLong((posting) -> posting.amountMinor())
				.sum();
		}

	}

}
