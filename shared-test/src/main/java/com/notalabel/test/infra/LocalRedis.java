package com.notalabel.test.infra;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

/**
 * The Redis server named by the environment, shared with other runs: this run writes
 * under its own key prefix and deletes the keys under it when the JVM exits.
 */
final class LocalRedis {

	static final String KEY_NAMESPACE = "nal-test:";

	private LocalRedis() {
	}

	static RedisServer create(RunId runId) {
		String url = Objects.requireNonNullElse(System.getenv("NAL_TEST_REDIS_URL"), "redis://127.0.0.1:6379");
		RedisURI uri = RedisURI.create(url);
		if (!RedisPing.answers(uri.getHost(), uri.getPort())) {
			throw new IllegalStateException("No Redis answers PING at " + url
					+ " (a server without a password is expected). Start Redis, set NAL_TEST_REDIS_URL,"
					+ " or run with Docker (NAL_TEST_INFRA=docker).");
		}
		AtExit.run(() -> deleteQuietly(uri, runId));
		return new RedisServer(uri.getHost(), uri.getPort(), keyPrefix(runId));
	}

	static String keyPrefix(RunId runId) {
		return KEY_NAMESPACE + runId + ":";
	}

	/**
	 * Whether a key belongs to this run or to a run that was killed before it could clean
	 * up; keys of runs still going on are left alone.
	 * @param key a key in the test namespace
	 * @param current this run
	 * @param now the current time
	 * @return whether the key may be deleted
	 */
	static boolean isFinished(String key, RunId current, Instant now) {
		return RunId.parse(key.substring(KEY_NAMESPACE.length()))
			.filter((runId) -> runId.equals(current) || runId.isStale(now))
			.isPresent();
	}

	/**
	 * Deletes the keys in the test namespace that {@code doomed} accepts, a batch per
	 * SCAN step so that a large namespace is never loaded at once.
	 * @param uri the server
	 * @param doomed which keys to delete
	 * @return how many keys were deleted
	 */
	static long delete(RedisURI uri, Predicate<String> doomed) {
		RedisClient client = RedisClient.create(uri);
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			RedisCommands<String, String> redis = connection.sync();
			ScanArgs matching = ScanArgs.Builder.matches(KEY_NAMESPACE + "*").limit(1000);
			long deleted = 0;
			ScanCursor cursor = ScanCursor.INITIAL;
			do {
				KeyScanCursor<String> page = redis.scan(cursor, matching);
				List<String> keys = page.getKeys().stream().filter(doomed).toList();
				if (!keys.isEmpty()) {
					deleted += redis.unlink(keys.toArray(String[]::new));
				}
				cursor = page;
			}
			while (!cursor.isFinished());
			return deleted;
		}
		finally {
			client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
		}
	}

	private static void deleteQuietly(RedisURI uri, RunId runId) {
		try {
			Instant now = Instant.now();
			delete(uri, (key) -> isFinished(key, runId, now));
		}
		catch (RuntimeException ex) {
			// Logging may already be shut down; a later run deletes the keys once they are stale.
			System.err.println("Could not delete the test keys of run " + runId + ": " + ex.getMessage());
		}
	}

}
