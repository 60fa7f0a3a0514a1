package com.notalabel.user.throttle;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.notalabel.user.UserServiceIntegrationTest;
import com.notalabel.user.testing.UserServiceApi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The throttle's counters under concurrency, against the real PostgreSQL: parallel
 * attempts on one key are each counted once, and attempts racing a success that clears
 * the key (eight sign-ins to one account at once) never fail.
 */
@UserServiceIntegrationTest
class ThrottleIntegrationTests {

	/** Enough free attempts that no wait interferes with counting. */
	private static final ThrottlePolicy GENEROUS = new ThrottlePolicy(10_000, Duration.ofSeconds(1),
			Duration.ofMinutes(15), Duration.ofDays(1));

	private final Throttle throttle;

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	ThrottleIntegrationTests(@Autowired Throttle throttle, @Autowired UserServiceApi api,
			@Autowired PlatformTransactionManager transactions) {
		this.throttle = throttle;
		this.jdbc = api.jdbc();
		this.transaction = new TransactionTemplate(transactions);
	}

	@Test
	void countsEveryOneOfManyParallelAttemptsOnANewKeyExactlyOnce() throws Exception {
		ThrottleKey key = newKey("parallel");

		List<Throwable> failures = inParallel(40, (i) -> () -> this.throttle.attempt(key));

		assertThat(failures).isEmpty();
		assertThat(attempts(key)).isEqualTo(40);
	}

	@Test
	void neverFailsAnAttemptThatRacesASuccessClearingItsKey() throws Exception {
		// Eight sign-ins to one account at once: each counts against the account and the
		// address, and each success clears the account's row while others wait to lock it.
		ThrottleKey account = newKey("account");
		ThrottleKey address = newKey("address");

		List<Throwable> failures = inParallel(64, (i) -> (i % 2 == 0)
				? () -> this.throttle.attempt(List.of(account, address)) : () -> this.throttle.clear(account));

		assertThat(failures).isEmpty();
		assertThat(attempts(address)).isEqualTo(32);
		assertThat(attempts(account)).isBetween(0, 32);
	}

	@Test
	void takesBackForgivenAttemptsExactlyWhileOthersAreCounted() throws Exception {
		ThrottleKey key = newKey("forgiven");
		for (int i = 0; i < 20; i++) {
			this.throttle.attempt(key);
		}

		List<Throwable> failures = inParallel(40,
				(i) -> (i % 2 == 0) ? () -> this.throttle.attempt(key) : () -> this.throttle.forgive(key));

		assertThat(failures).isEmpty();
		assertThat(attempts(key)).isEqualTo(20);
	}

	@Test
	void forgivesAnAttemptOnEveryKeyItWasCountedAgainst() {
		ThrottleKey account = newKey("account");
		ThrottleKey address = newKey("address");
		this.throttle.attempt(address);
		this.throttle.attempt(List.of(account, address));

		this.throttle.forgive(List.of(address, account));

		assertThat(attempts(account)).isZero();
		assertThat(attempts(address)).isEqualTo(1);
	}

	@Test
	void countsNothingAgainstAnyKeyWhileOneOfThemMakesTheCallerWait() {
		ThrottleKey blocked = new ThrottleKey("test:blocked:" + UUID.randomUUID(),
				new ThrottlePolicy(1, Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofDays(1)));
		ThrottleKey fresh = newKey("fresh");
		this.throttle.attempt(blocked);

		assertThatExceptionOfType(TooManyAttempts.class)
			.isThrownBy(() -> this.throttle.attempt(List.of(blocked, fresh)))
			.satisfies((refused) -> assertThat(refused.retryAfterSeconds()).isEqualTo(60));

		assertThat(attempts(blocked)).isEqualTo(1);
		assertThat(this.jdbc.sql("select count(*) from users.throttle where key = ?")
			.param(fresh.name())
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void makesTheWaitOfTheKeysPolicyAsItIsNowNotAsItWasWhenCounted() {
		String name = "test:retuned:" + UUID.randomUUID();
		ThrottlePolicy strict = new ThrottlePolicy(1, Duration.ofMinutes(10), Duration.ofMinutes(10),
				Duration.ofDays(1));
		ThrottlePolicy raised = new ThrottlePolicy(5, Duration.ofMinutes(10), Duration.ofMinutes(10),
				Duration.ofDays(1));
		this.throttle.attempt(new ThrottleKey(name, strict));
		assertThatExceptionOfType(TooManyAttempts.class)
			.isThrownBy(() -> this.throttle.attempt(new ThrottleKey(name, strict)));

		// An operator raised the limit: the address it held may go on at once.
		this.throttle.attempt(new ThrottleKey(name, raised));

		assertThat(attempts(new ThrottleKey(name, raised))).isEqualTo(2);
		// Lowered again: the attempts already counted make the caller wait.
		assertThatExceptionOfType(TooManyAttempts.class)
			.isThrownBy(() -> this.throttle.attempt(new ThrottleKey(name, strict)))
			.satisfies((refused) -> assertThat(refused.retryAfterSeconds()).isBetween(590L, 600L));
	}

	@Test
	void refusesToCountAnAttemptInsideTheCallersTransaction() {
		ThrottleKey key = newKey("inside");

		assertThatIllegalStateException()
			.isThrownBy(() -> this.transaction.executeWithoutResult((status) -> this.throttle.attempt(key)));
	}

	private static ThrottleKey newKey(String name) {
		return new ThrottleKey("test:" + name + ":" + UUID.randomUUID(), GENEROUS);
	}

	private int attempts(ThrottleKey key) {
		return this.jdbc.sql("select coalesce(max(attempts), 0) from users.throttle where key = ?")
			.param(key.name())
			.query(Integer.class)
			.single();
	}

	/**
	 * Runs the actions on threads of their own, all let go at the same moment.
	 * @return what they threw
	 */
	private static List<Throwable> inParallel(int count, IntFunction<Runnable> actions) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		List<Future<?>> done = new ArrayList<>();
		try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 0; i < count; i++) {
				Runnable action = actions.apply(i);
				done.add(threads.submit((Callable<Void>) () -> {
					start.await();
					action.run();
					return null;
				}));
			}
			start.countDown();
		}
		List<Throwable> failures = new ArrayList<>();
		for (Future<?> future : done) {
			if (future.state() == Future.State.FAILED) {
				failures.add(future.exceptionNow());
			}
		}
		return failures;
	}

}
