package com.notalabel.music.processing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import com.notalabel.shared.storage.ObjectStore;
import com.notalabel.music.testing.MusicServiceIntegrationTest;
import com.notalabel.music.track.TrackRepository;
import com.notalabel.types.id.TrackId;
import com.notalabel.types.id.UserId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The claim query itself, with two claimers in two transactions at once. The service's
 * own workers are stopped meanwhile, and the jobs here were due in 2000, at a time no
 * other test's job is: the claimers see these jobs and nothing else.
 */
@MusicServiceIntegrationTest
class JobClaimsIntegrationTests {

	private static final Instant THEN = Instant.parse("2000-01-01T00:00:10Z");

	private final TestCatalogue catalogue;

	private final JobClaims claims;

	private final ProcessingWorkers workers;

	private final UserId owner = new UserId(UUID.randomUUID());

	private final List<TrackId> tracks = new ArrayList<>();

	JobClaimsIntegrationTests(@Autowired TrackRepository tracks, @Autowired ObjectStore storage,
			@Autowired ProcessingQueue queue, @Autowired PlatformTransactionManager transactionManager,
			@Autowired JdbcClient jdbc, @Autowired JobClaims claims, @Autowired ProcessingWorkers workers) {
		this.catalogue = new TestCatalogue(tracks, storage, queue, transactionManager, jdbc);
		this.claims = claims;
		this.workers = workers;
	}

	@BeforeEach
	void stopTheWorkersAndQueueTwoJobsDueLongAgo() {
		this.workers.stop();
		for (int i = 0; i < 2; i++) {
			this.tracks.add(this.catalogue.upload(this.owner, null, (track) -> this.catalogue.jdbc()
				.sql("update processing_job set run_after = :runAfter where track_id = :track")
				.param("runAfter", THEN.minusSeconds(10 - this.tracks.size()).atOffset(java.time.ZoneOffset.UTC))
				.param("track", track.value())
				.update()));
		}
	}

	@AfterEach
	void deleteTheJobsAndRestartTheWorkers() {
		for (TrackId track : this.tracks) {
			this.catalogue.jdbc().sql("delete from track where id = :track").param("track", track.value()).update();
		}
		this.workers.start();
	}

	@Test
	void givesTwoClaimersAtOnceDifferentJobsWithoutWaitingForEachOther() throws Exception {
		CountDownLatch firstHoldsItsClaim = new CountDownLatch(1);
		CountDownLatch secondClaimed = new CountDownLatch(1);
		CompletableFuture<Optional<Claim>> first = CompletableFuture
			.supplyAsync(() -> this.catalogue.transactions().execute((status) -> {
				Optional<Claim> claim = this.claims.claim("first", THEN, Duration.ofMinutes(1));
				firstHoldsItsClaim.countDown();
				await(secondClaimed);
				return claim;
			}));
		assertThat(firstHoldsItsClaim.await(30, TimeUnit.SECONDS)).isTrue();

		// Were the first claim's row waited for rather than skipped, this would fail
		// after a second instead of claiming.
		Optional<Claim> second = this.catalogue.transactions().execute((status) -> {
			this.catalogue.jdbc().sql("set local lock_timeout = '1s'").update();
			return this.claims.claim("second", THEN, Duration.ofMinutes(1));
		});
		secondClaimed.countDown();

		assertThat(first.get(30, TimeUnit.SECONDS)).map(Claim::trackId).contains(this.tracks.get(0));
		assertThat(second).map(Claim::trackId).contains(this.tracks.get(1));
		assertThat(this.claims.claim("third", THEN, Duration.ofMinutes(1))).isEmpty();
		assertThat(this.catalogue.job(this.tracks.get(0)).worker()).isEqualTo("first");
		assertThat(this.catalogue.job(this.tracks.get(1)).worker()).isEqualTo("second");
	}

	@Test
	void claimsARunningJobOnlyOnceItsLeaseHasRunOut() {
		Claim held = this.claims.claim("first", THEN, Duration.ofMinutes(1)).orElseThrow();
		this.claims.claim("second", THEN, Duration.ofMinutes(1)).orElseThrow();

		assertThat(this.claims.claim("third", THEN.plusSeconds(59), Duration.ofMinutes(1))).isEmpty();
		Optional<Claim> reclaimed = this.claims.claim("third", THEN.plusSeconds(61), Duration.ofMinutes(1));

		assertThat(reclaimed).map(Claim::jobId).contains(held.jobId());
		assertThat(reclaimed).map(Claim::attempts).contains(2);
		assertThat(this.claims.end(held, JobStatus.SUCCEEDED, null, THEN.plusSeconds(62))).isFalse();
		assertThat(this.claims.end(reclaimed.orElseThrow(), JobStatus.SUCCEEDED, null, THEN.plusSeconds(62))).isTrue();
	}

	@Test
	void handsAReleasedJobToTheNextClaimerWithoutCountingTheAttempt() {
		Claim released = this.claims.claim("stopping", THEN, Duration.ofMinutes(1)).orElseThrow();

		assertThat(this.claims.release(released, THEN.plusSeconds(1))).isTrue();

		Claim next = this.claims.claim("next", THEN.plusSeconds(2), Duration.ofMinutes(1)).orElseThrow();
		assertThat(next.jobId()).isEqualTo(released.jobId());
		assertThat(next.attempts()).isEqualTo(1);
		assertThat(this.claims.retryLater(released, THEN.plusSeconds(60), "late", THEN.plusSeconds(3))).isFalse();
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
