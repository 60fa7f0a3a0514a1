package com.notalabel.music.processing;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threeten.extra.MutableClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import com.notalabel.music.processing.JobCompletion.Ending;
import com.notalabel.shared.storage.ObjectStore;
import com.notalabel.music.testing.MusicServiceIntegrationTest;
import com.notalabel.music.track.TrackRepository;
import com.notalabel.music.track.TrackStatus;
import com.notalabel.test.events.PublishedEvents;
import com.notalabel.types.events.music.TrackProcessed;
import com.notalabel.types.id.TrackId;
import com.notalabel.types.id.UserId;
import com.notalabel.types.redis.RedisKeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Short leases kept alive by a heartbeat (ADR 16), on a clock the tests move by hand: a
 * dead worker's job is taken over once its lease runs out, a live worker's job never is,
 * however long it runs, and a worker that lost its lease stops without a trace. The
 * service's own workers are stopped meanwhile, and the jobs here were due in 2000, at a
 * time no other test's job is: the claimers see these jobs and nothing else.
 */
@MusicServiceIntegrationTest
class JobLeasesIntegrationTests {

	private static final Instant THEN = Instant.parse("2000-01-01T00:00:10Z");

	private final TestCatalogue catalogue;

	private final JobClaims claims;

	private final JobRunner runner;

	private final ProcessingWorkers workers;

	private final ProcessingProperties properties;

	private final PublishedEvents events;

	private final MutableClock clock = MutableClock.of(THEN, ZoneOffset.UTC);

	private final JobLeases leases;

	private final UserId owner = new UserId(UUID.randomUUID());

	private final List<TrackId> tracks = new ArrayList<>();

	@TempDir
	Path directory;

	JobLeasesIntegrationTests(@Autowired TrackRepository tracks, @Autowired ObjectStore storage,
			@Autowired ProcessingQueue queue, @Autowired PlatformTransactionManager transactionManager,
			@Autowired JdbcClient jdbc, @Autowired JobClaims claims, @Autowired JobRunner runner,
			@Autowired ProcessingWorkers workers, @Autowired ProcessingProperties properties,
			@Autowired StringRedisTemplate redis, @Autowired RedisKeys keys) {
		this.catalogue = new TestCatalogue(tracks, storage, queue, transactionManager, jdbc);
		this.claims = claims;
		this.runner = runner;
		this.workers = workers;
		this.properties = properties;
		this.events = new PublishedEvents(redis, keys, "music-service");
		// Beats only when a test says so, at the time the test set.
		this.leases = new JobLeases(claims, properties, this.clock);
	}

	@BeforeEach
	void stopTheWorkers() {
		this.workers.stop();
	}

	@AfterEach
	void deleteTheJobsAndRestartTheWorkers() {
		for (TrackId track : this.tracks) {
			this.catalogue.jdbc().sql("delete from track where id = :track").param("track", track.value()).update();
		}
		this.workers.start();
	}

	@Test
	void leasesAJobForAboutAMinuteRenewedThreeTimesOrMoreWithinIt() {
		assertThat(this.properties.lease()).isBetween(Duration.ofSeconds(30), Duration.ofSeconds(90));
		assertThat(this.properties.heartbeatInterval().multipliedBy(3)).isLessThanOrEqualTo(this.properties.lease());
	}

	@Test
	void takesOverTheJobOfAWorkerThatStoppedRenewingOnceItsLeaseRunsOut() {
		TrackId track = queueDueThen(null);
		Claim crashed = claim("crashed-worker").orElseThrow();
		// The worker died: nothing renews its lease any more.

		this.clock.add(this.properties.lease().minusSeconds(1));
		assertThat(claim("other-worker")).isEmpty();
		this.clock.add(Duration.ofSeconds(2));
		Optional<Claim> takenOver = claim("other-worker");

		assertThat(takenOver).map(Claim::jobId).contains(crashed.jobId());
		assertThat(takenOver).map(Claim::attempts).contains(2);
		assertThat(this.catalogue.job(track).worker()).isEqualTo("other-worker");
	}

	@Test
	void neverTakesOverTheJobOfAWorkerWhoseHeartbeatRunsHoweverLongItsWorkTakes() {
		TrackId track = queueDueThen(null);
		Claim busy = claim("busy-worker").orElseThrow();
		JobLease lease = this.leases.hold(busy);
		Duration beat = this.properties.heartbeatInterval();

		// As long as the job may run at all, ten times the lease and more.
		Instant end = THEN.plus(this.properties.jobTimeout());
		while (this.clock.instant().isBefore(end)) {
			this.clock.add(beat);
			this.leases.renew();
			assertThat(claimAt("other-worker", this.clock.instant().plus(beat).minusMillis(1))).isEmpty();
		}

		assertThat(lease.lost()).isFalse();
		assertThat(this.catalogue.job(track).worker()).isEqualTo("busy-worker");
		assertThat(this.catalogue.job(track).attempts()).isEqualTo(1);

		// The work ended: the renewals stop with it.
		lease.close();
		assertThat(this.leases.held()).isEmpty();
		this.clock.add(this.properties.lease().plusSeconds(1));
		this.leases.renew();
		assertThat(claim("other-worker")).map(Claim::jobId).contains(busy.jobId());
	}

