package com.notalabel.music.processing;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The heartbeat of the jobs this instance runs: every {@code heartbeat-interval} it
 * renews the lease of each running job for another {@code lease}, so that a lease can be
 * short (a dead worker's job is taken over within about a minute) however long the work
 * runs. A renewal that finds the claim gone marks the lease lost, and the work stops at
 * its next step without ending the job. A renewal that fails (the database is away) is
 * tried again at the next beat; the lease has room for two missed beats.
 */
@Component
class JobLeases {

	private static final Logger log = LoggerFactory.getLogger(JobLeases.class);

	private final JobClaims claims;

	private final ProcessingProperties properties;

	private final Clock clock;

	private final Set<JobLease> held = ConcurrentHashMap.newKeySet();

	private final Object lifecycleMonitor = new Object();

	private @Nullable ScheduledExecutorService heartbeat;

	JobLeases(JobClaims claims, ProcessingProperties properties, Clock clock) {
		this.claims = claims;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Keeps a claim's lease alive until the returned lease is closed.
	 * @param claim a claim just made
	 * @return its lease
	 */
	JobLease hold(Claim claim) {
		JobLease lease = new JobLease(claim, this);
		this.held.add(lease);
		return lease;
	}

	/**
	 * One heartbeat: renews every lease held now.
	 */
	void renew() {
		for (JobLease lease : List.copyOf(this.held)) {
			Claim claim = lease.claim();
			try {
				if (!this.claims.renew(claim, this.clock.instant(), this.properties.lease())) {
					this.held.remove(lease);
					lease.lose();
					if (!lease.closed()) {
						log.warn("Processing job {} of track {} is no longer held by this worker (attempt {});"
								+ " its work here stops", claim.jobId(), claim.trackId(), claim.attempts());
					}
				}
			}
			catch (RuntimeException ex) {
				log.warn("Could not renew the lease of processing job {}; trying again in {} ms: {}", claim.jobId(),
						this.properties.heartbeatInterval().toMillis(), ex.toString());
			}
		}
	}

	/**
	 * The jobs whose leases are renewed.
	 * @return their claims
	 */
	List<Claim> held() {
		return this.held.stream().map(JobLease::claim).toList();
	}

	void release(JobLease lease) {
		this.held.remove(lease);
	}

	/**
	 * Starts beating, with the workers.
	 */
	void start() {
		synchronized (this.lifecycleMonitor) {
			if (this.heartbeat != null) {
				return;
			}
			ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(
					Thread.ofPlatform().daemon(true).name("nal-processing-heartbeat").factory());
			long interval = this.properties.heartbeatInterval().toMillis();
			started.scheduleWithFixedDelay(this::renew, interval, interval, TimeUnit.MILLISECONDS);
			this.heartbeat = started;
		}
	}

	/**
	 * Stops beating, once the workers have stopped and handed their jobs back; a lease
	 * still held then runs out by itself.
	 */
	void stop() {
		synchronized (this.lifecycleMonitor) {
			ScheduledExecutorService stopping = this.heartbeat;
			if (stopping != null) {
				stopping.shutdownNow();
				this.heartbeat = null;
			}
		}
	}

}
