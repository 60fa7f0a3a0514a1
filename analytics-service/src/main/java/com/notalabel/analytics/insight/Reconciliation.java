package com.notalabel.analytics.insight;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.notalabel.analytics.rollup.Amounts;
import com.notalabel.types.money.Money;

/**
 * Per store and month: the streams the store reported against the money it paid, and the
 * effective rate per thousand streams against that store's median rate in the same month
 * and currency across every artist on the platform (a median of their monthly rates, so
 * that one large artist does not set it). Flags what an artist would want to ask the
 * store about.
 */
@Service
@Transactional(readOnly = true)
class Reconciliation {

	/** A rate this many times above or below the store's median is an outlier. */
	static final double OUTLIER_FACTOR = 2.5;

	private final JdbcClient jdbc;

	Reconciliation(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Row> of(UUID owner, LocalDate fromMonth, LocalDate toMonth) {
		Map<String, Object> params = Map.of("owner", owner, "from", fromMonth, "to", toMonth);
		Map<Key, Long> streams = new LinkedHashMap<>();
		this.jdbc
			.sql("select key, period, streams from usage_rollup where owner_id = :owner and dim = 'S'"
					+ " and grain = 'M' and period >= :from and period <= :to")
			.params(params)
			.query((rs) -> {
				streams.put(new Key(rs.getString(1), rs.getObject(2, LocalDate.class)), rs.getLong(3));
			});
		Map<Key, List<long[]>> paid = new HashMap<>();
		Map<Key, List<String>> currencies = new HashMap<>();
		this.jdbc
			.sql("select key, period, currency, micros, units from revenue_rollup where owner_id = :owner"
					+ " and dim = 'S' and grain = 'M' and period >= :from and period <= :to order by currency")
			.params(params)
			.query((rs) -> {
				Key key = new Key(rs.getString(1), rs.getObject(2, LocalDate.class));
				streams.putIfAbsent(key, 0L);
				paid.computeIfAbsent(key, (k) -> new ArrayList<>()).add(new long[] { rs.getLong(4), rs.getLong(5) });
				currencies.computeIfAbsent(key, (k) -> new ArrayList<>()).add(rs.getString(3));
			});
		Map<String, Double> medians = new HashMap<>();
		this.jdbc.sql("""
				select key, period, currency,
				    percentile_cont(0.5) within group (order by micros::float8 / units)
				from revenue_rollup
				where dim = 'S' and grain = 'M' and period >= :from and period <= :to and units > 0 and micros > 0
				group by key, period, currency""").params(params).query((rs) -> {
			medians.put(rs.getString(1) + "|" + rs.getObject(2, LocalDate.class) + "|" + rs.getString(3),
					rs.getDouble(4));
		});
		List<Row> rows = new ArrayList<>();
		streams.forEach((key, count) -> {
			List<long[]> amounts = paid.getOrDefault(key, List.of());
			List<String> codes = currencies.getOrDefault(key, List.of());
			List<Money> revenue = new ArrayList<>();
			List<Rate> rates = new ArrayList<>();
			Set<Flag> flags = EnumSet.noneOf(Flag.class);
			long paidTotal = 0;
			for (int i = 0; i < amounts.size(); i++) {
				long micros = amounts.get(i)[0];
				long units = amounts.get(i)[1];
				String currency = codes.get(i);
				paidTotal += Math.abs(micros);
				revenue.add(Amounts.money(micros, currency));
				if (units > 0 && micros > 0) {
					double rate = (double) micros / units;
					Double median = medians.get(key.store() + "|" + key.month() + "|" + currency);
					boolean outlier = median != null && median > 0
							&& (rate > median * OUTLIER_FACTOR || rate < median / OUTLIER_FACTOR);
					if (outlier) {
						flags.add(Flag.RATE_OUTLIER);
					}
					rates.add(new Rate(currency, perThousand(rate), (median != null) ? perThousand(median) : null,
							outlier));
				}
			}
			if (count > 0 && paidTotal == 0) {
				flags.add(Flag.STREAMS_WITHOUT_REVENUE);
			}
			if (count == 0 && paidTotal > 0) {
				flags.add(Flag.REVENUE_WITHOUT_STREAMS);
			}
			rows.add(new Row(key.store(), key.month().toString().substring(0, 7), count, revenue, rates,
					List.copyOf(flags)));
		});
		rows.sort((a, b) -> (a.month().equals(b.month())) ? a.store().compareTo(b.store())
				: b.month().compareTo(a.month()));
		return rows;
	}

	/** A rate in millionths per stream as the currency's units per thousand streams. */
	private static double perThousand(double microsPerStream) {
		return Math.round(microsPerStream * 1000 / 1_000_000 * 10_000) / 10_000.0;
	}

	private record Key(String store, LocalDate month) {

	}

	/**
	 * What may be wrong with a store's month.
	 */
	enum Flag {

		/** Streams reported, nothing paid. */
		STREAMS_WITHOUT_REVENUE,

		/** Money paid for no reported streams. */
		REVENUE_WITHOUT_STREAMS,

		/** Paid per stream far above or below what the store pays others that month. */
		RATE_OUTLIER

	}

	/**
	 * @param currency ISO 4217
	 * @param perThousand paid per thousand streams, in the currency's units
	 * @param storeMedianPerThousand the store's median rate that month, {@code null} if
	 * unknown
	 * @param outlier whether it is an outlier
	 */
	record Rate(String currency, double perThousand, @Nullable Double storeMedianPerThousand, boolean outlier) {

	}

	/**
	 * @param store the store
	 * @param month YYYY-MM
	 * @param streams streams reported
	 * @param revenue paid, per currency
	 * @param rates the effective rates, per currency
	 * @param flags what may be wrong
	 */
	record Row(String store, String month, long streams, List<Money> revenue, List<Rate> rates, List<Flag> flags) {

	}

}
