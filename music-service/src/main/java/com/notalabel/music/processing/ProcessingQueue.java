package com.notalabel.music.processing;

import java.time.Clock;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.notalabel.shared.transaction.AfterCommit;
import com.notalabel.types.id.TrackId;
import com.notalabel.types.id.UserId;

/**
 * Where uploads ask for their analysis. The job is part of the upload's transaction: a
 * stored track always has its job, and a failed upload leaves none.
 */
@Component
public class ProcessingQueue {

	private final ProcessingJobRepository jobs;

	private final Clock clock;

	private final ProcessingWorkers workers;

	ProcessingQueue(ProcessingJobRepository jobs, Clock clock, ProcessingWorkers workers) {
		this.jobs = jobs;
		this.clock = clock;
		this.workers = workers;
	}

	/**
	 * Queues the analysis of a freshly stored track.
	 * @param track the track
	 * @param owner its artist
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void enqueue(TrackId track, UserId owner) {
		this.jobs.save(new ProcessingJob(track, owner, this.clock.instant()));
		// The job is visible to workers only once the upload commits; waking them then
		// spares the artist the poll interval.
		AfterCommit.run("wake the processing workers", this.workers::wakeUp);
	}

}
