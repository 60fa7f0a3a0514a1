package com.notalabel.music.processing;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.notalabel.audio.engine.AnalysisResult;
import com.notalabel.audio.engine.AudioRejected;
import com.notalabel.music.analysis.TrackAnalyses;
import com.notalabel.music.analysis.TrackAnalysis;
import com.notalabel.music.track.Track;
import com.notalabel.music.track.TrackChanged;
import com.notalabel.music.track.TrackRepository;
import com.notalabel.shared.events.EventPublisher;
import com.notalabel.types.events.music.TrackProcessed;
import com.notalabel.types.events.music.TrackProcessingFailed;

/**
 * How a claimed job ends, each ending one transaction: the job, the track, its analysis
 * and the event change together or not at all. Every ending first checks that the claim
 * still holds the job, so a worker that lost its claim (it was presumed dead and the job
 * was claimed again) changes nothing and publishes nothing.
 */
@Component
class JobCompletion {

	/**
	 * What the artist reads when processing gave up for reasons that are not the file's:
	 * storage or the database failed on every attempt.
	 */
	static final String GAVE_UP_REASON = "We could not process this file because of a problem on our side. "
			+ "Please upload it again later; if it keeps happening, contact us.";

	private final JobClaims claims;

	private final TrackRepository tracks;

	private final TrackAnalyses analyses;

	private final EventPublisher events;

	private final ApplicationEventPublisher local;

	private final Clock clock;

	JobCompletion(JobClaims claims, TrackRepository tracks, TrackAnalyses analyses, EventPublisher events,
			ApplicationEventPublisher local, Clock clock) {
		this.claims = claims;
		this.tracks = tracks;
		this.analyses = analyses;
		this.events = events;
		this.local = local;
		this.clock = clock;
	}

	/**
	 * The original to process, read in a transaction of its own before the work starts.
	 * @param claim the claim
	 * @return the original's object key, or empty when the track was deleted
	 */
	@Transactional(readOnly = true)
	Optional<String> originalKey(Claim claim) {
		return this.tracks.findByIdAndOwnerId(claim.trackId().value(), claim.ownerId().value()).map(Track::originalKey);
	}

	/**
	 * The track is processed: its analysis is stored, it is ready to stream, and the
	 * other services hear of it.
	 * @param claim the claim
	 * @param result the analysis and waveform
	 * @param renditionKey the uploaded streaming rendition
	 * @return how it ended
	 */
	@Transactional
	Ending succeeded(Claim claim, AnalysisResult result, String renditionKey) {
		Instant now = this.clock.instant();
		if (!this.claims.lockTrack(claim.trackId())) {
			return Ending.TRACK_GONE;
		}
		if (!this.claims.end(claim, JobStatus.SUCCEEDED, null, now)) {
			return notHeld(claim);
		}
		Track track = this.tracks.findByIdAndOwnerId(claim.trackId().value(), claim.ownerId().value())
			.orElseThrow(() -> new IllegalStateException("Track " + claim.trackId() + " is locked yet not found"));
		TrackAnalysis analysis = this.analyses.store(claim.trackId(), result, now);
		track.processed(renditionKey, now);
		this.events.publish(new TrackProcessed(claim.trackId(), claim.ownerId(), analysis.summary(), now));
		this.local.publishEvent(new TrackChanged(claim.trackId()));
		return Ending.DONE;
	}

	/**
	 * The audio engine refused the file: retrying cannot help, and the artist is told why
	 * in the engine's words.
	 * @param claim the claim
	 * @param rejection the engine's refusal
	 * @return how it ended
	 */
	@Transactional
	Ending rejected(Claim claim, AudioRejected rejection) {
		return fail(claim, rejection.getMessage(), rejection.reason().code() + ": " + rejection.getMessage());
	}

	/**
	 * Processing gave up after failures that were not the file's fault.
	 * @param claim the claim
	 * @param error the last error, for operators
	 * @return how it ended
	 */
	@Transactional
	Ending gaveUp(Claim claim, String error) {
		return fail(claim, GAVE_UP_REASON, error);
	}

	/**
	 * Another attempt, later.
	 * @param claim the claim
	 * @param runAfter when it is due
	 * @param error what went wrong, for operators
	 * @return how it ended
	 */
	@Transactional
	Ending retryLater(Claim claim, Instant runAfter, String error) {
		if (!this.claims.retryLater(claim, runAfter, error, this.clock.instant())) {
			return notHeld(claim);
		}
		return Ending.RETRYING;
	}

	/**
	 * The worker lost its lease and stopped: nothing is recorded, only why it was lost.
	 * @param claim the claim
	 * @return {@code CLAIM_LOST}, or {@code TRACK_GONE} if the track was deleted
	 */
	@Transactional(readOnly = true)
	Ending abandoned(Claim claim) {
		return notHeld(claim);
	}

	private Ending fail(Claim claim, String reason, String error) {
		Instant now = this.clock.instant();
		if (!this.claims.lockTrack(claim.trackId())) {
			return Ending.TRACK_GONE;
		}
		if (!this.claims.end(claim, JobStatus.FAILED, error, now)) {
			return notHeld(claim);
		}
		Track track = this.tracks.findByIdAndOwnerId(claim.trackId().value(), claim.ownerId().value())
			.orElseThrow(() -> new IllegalStateException("Track " + claim.trackId() + " is locked yet not found"));
		track.failed(reason, now);
		this.events.publish(new TrackProcessingFailed(claim.trackId(), claim.ownerId(), reason, now));
		this.local.publishEvent(new TrackChanged(claim.trackId()));
		return Ending.FAILED;
	}

	private Ending notHeld(Claim claim) {
		return this.claims.exists(claim.jobId()) ? Ending.CLAIM_LOST : Ending.TRACK_GONE;
	}

	/**
	 * How a job ended for the worker that held it.
	 */
	enum Ending {

		/** The track is ready. */
		DONE,

		/** The track failed for good. */
		FAILED,

		/** The job is queued for another attempt. */
		RETRYING,

		/** Another worker holds the job now; what this one did is void. */
		CLAIM_LOST,

		/** The track was deleted while the job ran. */
		TRACK_GONE

	}

}
