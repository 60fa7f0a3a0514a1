package com.notalabel.music.processing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import com.notalabel.audio.engine.AnalysisResult;
import com.notalabel.audio.engine.AudioEngine;
import com.notalabel.music.processing.JobCompletion.Ending;
import com.notalabel.music.storage.ObjectKeys;
import com.notalabel.shared.storage.ObjectStore;
import com.notalabel.music.testing.MusicServiceIntegrationTest;
import com.notalabel.music.track.Track;
import com.notalabel.music.track.TrackRepository;
import com.notalabel.music.track.TrackStatus;
import com.notalabel.music.upload.TracksHttp;
import com.notalabel.test.events.PublishedEvents;
import com.notalabel.test.s3.LocalS3;
import com.notalabel.test.s3.LocalS3Clients;
import com.notalabel.types.events.music.TrackProcessed;
import com.notalabel.types.events.music.TrackProcessingFailed;
import com.notalabel.types.id.TrackId;
import com.notalabel.types.id.UserId;
import com.notalabel.types.redis.RedisKeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

@MusicServiceIntegrationTest
class ProcessingIntegrationTests {

	private final TestCatalogue catalogue;

	private final ObjectStore storage;

	private final PublishedEvents events;

	private final TracksHttp http;

	private final JsonMapper json;

	private final JobCompletion completion;

	private final JobRunner runner;

	private final ProcessingWorkers workers;

	private final JobLeases leases;

	private final ProcessingProperties properties;

	private final UUID artist = UUID.randomUUID();

	private final UserId owner = new UserId(this.artist);

	@TempDir
	Path directory;

	ProcessingIntegrationTests(@Autowired TrackRepository tracks, @Autowired ObjectStore storage,
			@Autowired ProcessingQueue queue, @Autowired PlatformTransactionManager transactionManager,
			@Autowired JdbcClient jdbc, @Autowired StringRedisTemplate redis, @Autowired RedisKeys keys,
			@Autowired JsonMapper json, @Autowired Environment environment, @Autowired JobCompletion completion,
			@Autowired JobRunner runner, @Autowired ProcessingWorkers workers, @Autowired JobLeases leases,
			@Autowired ProcessingProperties properties) {
		this.catalogue = new TestCatalogue(tracks, storage, queue, transactionManager, jdbc);
		this.storage = storage;
		this.events = new PublishedEvents(redis, keys, "music-service");
		this.http = new TracksHttp(environment.getRequiredProperty("local.server.port", Integer.class));
		this.json = json;
		this.completion = completion;
		this.runner = runner;
		this.workers = workers;
		this.leases = leases;
		this.properties = properties;
	}