	@Test
	void stopsTheWorkOfAWorkerThatLostItsLeaseWithoutRecordingOrPublishingAnything() throws Exception {
		TrackId track = queueDueThen(TestAudio.sine(this.directory.resolve("tone.wav"), 44_100, 1.0, -18.0));
		Claim paused = claim("paused-worker").orElseThrow();
		JobLease pausedLease = this.leases.hold(paused);

		// The worker stalls past its lease (a long pause, a network partition) and another
		// takes the job over before its next beat.
		this.clock.add(this.properties.lease().plusSeconds(1));
		Claim takenOver = claim("other-worker").orElseThrow();
		JobLease otherLease = this.leases.hold(takenOver);
		this.leases.renew();

		assertThat(pausedLease.lost()).isTrue();
		assertThat(otherLease.lost()).isFalse();
		assertThat(this.runner.run(paused, pausedLease)).isEqualTo(Ending.CLAIM_LOST);
		assertThat(this.catalogue.track(track).status()).isEqualTo(TrackStatus.PROCESSING);
		assertThat(this.catalogue.job(track).status()).isEqualTo(JobStatus.RUNNING);
		assertThat(outboxRowsOf(track)).isZero();

		assertThat(this.runner.run(takenOver, otherLease)).isEqualTo(Ending.DONE);
		pausedLease.close();
		otherLease.close();

		assertThat(this.catalogue.track(track).status()).isEqualTo(TrackStatus.READY);
		assertThat(this.catalogue.job(track).status()).isEqualTo(JobStatus.SUCCEEDED);
		assertThat(this.catalogue.job(track).worker()).isEqualTo("other-worker");
		// Every event of the track was written before this point: once the relay has
		// moved them all, the stream holds each of them.
		await().atMost(Duration.ofSeconds(20)).until(() -> outboxRowsOf(track) == 0);
		assertThat(this.events.all(TrackProcessed.class, (event) -> event.trackId().equals(track))).hasSize(1);
	}

	@Test
	void beatsOnItsOwnEveryHeartbeatIntervalWhileStarted() {
		TrackId track = queueDueThen(null);
		Claim claim = claim("beating-worker").orElseThrow();
		ProcessingProperties quick = new ProcessingProperties(true, 1, Duration.ofMinutes(10), Duration.ofSeconds(3),
				Duration.ofMillis(50), Duration.ofSeconds(1), 5, Duration.ofSeconds(15), Duration.ofMinutes(15),
				Duration.ofSeconds(15));
		JobLeases beating = new JobLeases(this.claims, quick, this.clock);
		this.clock.add(Duration.ofSeconds(30));

		beating.start();
		try (JobLease lease = beating.hold(claim)) {
			await().atMost(Duration.ofSeconds(10))
				.until(() -> leaseExpiry(track), (expiry) -> expiry.equals(this.clock.instant().plusSeconds(3)));
			assertThat(lease.lost()).isFalse();
		}
		finally {
			beating.stop();
		}
	}

	/**
	 * Queues a job that was due at {@link #THEN}, so that only these claimers take it.
	 */
	private TrackId queueDueThen(@Nullable Path original) {
		TrackId track = this.catalogue.upload(this.owner, original,
				(id) -> this.catalogue.jdbc()
					.sql("update processing_job set run_after = :runAfter where track_id = :track")
					.param("runAfter", THEN.minusSeconds(10).atOffset(ZoneOffset.UTC))
					.param("track", id.value())
					.update());
		this.tracks.add(track);
		return track;
	}

	private Optional<Claim> claim(String worker) {
		return claimAt(worker, this.clock.instant());
	}

	private Optional<Claim> claimAt(String worker, Instant now) {
		return this.claims.claim(worker, now, this.properties.lease());
	}

	private Instant leaseExpiry(TrackId track) {
		return this.catalogue.jdbc()
			.sql("select lease_expires_at from processing_job where track_id = :track")
			.param("track", track.value())
			.query((row, number) -> row.getTimestamp("lease_expires_at").toInstant())
			.single();
	}

	private long outboxRowsOf(TrackId track) {
		return this.catalogue.jdbc()
			.sql("select count(*) from event_outbox where envelope like :track")
			.param("track", "%" + track + "%")
			.query(Long.class)
			.single();
	}

}
