package com.notalabel.analytics.insight;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.notalabel.shared.security.CurrentUser;
import com.notalabel.shared.web.InvalidListQuery;
import com.notalabel.shared.web.PageQuery;
import com.notalabel.shared.web.PageResponse;
import com.notalabel.shared.web.ProblemException;
import com.notalabel.shared.web.Problems;
import com.notalabel.shared.web.Problems.FieldError;

/**
 * The artist's numbers. Ranges are whole days, both ends included ({@code from},
 * {@code to}; the last 28 days by default); another artist's track answers 404 like a
 * missing one.
 */
@RestController
class InsightController {

	private static final Set<String> METRICS = Set.of("streams", "plays", "revenue");

	private static final Set<String> GRANULARITIES = Set.of("day", "week", "month");

	/** Longer than any store a report has named; the roll-ups' keys are not limited. */
	private static final int MAX_STORE = 200;

	private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

	private static final Set<String> REVENUE_BY = Set.of("store", "country", "track", "period");

	private final Insights insights;

	private final Reconciliation reconciliation;

	private final JdbcClient jdbc;

	private final Clock clock;

	InsightController(Insights insights, Reconciliation reconciliation, JdbcClient jdbc, Clock clock) {
		this.insights = insights;
		this.reconciliation = reconciliation;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@GetMapping("/api/v1/analytics/overview")
	Insights.Overview overview(CurrentUser user,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
		return this.insights.overview(user.id().value(), DateRange.of(from, to, 28, today()));
	}

	@GetMapping("/api/v1/analytics/tracks/{id}/series")
	Insights.Series series(CurrentUser user, @PathVariable UUID id,
			@RequestParam(defaultValue = "streams") String metric,
			@RequestParam(defaultValue = "day") String granularity,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
		DateRange range = seriesRange(metric, granularity, from, to);
		if (!this.insights.owns(user.id().value(), id)) {
			throw new TrackNotFound(id);
		}
		return this.insights.series(user.id().value(), id, metric, granularity, range);
	}

	/**
	 * A store's numbers over time. The store is a query parameter, not a path segment:
	 * stores are named by the reports, and a name with a slash or a semicolon would be
	 * refused by the firewall or split into two segments on its way here (ADR 47).
	 */
	@GetMapping("/api/v1/analytics/stores/series")
	Insights.PlaceSeries storeSeries(CurrentUser user, @RequestParam String store,
			@RequestParam(defaultValue = "streams") String metric,
			@RequestParam(defaultValue = "day") String granularity,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
		String key = store.strip();
		if (key.isEmpty() || key.length() > MAX_STORE) {
			throw new InvalidListQuery(
					List.of(new FieldError("store", "must be a store's name of 1 to " + MAX_STORE + " characters")));
		}
		return placeSeries(user, "store", key, metric, granularity, from, to);
	}

	@GetMapping("/api/v1/analytics/countries/series")
	Insights.PlaceSeries countrySeries(CurrentUser user, @RequestParam String country,
			@RequestParam(defaultValue = "streams") String metric,
			@RequestParam(defaultValue = "day") String granularity,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
		String key = country.strip().toUpperCase(Locale.ROOT);
		if (!COUNTRY.matcher(key).matches()) {
			throw new InvalidListQuery(List
				.of(new FieldError("country", "must be an ISO 3166-1 alpha-2 code (ZZ for an unknown country)")));
		}
		return placeSeries(user, "country", key, metric, granularity, from, to);
	}

	private Insights.PlaceSeries placeSeries(CurrentUser user, String by, String key, String metric, String granularity,
			@Nullable LocalDate from, @Nullable LocalDate to) {
		DateRange range = seriesRange(metric, granularity, from, to);
		if (metric.equals("plays")) {
			throw new PlaysNotBrokenDown(by);
		}
		return this.insights.series(user.id().value(), by, key, metric, granularity, range);
	}

	/**
	 * Checks a series' metric and granularity; its range is the one asked for, or by
	 * default the last 90 days by day and the last year by week or month.
	 */
	private DateRange seriesRange(String metric, String granularity, @Nullable LocalDate from, @Nullable LocalDate to) {
		oneOf("metric", metric, METRICS);
		oneOf("granularity", granularity, GRANULARITIES);
		return DateRange.of(from, to, granularity.equals("day") ? 90 : 365, today());
	}

	@GetMapping("/api/v1/analytics/audience")
	Insights.Audience audience(CurrentUser user,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
		return this.insights.audience(user.id().value(), DateRange.of(from, to, 28, today()));
	}

	@GetMapping("/api/v1/analytics/revenue")
	Map<String, Object> revenue(CurrentUser user, @RequestParam(defaultValue = "store") String by,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
		oneOf("by", by, REVENUE_BY);
		DateRange range = DateRange.of(from, to, 365, today());
		return Map.of("from", range.from(), "to", range.to(), "by", by, "rows",
				this.insights.revenue(user.id().value(), range, by));
	}

	@GetMapping("/api/v1/analytics/reconciliation")
	Map<String, Object> reconciliation(CurrentUser user, @RequestParam(required = false) @Nullable String period) {
		LocalDate from;
		LocalDate to;
		try {
			if (period == null || period.isBlank()) {
				to = today().withDayOfMonth(1);
				from = to.minusMonths(11);
			}
			else if (period.length() == 4) {
				from = LocalDate.of(Integer.parseInt(period), 1, 1);
				to = from.withMonth(12);
			}
			else {
				from = YearMonth.parse(period).atDay(1);
				to = from;
			}
		}
		catch (DateTimeParseException | NumberFormatException ex) {
			throw new InvalidListQuery(List.of(new FieldError("period", "must be a year (YYYY) or a month (YYYY-MM)")));
		}
		return Map.of("from", from.toString().substring(0, 7), "to", to.toString().substring(0, 7), "rows",
				this.reconciliation.of(user.id().value(), from, to));
	}

	@GetMapping("/api/v1/analytics/alerts")
	PageResponse<Alert> alerts(CurrentUser user, @RequestParam(defaultValue = PageQuery.FIRST_PAGE) int page,
			@RequestParam(defaultValue = PageQuery.DEFAULT_SIZE) int size) {
		PageQuery query = PageQuery.of(page, size);
		List<Alert> items = this.jdbc.sql("""
				select a.id, a.kind, a.track_id, coalesce(t.title, 'Untitled'), a.metric, a.granularity,
				    a.period_start, a.value, a.baseline, a.detail::text, a.created_at
				from track_alert a left join catalogue_track t on t.track_id = a.track_id
				where a.owner_id = :owner order by a.created_at desc, a.id desc limit :size offset :offset""")
			.param("owner", user.id().value())
			.param("size", query.size())
			.param("offset", (long) query.page() * query.size())
			.query((rs, n) -> new Alert(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
					rs.getString(4), rs.getString(5), rs.getString(6), rs.getObject(7, LocalDate.class), rs.getLong(8),
					(rs.getObject(9) != null) ? rs.getDouble(9) : null, rs.getString(10),
					rs.getObject(11, java.time.OffsetDateTime.class).toInstant()))
			.list();
		long total = this.jdbc.sql("select count(*) from track_alert where owner_id = :owner")
			.param("owner", user.id().value())
			.query(Long.class)
			.single();
		return new PageResponse<>(items, query.page(), query.size(), total);
	}

	private LocalDate today() {
		return LocalDate.now(this.clock);
	}

	private static void oneOf(String name, String value, Set<String> allowed) {
		if (!allowed.contains(value)) {
			throw new InvalidListQuery(List
				.of(new FieldError(name, "must be one of " + String.join(", ", allowed.stream().sorted().toList()))));
		}
	}

	/**
	 * An alert told to the artist.
	 *
	 * @param id the alert
	 * @param kind MILESTONE, SPIKE or SUSPICIOUS
	 * @param trackId the track
	 * @param title its title
	 * @param metric streams or plays
	 * @param granularity DAY or MONTH, for spikes
	 * @param periodStart the period, for spikes
	 * @param value the milestone, or the period's count
	 * @param baseline the trailing median, for spikes
	 * @param detail for a suspicious spike: where the streams concentrate, as JSON
	 * @param createdAt when it was raised
	 */
	record Alert(UUID id, String kind, UUID trackId, String title, String metric, @Nullable String granularity,
			@Nullable LocalDate periodStart, long value, @Nullable Double baseline, String detail,
			java.time.Instant createdAt) {

	}

	/**
	 * Plays on the artist's own page were asked for per store or country: the page is
	 * neither, so the roll-ups hold no such numbers.
	 */
	static final class PlaysNotBrokenDown extends ProblemException {

		PlaysNotBrokenDown(String by) {
			super(HttpStatus.BAD_REQUEST, "series.plays_not_broken_down",
					"Plays are counted on your own page, which has no " + by
							+ ": ask for streams or revenue, or for a track's plays.");
			with(Problems.ERRORS, List.of(new FieldError("metric", "must be streams or revenue per " + by)));
		}

	}

	/**
	 * No such track among the artist's.
	 */
	static final class TrackNotFound extends ProblemException {

		TrackNotFound(UUID id) {
			super(HttpStatus.NOT_FOUND, "track.not_found", "No track " + id + " in your catalogue.");
		}

	}

}