	@Test
	void processesAnUploadIntoItsAnalysisWaveformAndStreamingRendition() throws Exception {
		Path tone = TestAudio.sine(this.directory.resolve("tone.wav"), 48_000, 3.0, -23.0);

		TrackId track = this.catalogue.upload(this.owner, tone);

		Track processed = awaitProcessed(track);
		assertThat(processed.status()).as(String.valueOf(processed.failureReason())).isEqualTo(TrackStatus.READY);
		assertThat(this.catalogue.job(track).status()).isEqualTo(JobStatus.SUCCEEDED);

		var analysis = this.http.get(this.artist, "/api/v1/tracks/" + track + "/analysis");
		assertThat(analysis.status()).isEqualTo(200);
		JsonNode document = this.json.readTree(analysis.body());
		assertThat(document.path("loudness").path("integratedLufs").asDouble()).isCloseTo(-23.0, within(0.1));
		assertThat(document.path("technical").path("sampleRateHz").asInt()).isEqualTo(48_000);
		assertThat(document.path("technical").path("channels").asInt()).isEqualTo(2);

		var waveform = this.http.get(this.artist, "/api/v1/tracks/" + track + "/waveform?pixelsPerSecond=20");
		assertThat(waveform.status()).isEqualTo(200);
		assertThat(waveform.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
		JsonNode peaks = this.json.readTree(waveform.body());
		assertThat(peaks.path("version").asInt()).isEqualTo(2);
		assertThat(peaks.path("sample_rate").asInt() / peaks.path("samples_per_pixel").asInt()).isEqualTo(20);
		assertThat(peaks.path("length").asInt()).isBetween(59, 61);
		assertThat(peaks.path("data").size()).isEqualTo(2 * peaks.path("length").asInt());

		String renditionKey = ObjectKeys.rendition(this.owner, track, "m4a");
		assertThat(processed.renditionKey()).isEqualTo(renditionKey);
		try (S3Client s3 = LocalS3Clients.client(LocalS3.shared())) {
			HeadObjectResponse rendition = s3
				.headObject((request) -> request.bucket(LocalS3.shared().bucket()).key(renditionKey));
			assertThat(rendition.contentType()).isEqualTo("audio/mp4");
			assertThat(rendition.contentLength()).isPositive();
		}

		TrackProcessed event = await().atMost(Duration.ofSeconds(20))
			.until(() -> this.events.all(TrackProcessed.class, (published) -> published.trackId().equals(track)),
					(found) -> !found.isEmpty())
			.getFirst();
		assertThat(event.ownerId()).isEqualTo(this.owner);
		assertThat(event.analysis().integratedLoudnessLufs()).isCloseTo(-23.0, within(0.1));
		assertThat(event.analysis().durationSeconds()).isCloseTo(3.0, within(0.01));
	}

	@Test
	void failsAFileThatIsNotAudioWithAReasonTheArtistCanRead() throws Exception {
		Path text = Files.writeString(this.directory.resolve("notes.wav"),
				"These are my lyrics, not a recording of them.\n".repeat(200), StandardCharsets.UTF_8);

		TrackId track = this.catalogue.upload(this.owner, text);

		Track failed = awaitProcessed(track);
		assertThat(failed.status()).isEqualTo(TrackStatus.FAILED);
		assertThat(failed.failureReason()).isNotBlank().doesNotContain("Exception").doesNotContain("ffmpeg");
		TestCatalogue.Job job = this.catalogue.job(track);
		assertThat(job.status()).isEqualTo(JobStatus.FAILED);
		assertThat(job.attempts()).isEqualTo(1);
		assertThat(job.lastError()).startsWith("audio.");
		TrackProcessingFailed event = await().atMost(Duration.ofSeconds(20))
			.until(() -> this.events.all(TrackProcessingFailed.class, (published) -> published.trackId().equals(track)),
					(found) -> !found.isEmpty())
			.getFirst();
		assertThat(event.reason()).isEqualTo(failed.failureReason());
		assertThat(event.ownerId()).isEqualTo(this.owner);
		var analysis = this.http.get(this.artist, "/api/v1/tracks/" + track + "/analysis");
		assertThat(analysis.status()).isEqualTo(409);
		JsonNode problem = this.json.readTree(analysis.body());
		assertThat(problem.path("code").asString()).isEqualTo("track.processing_failed");
		assertThat(problem.path("failureReason").asString()).isEqualTo(failed.failureReason());
	}

	@Test
	void resumesAJobWhoseWorkerDiedAndPublishesItsResultOnce() throws Exception {
		Path tone = TestAudio.sine(this.directory.resolve("tone.wav"), 44_100, 2.0, -18.0);

		// A worker claimed the job, then died: its lease ran out a second ago.
		TrackId track = this.catalogue.upload(this.owner, tone,
				(id) -> this.catalogue.jdbc()
					.sql("update processing_job set status = 'RUNNING', attempts = 1, worker = 'dead-worker',"
							+ " lease_expires_at = now() - interval '1 second' where track_id = :track")
					.param("track", id.value())
					.update());

		assertThat(awaitProcessed(track).status()).isEqualTo(TrackStatus.READY);
		TestCatalogue.Job job = this.catalogue.job(track);
		assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
		assertThat(job.attempts()).isEqualTo(2);
		assertThat(job.worker()).isEqualTo(this.workers.name());
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.events.all(TrackProcessed.class, (event) -> event.trackId().equals(track)),
					(found) -> !found.isEmpty());

		// The presumed dead worker was only slow and comes back with its result.
		AnalysisResult late = new AudioEngine().analyze(tone);
		Claim stale = new Claim(job.id(), track, this.owner, 1, "dead-worker", Instant.now());
		Ending ending = this.completion.succeeded(stale, late, ObjectKeys.rendition(this.owner, track, "m4a"));

		assertThat(ending).isEqualTo(Ending.CLAIM_LOST);
		assertThat(this.catalogue.jdbc()
			.sql("select count(*) from event_outbox where envelope like :track")
			.param("track", "%" + track + "%")
			.query(Long.class)
			.single()).isZero();
		assertThat(this.events.all(TrackProcessed.class, (event) -> event.trackId().equals(track))).hasSize(1);
	}

