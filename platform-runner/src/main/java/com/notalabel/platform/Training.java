package com.notalabel.platform;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import com.notalabel.platform.PlatformState.Cache;

/**
 * The AOT caches' training runs, one at a time and only while every service is ready (ADR
 * 0019): a training run costs as much CPU as a start, and several at once on a small
 * machine starve the services they are meant to speed up.
 */
final class Training {

	/**
	 * Starts a service's training run.
	 */
	interface Trainer {

		Run train(ServiceSpec spec) throws Exception;

	}

	/**
	 * One training run.
	 */
	interface Run {

		/**
		 * @return empty while it runs; then whether it wrote a cache
		 */
		Optional<Boolean> outcome();

		void cancel();

	}

	private final Trainer trainer;

	private final Consumer<String> log;

	private final Deque<ServiceSpec> queue = new ArrayDeque<>();

	private final Map<String, Cache> caches = new LinkedHashMap<>();

	private @Nullable ServiceSpec current;

	private @Nullable Run run;

	Training(Trainer trainer, Consumer<String> log) {
		this.trainer = trainer;
		this.log = log;
	}

	void queue(ServiceSpec spec) {
		if (this.caches.get(spec.name()) == Cache.QUEUED || this.caches.get(spec.name()) == Cache.TRAINING) {
			return;
		}
		this.queue.add(spec);
		this.caches.put(spec.name(), Cache.QUEUED);
	}

	/**
	 * Notices a run that ended and starts the next one if the platform is ready.
	 * @param platformReady whether every service is ready now
	 */
	void tick(boolean platformReady) {
		ServiceSpec spec = this.current;
		Run running = this.run;
		if (spec != null && running != null) {
			Optional<Boolean> outcome = running.outcome();
			if (outcome.isEmpty()) {
				return;
			}
			boolean written = outcome.get();
			this.caches.put(spec.name(), written ? Cache.TRAINED : Cache.FAILED);
			this.log.accept(spec.name() + (written ? ": AOT cache trained; its next start uses it"
					: ": the training run wrote no AOT cache; see " + spec.name() + "-training.log"));
			this.current = null;
			this.run = null;
		}
		if (!platformReady || this.queue.isEmpty()) {
			return;
		}
		ServiceSpec next = this.queue.poll();
		try {
			this.run = this.trainer.train(next);
			this.current = next;
			this.caches.put(next.name(), Cache.TRAINING);
			this.log.accept(next.name() + ": training run for its AOT cache (" + this.queue.size() + " more queued)");
		}
		catch (Exception ex) {
			this.caches.put(next.name(), Cache.FAILED);
			this.log.accept(next.name() + ": the training run could not start: " + ex.getMessage());
		}
	}

	/**
	 * @return what training did for the service, if anything
	 */
	Optional<Cache> cache(String name) {
		return Optional.ofNullable(this.caches.get(name));
	}

	boolean idle() {
		return this.run == null && this.queue.isEmpty();
	}

	/**
	 * Stops the running training run and forgets the queue: {@code ./platform down}
	 * leaves nothing running.
	 */
	void cancel() {
		Run running = this.run;
		if (running != null) {
			running.cancel();
			this.log.accept("Training run cancelled");
		}
		this.run = null;
		this.current = null;
		this.queue.clear();
	}

}
