package com.notalabel.music.processing;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import com.notalabel.audio.engine.AnalysisResult;
import com.notalabel.audio.engine.AudioEngine;
import com.notalabel.music.processing.JobCompletion.Ending;
import com.notalabel.music.storage.ObjectKeys;
import com.notalabel.shared.storage.ObjectStore;
import com.notalabel.music.testing.MusicServiceIntegrationTest;
import com.notalabel.music.track.TrackRepository;
import com.notalabel.music.upload.TracksHttp;
import com.notalabel.test.events.PublishedEvents;
import com.notalabel.test.http.Response;
import com.notalabel.types.events.music.TrackDeleted;
import com.notalabel.types.events.music.TrackProcessed;
import com.notalabel.types.id.TrackId;
import com.notalabel.types.id.UserId;
import com.notalabel.types.redis.RedisKeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A track deleted while its processing job ends, in both orders, forced: each test holds
 * one side's transaction open until the database shows the other side waiting for the
 * track's row. The delete wins either way; the job's result is kept only if it committed
 * first, and never announced for a track that is gone.
 */
@MusicServiceIntegrationTest
class TrackDeletionRaceIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private final TestCatalogue catalogue;

	private final ObjectStore storage;

	private final TrackRepository tracks;

	private final JobCompletion completion;

	private final JobRunner runner;

	private final JobLeases leases;

	private final TracksHttp http;

	private final PublishedEvents events;

	private final UUID artist = UUID.randomUUID();

	private final UserId owner = new UserId(this.artist);

	private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

	@TempDir
	Path directory;

	TrackDeletionRaceIntegrationTests(@LocalServerPort int port, @Autowired TrackRepository tracks,
			@Autowired ObjectStore storage, @Autowired ProcessingQueue queue,
			@Autowired PlatformTransactionManager transactionManager, @Autowired JdbcClient jdbc,
			@Autowired StringRedisTemplate redis, @Autowired RedisKeys keys, @Autowired JobCompletion completion,
			@Autowired JobRunner runner, @Autowired JobLeases leases) {
		this.catalogue = new TestCatalogue(tracks, storage, queue, transactionManager, jdbc);
		this.storage = storage;
		this.tracks = tracks;
		this.completion = completion;
		this.runner = runner;
		this.leases = leases;
		this.http = new TracksHttp(port);
		this.events = new PublishedEvents(redis, keys, "music-service");
	}

	@AfterEach
	void stopThreads() {
		this.threads.shutdownNow();
	}

	@Test
	void aDeleteThatWaitsForTheJobsEndingIsRunAgainAndWins() throws Exception {
		Path tone = TestAudio.sine(this.directory.resolve("tone.wav"), 44_100, 1.0, -18.0);
		TrackId track = uploadWithItsJobHeldElsewhere(tone);
		Claim claim = claimOf(track);
		AnalysisResult result = new AudioEngine().analyze(tone);
		String renditionKey = ObjectKeys.rendition(this.owner, track, "m4a");
		this.storage.put(renditionKey, new byte[] { 1, 2, 3 }, "audio/mp4");
		CountDownLatch ended = new CountDownLatch(1);
		CountDownLatch commit = new CountDownLatch(1);
		// The job ends and holds the track's row until the delete waits for it.
		Future<Ending> ending = this.threads.submit(() -> this.catalogue.transactions().execute((status) -> {
			Ending outcome = this.completion.succeeded(claim, result, renditionKey);
			ended.countDown();
			awaitQuietly(commit);
			return outcome;
		}));
		assertThat(ended.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

		// The artist deletes the track: the delete reads it as it was before the ending.
		Future<Response> deleted = this.threads.submit(() -> this.http.delete(this.artist, "/api/v1/tracks/" + track));
		awaitWaitingForTheTrackRow("^delete from (music\\.)?track where");
		commit.countDown();

		assertThat(ending.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(Ending.DONE);
		Response reply = deleted.get(WAIT.toSeconds(), TimeUnit.SECONDS);
		assertThat(reply.status()).as(reply.body()).isEqualTo(204);
		assertThat(this.tracks.findById(track.value())).isEmpty();
		assertThat(this.storage.exists(renditionKey)).isFalse();
		assertThat(this.events.await(TrackDeleted.class, (event) -> event.trackId().equals(track)).ownerId())
			.isEqualTo(this.owner);
	}

	@Test
	void aJobThatEndsAfterTheDeleteDiscardsItsResultQuietly() throws Exception {
		Path tone = TestAudio.sine(this.directory.resolve("tone.wav"), 44_100, 1.0, -18.0);
		TrackId track = uploadWithItsJobHeldElsewhere(tone);
		Claim claim = claimOf(track);
		String renditionKey = ObjectKeys.rendition(this.owner, track, "m4a");

		// The track is deleted and its row held until the job's ending waits for it.
		Future<Ending> ending = this.catalogue.transactions().execute((status) -> {
			this.catalogue.jdbc().sql("delete from track where id = :id").param("id", track.value()).update();
			Future<Ending> run = this.threads.submit(() -> {
				try (JobLease lease = this.leases.hold(claim)) {
					return this.runner.run(claim, lease);
				}
			});
			awaitWaitingForTheTrackRow("^select id from track where id = .* for update");
			return run;
		});

		assertThat(ending.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(Ending.TRACK_GONE);
		assertThat(this.storage.exists(renditionKey)).as("the rendition the job uploaded").isFalse();
		assertThat(this.catalogue.jdbc()
			.sql("select count(*) from track_analysis where track_id = :id")
			.param("id", track.value())
			.query(Long.class)
			.single()).isZero();
		assertThat(this.catalogue.jdbc()
			.sql("select count(*) from event_outbox where event_type like '%TrackProcessed' and envelope like :track")
			.param("track", "%" + track + "%")
			.query(Long.class)
			.single()).isZero();
		assertThat(this.events.all(TrackProcessed.class, (event) -> event.trackId().equals(track))).isEmpty();
	}

	/** A track whose job another worker holds, so that only the test ends it. */
	private TrackId uploadWithItsJobHeldElsewhere(Path original) {
		return this.catalogue.upload(this.owner, original,
				(id) -> this.catalogue.jdbc()
					.sql("update processing_job set status = 'RUNNING', attempts = 1, worker = 'slow-worker',"
							+ " lease_expires_at = now() + interval '1 hour' where track_id = :track")
					.param("track", id.value())
					.update());
	}

	private Claim claimOf(TrackId track) {
		return new Claim(this.catalogue.job(track).id(), track, this.owner, 1, "slow-worker",
				Instant.now().plusSeconds(3600));
	}

	/**
	 * Waits until a statement of this database waits for a lock: the other side of the
	 * race has read the track and stands in line behind the transaction held open.
	 * @param statement a regular expression the waiting statement matches
	 */
	private void awaitWaitingForTheTrackRow(String statement) {
		Pattern pattern = Pattern.compile(statement, Pattern.CASE_INSENSITIVE);
		await().atMost(WAIT)
			.pollInterval(Duration.ofMillis(20))
			.untilAsserted(() -> assertThat(this.catalogue.jdbc()
				.sql("select query from pg_stat_activity where datname = current_database()"
						+ " and wait_event_type = 'Lock'")
				.query(String.class)
				.list()).as("statements waiting for a lock").anyMatch((query) -> pattern.matcher(query).find()));
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(WAIT.toSeconds(), TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