	@Test
	void retriesAStorageFailureLaterAndThenSucceeds() throws Exception {
		// The original is not (yet) where the track says: storage failed, not the file.
		TrackId track = this.catalogue.upload(this.owner, null, (id) -> {
		});

		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.catalogue.job(track), (job) -> job.status() == JobStatus.QUEUED && job.attempts() == 1);
		TestCatalogue.Job waiting = this.catalogue.job(track);
		assertThat(waiting.lastError()).contains("NoSuchKey");
		assertThat(waiting.runAfter()).isAfter(Instant.now());
		assertThat(this.catalogue.track(track).status()).isEqualTo(TrackStatus.PROCESSING);

		this.storage.put(ObjectKeys.original(this.owner, track),
				TestAudio.sine(this.directory.resolve("tone.wav"), 44_100, 2.0, -18.0), "audio/wav");
		// The backoff has passed.
		this.catalogue.jdbc()
			.sql("update processing_job set run_after = now() where track_id = :track")
			.param("track", track.value())
			.update();
		this.workers.wakeUp();

		assertThat(awaitProcessed(track).status()).isEqualTo(TrackStatus.READY);
		TestCatalogue.Job job = this.catalogue.job(track);
		assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
		assertThat(job.attempts()).isEqualTo(2);
		assertThat(this.events.all(TrackProcessingFailed.class, (event) -> event.trackId().equals(track))).isEmpty();
	}

	@Nested
	class GivesUp {

		@Test
		void afterTheLastAttemptWithAReasonTheArtistCanRead() {
			ProcessingIntegrationTests outer = ProcessingIntegrationTests.this;
			int maxAttempts = outer.properties.maxAttempts();
			TrackId track = outer.catalogue.upload(outer.owner, null,
					(id) -> outer.catalogue.jdbc()
						.sql("update processing_job set attempts = :attempts where track_id = :track")
						.param("attempts", maxAttempts - 1)
						.param("track", id.value())
						.update());

			Track failed = outer.awaitProcessed(track);

			assertThat(failed.status()).isEqualTo(TrackStatus.FAILED);
			assertThat(failed.failureReason()).isEqualTo(JobCompletion.GAVE_UP_REASON);
			TestCatalogue.Job job = outer.catalogue.job(track);
			assertThat(job.status()).isEqualTo(JobStatus.FAILED);
			assertThat(job.attempts()).isEqualTo(maxAttempts);
			assertThat(job.lastError()).contains("NoSuchKey");
			assertThat(await().atMost(Duration.ofSeconds(20))
				.until(() -> outer.events.all(TrackProcessingFailed.class, (event) -> event.trackId().equals(track)),
						(found) -> !found.isEmpty())
				.getFirst()
				.reason()).isEqualTo(JobCompletion.GAVE_UP_REASON);
		}

		@Test
		void quietlyWhenTheTrackIsDeletedWhileItsJobRunsAndDeletesTheRenditionItUploaded() {
			ProcessingIntegrationTests outer = ProcessingIntegrationTests.this;
			// Another worker holds the job, so that only this test runs it.
			TrackId track = outer.catalogue.upload(outer.owner, null,
					(id) -> outer.catalogue.jdbc()
						.sql("update processing_job set status = 'RUNNING', attempts = 1, worker = 'slow-worker',"
								+ " lease_expires_at = now() + interval '1 hour' where track_id = :track")
						.param("track", id.value())
						.update());
			Claim claim = new Claim(outer.catalogue.job(track).id(), track, outer.owner, 1, "slow-worker",
					Instant.now().plusSeconds(3600));
			String renditionKey = ObjectKeys.rendition(outer.owner, track, "m4a");
			outer.storage.put(renditionKey, new byte[] { 1, 2, 3 }, "audio/mp4");
			outer.catalogue.jdbc().sql("delete from track where id = :track").param("track", track.value()).update();

			Ending ending;
			try (JobLease lease = outer.leases.hold(claim)) {
				ending = outer.runner.run(claim, lease);
			}

			assertThat(ending).isEqualTo(Ending.TRACK_GONE);
			assertThat(outer.storage.exists(renditionKey)).isFalse();
		}

	}

	private Track awaitProcessed(TrackId track) {
		return await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> this.catalogue.track(track), (found) -> found.status() != TrackStatus.PROCESSING);
	}

}
