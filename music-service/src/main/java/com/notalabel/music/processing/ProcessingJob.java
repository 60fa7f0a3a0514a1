package com.notalabel.music.processing;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

import com.notalabel.types.Uuid7;
import com.notalabel.types.id.TrackId;
import com.notalabel.types.id.UserId;

/**
 * The analysis of one upload, run by a worker that claims it.
 */
@Entity
@Table(name = "processing_job")
public class ProcessingJob {

	@Id
	private UUID id;

	private UUID trackId;

	private UUID ownerId;

	@Enumerated(EnumType.STRING)
	private JobStatus status;

	private int attempts;

	private Instant runAfter;

	private @Nullable Instant leaseExpiresAt;

	private @Nullable String worker;

	private @Nullable String lastError;

	private Instant createdAt;

	private Instant updatedAt;

	@Version
	private long version;

	protected ProcessingJob() {
		this.id = new UUID(0, 0);
		this.trackId = new UUID(0, 0);
		this.ownerId = new UUID(0, 0);
		this.status = JobStatus.QUEUED;
		this.runAfter = Instant.EPOCH;
		this.createdAt = Instant.EPOCH;
		this.updatedAt = Instant.EPOCH;
	}

	ProcessingJob(TrackId track, UserId owner, Instant now) {
		this.id = Uuid7.next();
		this.trackId = track.value();
		this.ownerId = owner.value();
		this.status = JobStatus.QUEUED;
		this.runAfter = now;
		this.createdAt = now;
		this.updatedAt = now;
	}

	public UUID id() {
		return this.id;
	}

	public TrackId trackId() {
		return new TrackId(this.trackId);
	}

	public UserId ownerId() {
		return new UserId(this.ownerId);
	}

	public JobStatus status() {
		return this.status;
	}

	public int attempts() {
		return this.attempts;
	}

	public Instant runAfter() {
		return this.runAfter;
	}

	public @Nullable Instant leaseExpiresAt() {
		return this.leaseExpiresAt;
	}

	public @Nullable String worker() {
		return this.worker;
	}

	public @Nullable String lastError() {
		return this.lastError;
	}

}
