package com.notalabel.music.processing;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import com.notalabel.types.id.TrackId;
import com.notalabel.types.id.UserId;

/**
 * One worker's hold on one job, for one attempt. The worker name and the attempt number
 * together identify the claim: whatever a worker does after its claim was lost (its lease
 * ran out and another worker took the job) finds the job no longer held and changes
 * nothing.
 *
 * @param jobId the job
 * @param trackId the track to process
 * @param ownerId its artist
 * @param attempts the attempt this claim is, from 1
 * @param worker the claiming worker
 * @param leaseExpiresAt when the job becomes claimable again if this worker falls silent
 * before the lease's first renewal
 */
record Claim(UUID jobId, TrackId trackId, UserId ownerId, int attempts, String worker, Instant leaseExpiresAt) {

	Claim {
		Objects.requireNonNull(jobId, "jobId");
		Objects.requireNonNull(trackId, "trackId");
		Objects.requireNonNull(ownerId, "ownerId");
		Objects.requireNonNull(worker, "worker");
		Objects.requireNonNull(leaseExpiresAt, "leaseExpiresAt");
	}

}
