package com.notalabel.user.password;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The hashing pool's policy, with hashes that block until the test lets them finish: how
 * many run at once, which wait, which are refused, and what their callers get.
 */
class HashingPoolTests {

	private static final Duration LONG = Duration.ofMinutes(5);

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor();

	private final CountDownLatch release = new CountDownLatch(1);

	private final List<HashingPool> pools = new ArrayList<>();

	private final AtomicInteger started = new AtomicInteger();

	@AfterEach
	void finish() {
		this.release.countDown();
		this.callers.close();
		this.pools.forEach(HashingPool::close);
	}

	@Test
	void runsNoMoreHashesAtOnceThanItHasThreadsAndLetsTheOthersWaitTheirTurn() throws Exception {
		HashingPool pool = pool(2, 10, LONG);
		AtomicInteger running = new AtomicInteger();
		AtomicInteger mostAtOnce = new AtomicInteger();
		List<Future<Integer>> results = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			int hash = i;
			results.add(this.callers.submit(() -> pool.run(() -> {
				mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
				awaitRelease();
				running.decrementAndGet();
				return hash;
			})));
		}
		await().until(() -> running.get() == 2 && pool.queued() == 4);

		this.release.countDown();

		for (int i = 0; i < 6; i++) {
			assertThat(results.get(i).get()).isEqualTo(i);
		}
		assertThat(mostAtOnce).hasValue(2);
	}

	@Test
	void refusesAHashAtOnceWhenTheQueueIsFull() throws Exception {
		HashingPool pool = pool(1, 1, LONG);
		Future<String> running = this.callers.submit(() -> pool.run(this::blocked));
		await().until(() -> this.started.get() == 1);
		Future<String> waiting = this.callers.submit(() -> pool.run(() -> "waited"));
		await().until(() -> pool.queued() == 1);

		assertThatExceptionOfType(HashingBusy.class).isThrownBy(() -> pool.run(() -> "refused"))
			.satisfies(this::isServiceUnavailableWithRetryAfter);

		this.release.countDown();
		assertThat(running.get()).isEqualTo("blocked");
		assertThat(waiting.get()).isEqualTo("waited");
		assertThat(refused("queue-full")).isEqualTo(1);
	}

	@Test
	void withdrawsAHashThatNoThreadTookInTimeSoThatItNeverRuns() throws Exception {
		HashingPool pool = pool(1, 10, Duration.ofMillis(100));
		// The first caller's client arrived "later", so that a slow start of the pool's thread
		// on a loaded machine cannot withdraw it: only the second hash may run out of time.
		long farOff = System.nanoTime() + LONG.toNanos();
		Future<String> running = this.callers.submit(() -> pool.run(this::blocked, farOff));
		await().until(() -> this.started.get() == 1);
		AtomicBoolean ran = new AtomicBoolean();

		assertThatExceptionOfType(HashingBusy.class).isThrownBy(() -> pool.run(() -> ran.getAndSet(true)))
			.satisfies(this::isServiceUnavailableWithRetryAfter);

		assertThat(pool.queued()).isZero();
		this.release.countDown();
		assertThat(running.get()).isEqualTo("blocked");
		// First come first served: once a later hash has run, the withdrawn one would have too.
		assertThat(pool.run(() -> "next")).isEqualTo("next");
		assertThat(ran).isFalse();
		assertThat(refused("waited-too-long")).isEqualTo(1);
	}

	@Test
	void refusesAtOnceAHashWhoseClientHasWaitedTheWholeTimeAlready() {
		HashingPool pool = pool(1, 10, Duration.ofMinutes(1));
		AtomicBoolean ran = new AtomicBoolean();
		long requestArrived = System.nanoTime() - Duration.ofMinutes(2).toNanos();

		assertThatExceptionOfType(HashingBusy.class)
			.isThrownBy(() -> pool.run(() -> ran.getAndSet(true), requestArrived))
			.satisfies(this::isServiceUnavailableWithRetryAfter);

		assertThat(pool.run(() -> "next")).isEqualTo("next");
		assertThat(ran).isFalse();
		assertThat(refused("waited-too-long")).isEqualTo(1);
	}

	@Test
	void givesTheCallerTheResultOfAHashThatStartedInTimeButFinishedLate() throws Exception {
		// Time enough for an idle thread to take the hash; the hash then outlasts it.
		HashingPool pool = pool(1, 10, Duration.ofSeconds(2));
		AtomicReference<Thread> caller = new AtomicReference<>();
		Future<String> result = this.callers.submit(() -> {
			caller.set(Thread.currentThread());
			return pool.run(this::blocked);
		});
		await().until(() -> this.started.get() == 1);
		// Past its deadline the caller stops waiting with a timeout and waits for the result.
		await().until(() -> caller.get().getState() == Thread.State.WAITING);

		this.release.countDown();

		assertThat(result.get()).isEqualTo("blocked");
		assertThat(refused("waited-too-long")).isZero();
	}

	@Test
	void passesTheHashsOwnFailureOnToItsCaller() {
		HashingPool pool = pool(1, 10, LONG);

		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> pool.run(() -> {
			throw new IllegalArgumentException("Invalid hash");
		})).withMessage("Invalid hash");
	}

	@Test
	void runsHashesOnPlatformThreadsOfItsOwn() {
		HashingPool pool = pool(1, 10, LONG);

		Thread hashing = pool.run(Thread::currentThread);

		assertThat(hashing.isVirtual()).isFalse();
		assertThat(hashing.getName()).startsWith("nal-password-hashing-");
	}

	private String blocked() {
		this.started.incrementAndGet();
		awaitRelease();
		return "blocked";
	}

	private void awaitRelease() {
		try {
			this.release.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private void isServiceUnavailableWithRetryAfter(HashingBusy busy) {
		assertThat(busy.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(busy.code()).isEqualTo("server.busy");
		assertThat(busy.headers()).containsKey("Retry-After");
	}

	private double refused(String reason) {
		return this.meters.get("nal.passwords.hashing.refused").tag("reason", reason).counter().count();
	}

	private HashingPool pool(int threads, int maxQueued, Duration maxWait) {
		HashingPool pool = new HashingPool(threads, maxQueued, maxWait, this.meters);
		this.pools.add(pool);
		return pool;
	}

}
