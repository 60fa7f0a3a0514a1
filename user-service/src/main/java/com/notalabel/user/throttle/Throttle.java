package com.notalabel.user.throttle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts attempts per key in PostgreSQL, so that the limits hold across instances and
 * while Redis is down.
 *
 * <p>
 * An attempt is counted before it is evaluated, in its own short transaction that locks
 * the keys' rows: a thousand parallel guesses are counted one by one and meet the delay
 * like sequential ones would, and nothing is held while a password is hashed. The rows
 * are locked with an upsert, which PostgreSQL makes atomic: a row that another
 * transaction inserts, or deletes (a success clearing its key), meanwhile is never
 * missed. Callers give back what a successful attempt should not have cost
 * ({@link #forgive}, {@link #clear}), in their own transaction if they have one: the
 * throttle never takes a second connection while its caller holds one. An attempt refused
 * by a wait is not counted, so that waiting out a lock is enough to try again.
 */
@Component
public class Throttle {

	private static final Logger log = LoggerFactory.getLogger(Throttle.class);

	/** The longest window any policy uses; rows older than this are forgotten. */
	static final Duration LONGEST_WINDOW = Duration.ofDays(1);

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final Clock clock;

	Throttle(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/**
	 * Counts one attempt against every key, or against none if any of them still makes
	 * the caller wait.
	 * @param keys what the attempt counts against
	 * @throws TooManyAttempts with the longest remaining wait
	 * @throws IllegalStateException if called inside a transaction: the count must be
	 * committed before the attempt is evaluated, and that transaction's connection would
	 * be held meanwhile
	 */
	public void attempt(List<ThrottleKey> keys) {
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("An attempt is counted in a transaction of its own, outside any other");
		}
		Instant now = this.clock.instant();
		Duration wait = this.transaction.execute((status) -> {
			Map<String, Counter> counters = lock(keys, now);
			Duration longest = Duration.ZERO;
			for (ThrottleKey key : keys) {
				Instant blockedUntil = blockedUntil(key.policy(), counters.get(key.name()), now);
				if (blockedUntil != null && blockedUntil.isAfter(now)) {
					Duration remaining = Duration.between(now, blockedUntil);
					longest = (remaining.compareTo(longest) > 0) ? remaining : longest;
				}
			}
			if (!longest.isZero()) {
				// Nothing is counted, not even the rows the lock just created.
				status.setRollbackOnly();
				return longest;
			}
			for (ThrottleKey key : keys) {
				Counter counter = counters.get(key.name());
				boolean forgotten = counter.lastAttemptAt().isBefore(now.minus(key.policy().window()));
				int attempts = forgotten ? 1 : counter.attempts() + 1;
				store(key.name(), attempts, now, blockedUntil(key.policy(), attempts, now));
			}
			return Duration.ZERO;
		});
		if (wait != null && !wait.isZero()) {
			log.atWarn()
				.addKeyValue("event.action", "throttled")
				.addKeyValue("throttle.keys", keys.stream().map(ThrottleKey::name).toList())
				.addKeyValue("retryAfterSeconds", wait.toSeconds())
				.log("Attempt refused until the throttle's wait is over");
			throw new TooManyAttempts(wait);
		}
	}

	public void attempt(ThrottleKey key) {
		attempt(List.of(key));
	}

	/**
	 * Takes back one counted attempt, for a key that a success should not reset (an
	 * address shared by many people), in the caller's transaction if there is one.
	 * @param key the key
	 */
	public void forgive(ThrottleKey key) {
		forgive(List.of(key));
	}

	/**
	 * Takes back one counted attempt from each key, for an attempt that was counted but
	 * never evaluated (the service was too busy to check the password), in the caller's
	 * transaction if there is one.
	 * @param keys the keys
	 */
	public void forgive(List<ThrottleKey> keys) {
		this.transaction.executeWithoutResult((status) -> {
			// Sorted like attempt() locks them, so that the two cannot deadlock.
			for (ThrottleKey key : keys.stream().distinct().sorted(Comparator.comparing(ThrottleKey::name)).toList()) {
				Counter counter = this.jdbc
					.sql("select key, attempts, last_attempt_at from throttle where key = ? for update")
					.param(key.name())
					.query(Throttle::counter)
					.optional()
					.orElse(null);
				if (counter == null || counter.attempts() == 0) {
					continue;
				}
				int attempts = counter.attempts() - 1;
				store(key.name(), attempts, counter.lastAttemptAt(),
						blockedUntil(key.policy(), attempts, counter.lastAttemptAt()));
			}
		});
	}

	/**
	 * Forgets every attempt against a key, after a success that proves the attempts were
	 * the owner's (the right password, a password reset), in the caller's transaction if
	 * there is one.
	 * @param key the key
	 */
	public void clear(ThrottleKey key) {
		this.jdbc.sql("delete from throttle where key = ?").param(key.name()).update();
	}

	/**
	 * Deletes counters that no policy would look at any more.
	 * @return how many were deleted
	 */
	@Scheduled(fixedDelayString = "${nal.sessions.cleanup-interval:1h}", initialDelayString = "1m")
	public int forgetStale() {
		Instant now = this.clock.instant();
		return this.jdbc
			.sql("delete from throttle where last_attempt_at < ? and (blocked_until is null or blocked_until < ?)")
			.params(Timestamp.from(now.minus(LONGEST_WINDOW)), Timestamp.from(now))
			.update();
	}

	/**
	 * Locks the keys' rows, creating the missing ones with no attempts, and reads them.
	 * {@code on conflict do update} locks the row whether this statement or another
	 * transaction inserted it, and inserts after all if the row it conflicted with was
	 * deleted meanwhile: every key comes back, locked.
	 */
	private Map<String, Counter> lock(List<ThrottleKey> keys, Instant now) {
		// Sorted, so that two attempts locking the same keys cannot deadlock.
		List<String> names = keys.stream().map(ThrottleKey::name).distinct().sorted(Comparator.naturalOrder()).toList();
		Map<String, Counter> counters = new HashMap<>();
		for (String name : names) {
			Counter counter = this.jdbc
				.sql("insert into throttle as t (key, attempts, last_attempt_at) values (?, 0, ?)"
						+ " on conflict (key) do update set attempts = t.attempts"
						+ " returning key, attempts, last_attempt_at")
				.params(name, Timestamp.from(now))
				.query(Throttle::counter)
				.single();
			counters.put(name, counter);
		}
		return counters;
	}

	private void store(String name, int attempts, Instant lastAttemptAt, @Nullable Instant blockedUntil) {
		this.jdbc.sql("update throttle set attempts = ?, last_attempt_at = ?, blocked_until = ? where key = ?")
			.params(attempts, Timestamp.from(lastAttemptAt),
					(blockedUntil != null) ? Timestamp.from(blockedUntil) : null, name)
			.update();
	}

	/**
	 * The wait a stored counter makes under the key's policy as it is now, not as it was
	 * when the counter was stored: an operator who raises a limit frees the addresses it
	 * held at once, and one who lowers it is obeyed at once.
	 */
	private static @Nullable Instant blockedUntil(ThrottlePolicy policy, Counter counter, Instant now) {
		if (counter.lastAttemptAt().isBefore(now.minus(policy.window()))) {
			return null;
		}
		return blockedUntil(policy, counter.attempts(), counter.lastAttemptAt());
	}

	private static @Nullable Instant blockedUntil(ThrottlePolicy policy, int attempts, Instant from) {
		Duration delay = policy.delayAfter(attempts);
		return delay.isZero() ? null : from.plus(delay);
	}

	private static Counter counter(ResultSet rs, int row) throws SQLException {
		return new Counter(rs.getString(1), rs.getInt(2), rs.getTimestamp(3).toInstant());
	}

	/**
	 * A stored counter. Its row also keeps when the wait it made at its last attempt
	 * ends, so that {@link #forgetStale} keeps a row while that wait lasts.
	 */
	private record Counter(String key, int attempts, Instant lastAttemptAt) {

	}

}
