package com.notalabel.payment.statement;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.notalabel.payment.catalogue.TrackCatalogue;
import com.notalabel.types.id.TrackId;
import com.notalabel.types.id.UserId;
import com.notalabel.types.money.Money;

/**
 * Builds statements from the ledger: every amount is a sum of postings of the earnings
 * entries of the month's lines, so a statement's totals are the ledger's to the cent.
 */
@Service
class Statements {

	private final JdbcClient jdbc;

	private final TrackCatalogue catalogue;

	Statements(JdbcClient jdbc, TrackCatalogue catalogue) {
		this.jdbc = jdbc;
		this.catalogue = catalogue;
	}

	@Transactional(readOnly = true)
	Statement of(UserId reader, YearMonth period) {
		LocalDate from = period.atDay(1);
		LocalDate until = period.plusMonths(1).atDay(1);
		List<ShareRow> shares = this.jdbc.sql("""
				select l.track_id, l.store, l.currency, l.owner_id, a.kind, a.holder_id, i.email, i.accepted_by,
				    sum(p.amount_minor)
				from earnings_line l
				join posting p on p.entry_id = l.entry_id
				join account a on a.id = p.account_id and a.kind in ('PAYEE_AVAILABLE', 'PAYEE_HELD', 'UNCLAIMED')
				left join invitation i on a.kind = 'PAYEE_HELD' and i.id = a.holder_id
				where l.period_start >= ? and l.period_start < ?
				    and (l.owner_id = ? or (a.kind <> 'PAYEE_HELD' and a.holder_id = ?) or i.accepted_by = ?)
				group by l.track_id, l.store, l.currency, l.owner_id, a.kind, a.holder_id, i.email, i.accepted_by""")
			.params(from, until, reader.value(), reader.value(), reader.value())
			.query((rs, row) -> new ShareRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3).trim(),
					rs.getObject(4, UUID.class), rs.getString(5), rs.getObject(6, UUID.class), rs.getString(7),
					rs.getObject(8, UUID.class), rs.getLong(9)))
			.list();
		Map<GroupKey, long[]> grossAndFee = grossAndFee(reader, from, until);
		Map<UUID, String> titles = this.catalogue
			.titles(shares.stream().map(ShareRow::trackId).filter(Objects::nonNull).distinct().toList());
		Map<String, String> collaborators = collaboratorAddresses(shares);
		Map<GroupKey, List<Statement.Payee>> payees = new TreeMap<>(GroupKey.ORDER);
		for (ShareRow row : shares) {
			GroupKey key = new GroupKey(row.trackId(), row.store(), row.currency());
			Currency currency = Currency.getInstance(row.currency());
			boolean held = "PAYEE_HELD".equals(row.kind()) && row.acceptedBy() == null;
			boolean you = reader.value().equals(row.holder()) || reader.value().equals(row.acceptedBy());
			payees.computeIfAbsent(key, (k) -> new ArrayList<>())
				.add(new Statement.Payee(name(row, collaborators), you, new Money(row.amount(), currency),
						new Money(held ? row.amount() : 0, currency)));
		}
		List<Statement.Line> lines = new ArrayList<>();
		Map<String, long[]> totals = new TreeMap<>();
		payees.forEach((key, list) -> {
			Currency currency = Currency.getInstance(key.currency());
			long[] line = grossAndFee.getOrDefault(key, new long[2]);
			long[] total = totals.computeIfAbsent(key.currency(), (k) -> new long[5]);
			total[0] += line[0];
			total[1] += line[1];
			for (Statement.Payee payee : list) {
				total[2] += payee.share().amountMinor();
				total[3] += payee.held().amountMinor();
			}
			lines.add(new Statement.Line((key.trackId() != null) ? TrackId.of(key.trackId()) : null,
					(key.trackId() != null) ? titles.get(key.trackId()) : null, key.store(),
					new Money(line[0], currency), new Money(line[1], currency), List.copyOf(list)));
		});
		List<Statement.Payout> payouts = new ArrayList<>();
		this.jdbc.sql("""
				select id, amount_minor, currency, status from payout
				where payee_id = ? and requested_at >= ? and requested_at < ? order by requested_at""")
			.params(reader.value(), from.atStartOfDay().atOffset(ZoneOffset.UTC),
					until.atStartOfDay().atOffset(ZoneOffset.UTC))
			.query((rs, row) -> {
				String code = rs.getString(3).trim();
				String status = rs.getString(4);
				if ("PAID".equals(status)) {
					totals.computeIfAbsent(code, (k) -> new long[5])[4] += rs.getLong(2);
				}
				return payouts.add(new Statement.Payout(rs.getObject(1, UUID.class).toString(),
						Money.of(rs.getLong(2), code), status));
			})
			.list();
		List<Statement.Total> totalList = new ArrayList<>();
		totals.forEach((code, total) -> {
			Currency currency = Currency.getInstance(code);
			totalList.add(new Statement.Total(code, new Money(total[0], currency), new Money(total[1], currency),
					new Money(total[2], currency), new Money(total[3], currency), new Money(total[4], currency)));
		});
		return new Statement(period.toString(), lines, payouts, totalList);
	}

	private Map<GroupKey, long[]> grossAndFee(UserId reader, LocalDate from, LocalDate until) {
		Map<GroupKey, long[]> sums = new HashMap<>();
		this.jdbc.sql("""
				select l.track_id, l.store, l.currency, sum(l.gross_minor), sum(l.fee_minor)
				from earnings_line l
				where l.period_start >= ? and l.period_start < ?
				    and (l.owner_id = ? or exists (
				        select 1 from posting p join account a on a.id = p.account_id
				        left join invitation i on a.kind = 'PAYEE_HELD' and i.id = a.holder_id
				        where p.entry_id = l.entry_id and ((a.kind <> 'PAYEE_HELD' and a.holder_id = ?)
				            or i.accepted_by = ?)))
				group by l.track_id, l.store, l.currency""")
			.params(from, until, reader.value(), reader.value(), reader.value())
			.query((rs, row) -> sums.put(
					new GroupKey(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3).trim()),
					new long[] { rs.getLong(4), rs.getLong(5) }))
			.list();
		return sums;
	}

	/**
	 * The address a collaborator accepted an invitation of the track's owner with, for
	 * shares paid to their balance.
	 */
	private Map<String, String> collaboratorAddresses(List<ShareRow> shares) {
		Map<String, String> addresses = new LinkedHashMap<>();
		for (ShareRow row : shares) {
			if (!"PAYEE_HELD".equals(row.kind()) && row.holder() != null && !row.holder().equals(row.ownerId())) {
				addresses.putIfAbsent(row.ownerId() + "/" + row.holder(), null);
			}
		}
		for (String pair : List.copyOf(addresses.keySet())) {
			String[] ids = pair.split("/");
			this.jdbc.sql("select min(email) from invitation where owner_id = ? and accepted_by = ?")
				.params(UUID.fromString(ids[0]), UUID.fromString(ids[1]))
				.query(String.class)
				.optional()
				.ifPresent((email) -> addresses.put(pair, email));
		}
		return addresses;
	}

	private static String name(ShareRow row, Map<String, String> collaborators) {
		if ("UNCLAIMED".equals(row.kind())) {
			return "erased account";
		}
		if ("PAYEE_HELD".equals(row.kind())) {
			return Objects.requireNonNullElse(row.email(), "collaborator");
		}
		if (Objects.equals(row.holder(), row.ownerId())) {
			return "owner";
		}
		return Objects.requireNonNullElse(collaborators.get(row.ownerId() + "/" + row.holder()), "collaborator");
	}

	private record ShareRow(@Nullable UUID trackId, String store, String currency, UUID ownerId, String kind,
			@Nullable UUID holder, @Nullable String email, @Nullable UUID acceptedBy, long amount) {

	}

	private record GroupKey(@Nullable UUID trackId, String store, String currency) {

		static final Comparator<GroupKey> ORDER = Comparator
			.comparing((GroupKey key) -> (key.trackId() != null) ? key.trackId().toString() : "")
			.thenComparing(GroupKey::store)
			.thenComparing(GroupKey::currency);

	}

}
