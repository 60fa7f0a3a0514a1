package com.notalabel.music.processing;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.notalabel.types.id.TrackId;
import com.notalabel.types.id.UserId;

/**
 * The job table's state changes, in SQL: claiming with {@code FOR UPDATE SKIP LOCKED} and
 * every later change guarded by the claim, so that only the holder of the current claim
 * can move a job on. Each method joins the caller's transaction or runs in its own.
 */
@Component
class JobClaims {

	/**
	 * The oldest due job: queued and due, or running under a lease that ran out (its
	 * worker died). Rows other transactions are claiming are skipped rather than waited
	 * for, so that workers never block one another and never get the same job. The status
	 * filter repeats the partial index's predicate so that the planner can use it.
	 */
	static final String CLAIM = """
			update processing_job job
			   set status = 'RUNNING', attempts = job.attempts + 1, lease_expires_at = :lease,
			       worker = :worker, updated_at = :now, version = job.version + 1
			 where job.id = (select due.id from processing_job due
			                  where due.status in ('QUEUED', 'RUNNING') and due.run_after <= :now
			                    and (due.status = 'QUEUED' or due.lease_expires_at < :now)
			                  order by due.run_after
			                  limit 1
			                  for update skip locked)
			returning job.id, job.track_id, job.owner_id, job.attempts
			""";

	private static final String HELD = " where id = :id and status = 'RUNNING' and worker = :worker and attempts = :attempts";

	private static final int MAX_ERROR_LENGTH = 2000;

	private final JdbcClient jdbc;

	JobClaims(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Claims the oldest due job, if any.
	 * @param worker the claiming worker
	 * @param now the current time
	 * @param lease how long the claim holds without news from the worker
	 * @return the claim, or empty when nothing is due
	 */
	@Transactional
	Optional<Claim> claim(String worker, Instant now, Duration lease) {
		Instant leaseExpiresAt = now.plus(lease);
		return this.jdbc.sql(CLAIM)
			.param("lease", at(leaseExpiresAt))
			.param("worker", worker)
			.param("now", at(now))
			.query((row, number) -> new Claim(row.getObject("id", UUID.class),
					new TrackId(row.getObject("track_id", UUID.class)),
					new UserId(row.getObject("owner_id", UUID.class)), row.getInt("attempts"), worker, leaseExpiresAt))
			.optional();
	}

	/**
	 * Ends a job, if the claim still holds it.
	 * @param claim the claim
	 * @param status {@code SUCCEEDED} or {@code FAILED}
	 * @param error what went wrong, for operators, or {@code null}
	 * @param now the current time
	 * @return whether the claim held the job and it was ended
	 */
	@Transactional
	boolean end(Claim claim, JobStatus status, @Nullable String error, Instant now) {
		if (status != JobStatus.SUCCEEDED && status != JobStatus.FAILED) {
			throw new IllegalArgumentException("Not an end: " + status);
		}
		return held(this.jdbc
			.sql("update processing_job set status = :status, lease_expires_at = null, last_error = :error,"
					+ " updated_at = :now, version = version + 1" + HELD)
			.param("status", status.name())
			.param("error", truncate(error)), claim, now);
	}

	/**
	 * Extends the claim's lease, if the claim still holds the job. A lease that ran out
	 * without another worker claiming the job is still this claim's: nobody else ran it.
	 * @param claim the claim
	 * @param now the current time
	 * @param lease how long the claim holds from now without news from the worker
	 * @return whether the claim held the job; if not, another worker has it (or the job
	 * was handed back or deleted) and the work must stop
	 */
	@Transactional
	boolean renew(Claim claim, Instant now, Duration lease) {
		return held(this.jdbc
			.sql("update processing_job set lease_expires_at = :lease, updated_at = :now, version = version + 1" + HELD)
			.param("lease", at(now.plus(lease))), claim, now);
	}

	/**
	 * Puts a job back in the queue for another attempt later, if the claim still holds
	 * it.
	 * @param claim the claim
	 * @param runAfter when it is due again
	 * @param error what went wrong, for operators
	 * @param now the current time
	 * @return whether the claim held the job
	 */
	@Transactional
	boolean retryLater(Claim claim, Instant runAfter, String error, Instant now) {
		return held(this.jdbc
			.sql("update processing_job set status = 'QUEUED', run_after = :runAfter, lease_expires_at = null,"
					+ " worker = null, last_error = :error, updated_at = :now, version = version + 1" + HELD)
			.param("runAfter", at(runAfter))
			.param("error", truncate(error)), claim, now);
	}

	/**
	 * Hands a job this worker will not finish back to the queue, in its old place (it is
	 * due at once) and without counting the attempt: the worker is stopping, the file is
	 * not at fault.
	 * @param claim the claim
	 * @param now the current time
	 * @return whether the claim held the job
	 */
	@Transactional
	boolean release(Claim claim, Instant now) {
		return held(this.jdbc.sql("update processing_job set status = 'QUEUED', lease_expires_at = null, worker = null,"
				+ " attempts = attempts - 1, updated_at = :now, version = version + 1" + HELD), claim, now);
	}

	/**
	 * Locks a job's track for the ending's transaction. Taken before the job's row, in
	 * the order a track's deletion takes them (the track, then its job by cascade), so
	 * that an ending and a deletion wait for each other instead of deadlocking.
	 * @param track the track
	 * @return whether the track exists; if not, its job is gone too
	 */
	@Transactional
	boolean lockTrack(TrackId track) {
		return this.jdbc.sql("select id from track where id = :id for update")
			.param("id", track.value())
			.query(UUID.class)
			.optional()
			.isPresent();
	}

	/**
	 * Whether a job still exists; it goes with its track when the track is deleted.
	 * @param jobId the job
	 * @return whether it exists
	 */
	@Transactional(readOnly = true)
	boolean exists(UUID jobId) {
		return this.jdbc.sql("select count(*) from processing_job where id = :id")
			.param("id", jobId)
			.query(Long.class)
			.single() > 0;
	}

	private static boolean held(JdbcClient.StatementSpec statement, Claim claim, Instant now) {
		return statement.param("now", at(now))
			.param("id", claim.jobId())
			.param("worker", claim.worker())
			.param("attempts", claim.attempts())
			.update() == 1;
	}

	/** PostgreSQL's JDBC driver binds an offset date-time as {@code timestamptz}. */
	private static OffsetDateTime at(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static @Nullable String truncate(@Nullable String error) {
		return (error == null || error.length() <= MAX_ERROR_LENGTH) ? error : error.substring(0, MAX_ERROR_LENGTH);
	}

}
