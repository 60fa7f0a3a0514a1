package com.notalabel.user.password;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ExecutorServiceMetrics;

/**
 * Runs password hashes on a fixed number of platform threads, one per processor by
 * default, and makes the callers wait their turn within limits.
 *
 * <p>
 * The policy, first come first served:
 * <ul>
 * <li>at most {@code threads} hashes run at once (Argon2id is CPU-bound and holds 19 MiB
 * while it runs: more would only share the processors and the heap);</li>
 * <li>at most {@code maxQueued} hashes wait; one more is refused at once with
 * {@link HashingBusy} (503);</li>
 * <li>a hash that has not started within {@code maxWait} is withdrawn from the queue,
 * never runs, and its caller gets {@link HashingBusy}; one that has started always
 * finishes and its caller gets the result, since the work is already being paid for. The
 * wait counts from when the caller's client started waiting (its request's arrival), so
 * that a crowd slow to reach the queue is not kept waiting the whole time again in it:
 * the answer, whichever it is, comes within {@code maxWait} and one hash.</li>
 * </ul>
 * The caller's thread (a request's virtual thread) only parks while it waits: the hashes
 * run on platform threads of their own, so that they never occupy the few carrier threads
 * that every request, and every transaction waiting to commit, needs. Callers hold no
 * database connection while they wait (see {@link PasswordHasher}).
 */
final class HashingPool implements AutoCloseable {

	private final ThreadPoolExecutor executor;

	private final Duration maxWait;

	private final Counter queueFull;

	private final Counter waitedTooLong;

	/**
	 * @param threads hashes that run at once
	 * @param maxQueued hashes that may wait for a thread
	 * @param maxWait how long a hash may wait for a thread
	 * @param meters where the pool's figures go ({@code executor.*} tagged
	 * {@code name=password-hashing}, and {@code nal.passwords.hashing.refused} by reason)
	 */
	HashingPool(int threads, int maxQueued, Duration maxWait, MeterRegistry meters) {
		this.executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
				new ArrayBlockingQueue<>(maxQueued),
				Thread.ofPlatform().name("nal-password-hashing-", 1).daemon(true).factory(),
				new ThreadPoolExecutor.AbortPolicy());
		this.executor.prestartAllCoreThreads();
		this.maxWait = maxWait;
		ExecutorServiceMetrics.monitor(meters, this.executor, "password-hashing");
		this.queueFull = refused(meters, "queue-full");
		this.waitedTooLong = refused(meters, "waited-too-long");
	}

	/**
	 * Runs a hash on one of the pool's threads and waits for its result.
	 * @param <T> the result's type
	 * @param work the hash
	 * @param waitingSince {@link System#nanoTime()} when the caller's client started
	 * waiting; the hash must start within the pool's maximum wait from then
	 * @return its result
	 * @throws HashingBusy if the queue is full or no thread took the hash in time
	 */
	<T> T run(Supplier<T> work, long waitingSince) {
		long deadline = waitingSince + this.maxWait.toNanos();
		if (deadline - System.nanoTime() <= 0) {
			this.waitedTooLong.increment();
			throw new HashingBusy(this.maxWait);
		}
		Task<T> task = new Task<>(work);
		try {
			this.executor.execute(task);
		}
		catch (RejectedExecutionException ex) {
			this.queueFull.increment();
			throw new HashingBusy(this.maxWait);
		}
		return task.await(deadline);
	}

	/**
	 * Runs a hash for a caller that starts waiting now.
	 * @param <T> the result's type
	 * @param work the hash
	 * @return its result
	 * @throws HashingBusy if the queue is full or no thread took the hash in time
	 */
	<T> T run(Supplier<T> work) {
		return run(work, System.nanoTime());
	}

	/**
	 * @return hashes waiting for a thread
	 */
	int queued() {
		return this.executor.getQueue().size();
	}

	@Override
	public void close() {
		this.executor.shutdownNow();
	}

	private static Counter refused(MeterRegistry meters, String reason) {
		return Counter.builder("nal.passwords.hashing.refused")
			.description("Password hashes refused because the hashing threads were busy")
			.tag("reason", reason)
			.register(meters);
	}

	/**
	 * A hash that either a pool thread claims (and runs) or its waiting caller claims
	 * (and withdraws), never both.
	 */
	private final class Task<T> implements Runnable {

		private final Supplier<T> work;

		private final AtomicBoolean claimed = new AtomicBoolean();

		private final CompletableFuture<T> result = new CompletableFuture<>();

		Task(Supplier<T> work) {
			this.work = work;
		}

		@Override
		public void run() {
			if (!this.claimed.compareAndSet(false, true)) {
				return;
			}
			try {
				this.result.complete(this.work.get());
			}
			catch (Throwable ex) {
				this.result.completeExceptionally(ex);
			}
		}

		T await(long deadline) {
			try {
				return this.result.get(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
			}
			catch (TimeoutException ex) {
				return withdrawOrFinish(false);
			}
			catch (InterruptedException ex) {
				return withdrawOrFinish(true);
			}
			catch (ExecutionException ex) {
				throw rethrown(ex);
			}
		}

		private T withdrawOrFinish(boolean interrupted) {
			if (this.claimed.compareAndSet(false, true)) {
				HashingPool.this.executor.remove(this);
				if (interrupted) {
					Thread.currentThread().interrupt();
				}
				HashingPool.this.waitedTooLong.increment();
				throw new HashingBusy(HashingPool.this.maxWait);
			}
			// A thread took it in time: it finishes within one hash.
			try {
				return this.result.join();
			}
			catch (CompletionException ex) {
				throw rethrown(ex);
			}
			finally {
				if (interrupted) {
					Thread.currentThread().interrupt();
				}
			}
		}

		private static RuntimeException rethrown(Exception ex) {
			Throwable cause = ex.getCause();
			if (cause instanceof RuntimeException runtime) {
				return runtime;
			}
			if (cause instanceof Error error) {
				throw error;
			}
			return new IllegalStateException("A password hash failed", cause);
		}

	}

}
