package com.notalabel.music.processing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import com.notalabel.audio.engine.AnalysisResult;
import com.notalabel.audio.engine.AudioEngine;
import com.notalabel.audio.engine.AudioLimits;
import com.notalabel.audio.engine.AudioRejected;
import com.notalabel.audio.engine.RenditionFormat;
import com.notalabel.music.processing.JobCompletion.Ending;
import com.notalabel.music.processing.JobLease.LeaseLost;
import com.notalabel.music.storage.ObjectKeys;
import com.notalabel.shared.storage.ObjectStore;

/**
 * Runs one claimed job outside any transaction: downloads the original to a temporary
 * folder, analyses it, renders and uploads the streaming rendition, and ends the job in
 * one transaction. The rendition's key depends only on the track, so a job run twice (its
 * first worker presumed dead) overwrites rather than duplicates.
 *
 * <p>
 * A refusal by the audio engine is the file's fault and final. Anything else (storage,
 * the database, the disk) is worth another attempt later, with exponential backoff, up to
 * {@code nal.processing.max-attempts}.
 */
@Component
class JobRunner {

	private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

	private final JobCompletion completion;

	private final ObjectStore storage;

	private final ProcessingProperties properties;

	private final Clock clock;

	private final MeterRegistry meters;

	JobRunner(JobCompletion completion, ObjectStore storage, ProcessingProperties properties, Clock clock,
			MeterRegistry meters) {
		this.completion = completion;
		this.storage = storage;
		this.properties = properties;
		this.clock = clock;
		this.meters = meters;
	}

	/**
	 * Runs a job to one of its endings. Failures to record the ending (the database is
	 * down) propagate; the job then stays claimed until its lease runs out and is claimed
	 * again.
	 * @param claim the claim on the job
	 * @param lease its lease, renewed meanwhile; once lost, the work stops at its next
	 * step and nothing is recorded or published
	 * @return how it ended
	 */
	Ending run(Claim claim, JobLease lease) {
		long started = System.nanoTime();
		String renditionKey = ObjectKeys.rendition(claim.ownerId(), claim.trackId(),
				RenditionFormat.AAC_M4A.extension());
		Ending ending;
		if (claim.attempts() > this.properties.maxAttempts()) {
			// Only a claim of an expired lease gets here: its workers died on every
			// attempt, perhaps because this file brings the process down.
			ending = this.completion.gaveUp(claim,
					"Claimed " + claim.attempts() + " times without an ending; each worker stopped answering");
		}
		else {
			ending = process(claim, lease, renditionKey, started);
		}
		if (ending == Ending.TRACK_GONE) {
			deleteOrphan(renditionKey);
		}
		this.meters.counter("nal.processing.jobs", "ending", ending.name().toLowerCase()).increment();
		log.info("Processing job {} of track {} (attempt {}) ended {} after {} ms", claim.jobId(), claim.trackId(),
				claim.attempts(), ending, Duration.ofNanos(System.nanoTime() - started).toMillis());
		return ending;
	}

	private Ending process(Claim claim, JobLease lease, String renditionKey, long started) {
		Path directory = null;
		try {
			Optional<String> originalKey = this.completion.originalKey(claim);
			if (originalKey.isEmpty()) {
				return Ending.TRACK_GONE;
			}
			directory = Files.createTempDirectory("nal-job-");
			Path original = directory.resolve("original");
			Path rendition = directory.resolve("stream." + RenditionFormat.AAC_M4A.extension());
			lease.check();
			this.storage.download(originalKey.get(), original);
			lease.check();
			AnalysisResult result = engine(started).analyze(original);
			lease.check();
			engine(started).renderStream(original, rendition, RenditionFormat.AAC_M4A);
			lease.check();
			this.storage.put(renditionKey, rendition, RenditionFormat.AAC_M4A.mediaType());
			lease.check();
			return this.completion.succeeded(claim, result, renditionKey);
		}
		catch (LeaseLost lost) {
			// Another worker runs the job now (or it was handed back, or its track deleted):
			// what this one did is void, and ending the job is not its business.
			return this.completion.abandoned(claim);
		}
		catch (AudioRejected rejection) {
			log.info("Track {} rejected by the audio engine: {}", claim.trackId(), rejection.reason().code());
			return lease.lost() ? this.completion.abandoned(claim) : this.completion.rejected(claim, rejection);
		}
		catch (IOException | RuntimeException ex) {
			return lease.lost() ? this.completion.abandoned(claim) : failedForNow(claim, ex);
		}
		finally {
			deleteQuietly(directory);
		}
	}

	/**
	 * The engine, with what is left of the job's time as its deadline, so that a job that
	 * keeps its lease alive still ends in bounded time.
	 */
	private AudioEngine engine(long started) {
		Duration left = this.properties.jobTimeout().minusNanos(System.nanoTime() - started);
		if (left.isNegative() || left.isZero()) {
			throw new JobTimedOut(this.properties.jobTimeout());
		}
		return new AudioEngine(new AudioLimits(AudioLimits.DEFAULTS.maxDuration(), left));
	}

	private Ending failedForNow(Claim claim, Exception ex) {
		String error = ex.getClass().getName() + ": " + ex.getMessage();
		if (claim.attempts() >= this.properties.maxAttempts()) {
			log.error("Processing job {} of track {} failed on its last attempt; giving up", claim.jobId(),
					claim.trackId(), ex);
			return this.completion.gaveUp(claim, error);
		}
		Instant runAfter = this.clock.instant()
			.plus(this.properties.backoffAfter(claim.attempts(), ThreadLocalRandom.current()));
		log.warn("Processing job {} of track {} failed on attempt {}; retrying after {}", claim.jobId(),
				claim.trackId(), claim.attempts(), runAfter, ex);
		return this.completion.retryLater(claim, runAfter, error);
	}

	private void deleteOrphan(String renditionKey) {
		try {
			this.storage.delete(List.of(renditionKey));
		}
		catch (RuntimeException ex) {
			log.warn("Could not delete the rendition {} of a deleted track: {}", renditionKey, ex.toString());
		}
	}

	private static void deleteQuietly(@Nullable Path directory) {
		if (directory == null) {
			return;
		}
		try (Stream<Path> paths = Files.walk(directory)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
		catch (IOException | UncheckedIOException ex) {
			log.warn("Could not delete the temporary folder {}: {}", directory, ex.toString());
		}
	}

	/**
	 * The job used up its time outside the engine (a slow download, say); not the file's
	 * fault, so it is retried.
	 */
	static final class JobTimedOut extends RuntimeException {

		private static final long serialVersionUID = 1L;

		JobTimedOut(Duration timeout) {
			super("The job ran out of its " + timeout + " before the audio engine started");
		}

	}

}
