package com.notalabel.music.processing;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The instance's workers: {@code nal.processing.concurrency} threads that each claim a
 * due job, run it and look for the next. They are woken right after an upload's
 * transaction commits and otherwise look every {@code poll-interval}, which is how they
 * find jobs queued by other instances, retries coming due and jobs whose worker died.
 *
 * <p>
 * While a job runs, its lease is renewed every {@code heartbeat-interval}
 * ({@link JobLeases}), so that a short lease suffices for any job: the job of a worker
 * that died is claimed again once its lease runs out, within about a minute.
 *
 * <p>
 * Stopping stops claiming, lets running jobs finish for {@code shutdown-grace}, then
 * hands the jobs still running back to the queue so that another instance takes them at
 * once rather than after their lease; their late results are void (see {@link Claim}).
 * Platform threads, not virtual ones: decoding is CPU-bound native code, which would pin
 * a virtual thread's carrier anyway.
 */
@Component
class ProcessingWorkers implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ProcessingWorkers.class);

	private static final Duration MAX_ERROR_BACKOFF = Duration.ofSeconds(30);

	private final JobClaims claims;

	private final JobRunner runner;

	private final JobLeases leases;

	private final ProcessingProperties properties;

	private final Clock clock;

	private final Map<Thread, Claim> running = new ConcurrentHashMap<>();

	private final Object lifecycleMonitor = new Object();

	private volatile @Nullable Crew crew;

	ProcessingWorkers(JobClaims claims, JobRunner runner, JobLeases leases, ProcessingProperties properties,
			Clock clock) {
		this.claims = claims;
		this.runner = runner;
		this.leases = leases;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Has idle workers look for due jobs now rather than at their next poll.
	 */
	void wakeUp() {
		Crew current = this.crew;
		if (current != null) {
			current.threads.forEach(LockSupport::unpark);
		}
	}

	/**
	 * This instance's worker name while it runs: host, process and a random part, so that
	 * a claim made before a restart is never mistaken for one made after it.
	 * @return the name
	 */
	@Nullable String name() {
		Crew current = this.crew;
		return (current != null) ? current.name : null;
	}

	private void work(Crew crew) {
		Duration errorBackoff = Duration.ZERO;
		while (crew.active) {
			Optional<Claim> claim;
			try {
				claim = this.claims.claim(crew.name, this.clock.instant(), this.properties.lease());
				errorBackoff = Duration.ZERO;
			}
			catch (RuntimeException ex) {
				errorBackoff = nextBackoff(errorBackoff);
				log.warn("Claiming a processing job failed, trying again in {} ms: {}", errorBackoff.toMillis(),
						ex.toString());
				LockSupport.parkNanos(errorBackoff.toNanos());
				continue;
			}
			if (claim.isEmpty()) {
				LockSupport.parkNanos(this.properties.pollInterval().toNanos());
				continue;
			}
			run(crew, claim.get());
		}
	}

	private void run(Crew crew, Claim claim) {
		this.running.put(Thread.currentThread(), claim);
		try {
			if (!crew.active) {
				// Claimed as the instance began to stop.
				this.claims.release(claim, this.clock.instant());
				return;
			}
			try (JobLease lease = this.leases.hold(claim)) {
				this.runner.run(claim, lease);
			}
		}
		catch (RuntimeException ex) {
			log.error("Processing job {} could not record how it ended; it is claimed again within {} s, when its"
					+ " lease runs out", claim.jobId(), this.properties.lease().toSeconds(), ex);
		}
		finally {
			this.running.remove(Thread.currentThread());
		}
	}

	private static Duration nextBackoff(Duration previous) {
		Duration next = previous.isZero() ? Duration.ofMillis(500) : previous.multipliedBy(2);
		return (next.compareTo(MAX_ERROR_BACKOFF) > 0) ? MAX_ERROR_BACKOFF : next;
	}

	@Override
	public void start() {
		synchronized (this.lifecycleMonitor) {
			if (this.crew != null || !this.properties.enabled()) {
				return;
			}
			Crew started = new Crew(workerName());
			for (int i = 1; i <= this.properties.concurrency(); i++) {
				started.threads
					.add(Thread.ofPlatform().daemon(true).name("nal-processing-" + i).unstarted(() -> work(started)));
			}
			this.crew = started;
			this.leases.start();
			started.threads.forEach(Thread::start);
			log.info("{} processing worker(s) started as {}", started.threads.size(), started.name);
		}
	}

	@Override
	public void stop() {
		synchronized (this.lifecycleMonitor) {
			Crew stopping = this.crew;
			if (stopping == null) {
				return;
			}
			stopping.active = false;
			wakeUp();
			long deadline = System.nanoTime() + this.properties.shutdownGrace().toNanos();
			for (Thread thread : stopping.threads) {
				long left = deadline - System.nanoTime();
				try {
					if (left <= 0 || !thread.join(Duration.ofNanos(left))) {
						break;
					}
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					break;
				}
			}
			for (Claim claim : List.copyOf(this.running.values())) {
				try {
					if (this.claims.release(claim, this.clock.instant())) {
						log.info("Processing job {} handed back to the queue unfinished", claim.jobId());
					}
				}
				catch (RuntimeException ex) {
					log.warn("Could not hand processing job {} back; it is claimed again after its lease: {}",
							claim.jobId(), ex.toString());
				}
			}
			// Only now: the jobs still running during the grace needed their leases.
			this.leases.stop();
			this.crew = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.crew != null;
	}

	private static String workerName() {
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			host = "unknown-host";
		}
		byte[] random = new byte[3];
		ThreadLocalRandom.current().nextBytes(random);
		return host + "-" + ManagementFactory.getRuntimeMXBean().getPid() + "-" + HexFormat.of().formatHex(random);
	}

	/**
	 * The threads of one start, under one worker name. A thread of a stopped crew that is
	 * still finishing its job never claims another, even once a new crew has started.
	 */
	private static final class Crew {

		private final String name;

		private final List<Thread> threads = new ArrayList<>();

		private volatile boolean active = true;

		Crew(String name) {
			this.name = name;
		}

	}

}
