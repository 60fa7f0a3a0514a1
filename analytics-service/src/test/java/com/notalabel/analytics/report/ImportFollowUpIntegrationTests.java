package com.notalabel.analytics.report;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.notalabel.analytics.catalogue.CatalogueCopies;
import com.notalabel.analytics.rollup.Rollups;
import com.notalabel.analytics.rollup.UsageFacts;
import com.notalabel.analytics.testing.AnalyticsServiceIntegrationTest;
import com.notalabel.analytics.testing.Artists;
import com.notalabel.test.events.PublishedEvents;
import com.notalabel.types.Uuid7;
import com.notalabel.types.events.analytics.AnalyticsRolledUp;
import com.notalabel.types.events.analytics.EarningsRecorded;
import com.notalabel.types.events.analytics.MilestoneReached;
import com.notalabel.types.money.Money;
import com.notalabel.types.redis.RedisKeys;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An import's follow-up (events, alert checks) after its commit, when the process that
 * committed it died before doing it.
 */
@AnalyticsServiceIntegrationTest
class ImportFollowUpIntegrationTests {

	private static final LocalDate MONTH = LocalDate.parse("2026-02-01");

	private final Artists artists;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final PublishedEvents published;

	private final ImportFollowUps followUps;

	private final UsageFacts facts;

	private final Rollups rollups;

	private final Clock clock;

	ImportFollowUpIntegrationTests(@LocalServerPort int port, @Autowired CatalogueCopies catalogue,
			@Autowired PlatformTransactionManager transactions, @Autowired JdbcClient jdbc,
			@Autowired StringRedisTemplate redis, @Autowired RedisKeys keys, @Autowired ImportFollowUps followUps,
			@Autowired UsageFacts facts, @Autowired Rollups rollups, @Autowired Clock clock) {
		this.artists = new Artists(port, catalogue, transactions);
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactions);
		this.published = new PublishedEvents(redis, keys, "analytics-service");
		this.followUps = followUps;
		this.facts = facts;
		this.rollups = rollups;
		this.clock = clock;
	}

	@Test
	void doesTheFollowUpADeadProcessLeftAfterItsImportCommittedOnceFromTheImportsFacts() {
		UUID artist = this.artists.newArtist();
		String isrc = "QZFUP26" + String.format("%05d", (int) (Math.random() * 100_000));
		UUID track = this.artists.track(artist, "Left Behind", isrc);
		UUID importId = committedWithoutFollowUp(artist, track, isrc);

		int first = this.followUps.resume();
		int again = this.followUps.resume();

		assertThat(first).isEqualTo(1);
		assertThat(again).isZero();
		assertThat(this.jdbc.sql("select count(*) from import_follow_up where import_id = :id")
			.param("id", importId)
			.query(Long.class)
			.single()).isZero();
		EarningsRecorded earnings = this.published.await(EarningsRecorded.class,
				(event) -> event.importId().equals(importId));
		assertThat(earnings.lines()).singleElement().satisfies((line) -> {
			assertThat(line.trackId().value()).isEqualTo(track);
			assertThat(line.amount()).isEqualTo(Money.of(800, "USD"));
		});
		MilestoneReached milestone = this.published.await(MilestoneReached.class,
				(event) -> event.trackId().value().equals(track));
		assertThat(milestone.milestone()).isEqualTo(1_000);
		assertThat(milestone.totalStreams()).isEqualTo(2_000);
		AnalyticsRolledUp rolledUp = this.published.await(AnalyticsRolledUp.class,
				(event) -> event.ownerId().value().equals(artist));
		assertThat(rolledUp.days()).containsExactly(MONTH);
		assertThat(this.published.all(EarningsRecorded.class, (event) -> event.importId().equals(importId))).hasSize(1);
		assertThat(this.jdbc.sql("select count(*) from track_alert where track_id = :track")
			.param("track", track)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	/**
	 * What a DSR import of a month leaves when its process dies right after the commit:
	 * facts, roll-ups, the completed import and its follow-up, queued two hours ago.
	 */
	private UUID committedWithoutFollowUp(UUID artist, UUID track, String isrc) {
		UUID importId = Uuid7.next();
		LocalDate end = MONTH.plusMonths(1).minusDays(1);
		Instant importedAt = this.clock.instant().minus(Duration.ofHours(2));
		this.facts.prepare(MONTH, end);
		this.transactions.executeWithoutResult((status) -> {
			for (Object[] line : new Object[][] { { "US", 1_500L, 6_000_000L }, { "DE", 500L, 2_000_000L } }) {
				this.jdbc
					.sql("""
							insert into usage_fact (import_id, usage_date, period_end, owner_id, track_id, isrc, store,
							    country, units, currency, revenue_micros)
							values (:id, :day, :end, :owner, :track, :isrc, 'Spotify AB', :country, :units, 'USD', :micros)""")
					.param("id", importId)
					.param("day", MONTH)
					.param("end", end)
					.param("owner", artist)
					.param("track", track)
					.param("isrc", isrc)
					.param("country", line[0])
					.param("units", line[1])
					.param("micros", line[2])
					.update();
			}
			this.rollups.fold("select * from " + this.facts.rowsOf(importId, MONTH, end) + " s", Map.of());
			this.jdbc.sql("""
					insert into report_import (id, owner_id, scope, source, format, sha256, status, lines, usage_lines,
					    matched_lines, units, period_start, period_end, created_at)
					values (:id, :owner, :owner, 'upload', 'dsr', :sha256, 'COMPLETED', 6, 2, 2, 2000, :start, :end,
					    :at)""")
				.param("id", importId)
				.param("owner", artist)
				.param("sha256", importId.toString())
				.param("start", MONTH)
				.param("end", end)
				.param("at", importedAt.atOffset(ZoneOffset.UTC))
				.update();
			this.followUps.record(importId, "upload", new ReadSummary("dsr", 6, 2, MONTH, end), MONTH, end, importedAt,
					importedAt);
		});
		return importId;
	}

}
