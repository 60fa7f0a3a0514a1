package com.notalabel.gateway.ratelimit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.context.SmartLifecycle;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.util.StreamUtils;

import com.notalabel.types.redis.RedisKeys;

/**
 * Token buckets in Redis, shared by every gateway instance, in two modes.
 * <ul>
 * <li>{@link #acquire} decides in memory and reports consumption to Redis every
 * {@code sync-interval}, adopting the shared count in return: ordinary traffic pays no
 * Redis round trip, and the instances together can overspend by at most what one interval
 * lets through.</li>
 * <li>{@link #acquireExactly} decides in Redis on every request, for the few endpoints
 * where a burst across instances matters (sign-in, registration, refresh, password reset)
 * and a round trip is nothing next to the work behind them.</li>
 * </ul>
 * A synchronisation reports every bucket spent since the last one in a few script calls
 * ({@value #REPORT_BATCH} buckets each), not one per bucket: under a crowd of addresses
 * (the play beacon) nearly every request touches a bucket of its own. When Redis cannot
 * answer (within {@code redis-timeout}), both decide on this instance's own bucket, which
 * keeps limiting (per instance) until Redis is back; then what was spent meanwhile is
 * reported.
 */
public final class RateLimiter implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);

	// The scripts' text, not their resources: a script made from a resource checks the
	// resource's modification time (a jar URL resolved and opened) at every call.
	private static final RedisScript<List> SCRIPT = RedisScript.of(script("token-bucket.lua"), List.class);

	private static final RedisScript<List> REPORT = RedisScript.of(script("token-buckets-report.lua"), List.class);

	private static final int REPORT_BATCH = 128;

	private static final int REPORTS_IN_FLIGHT = 8;

	private final ReactiveStringRedisTemplate redis;

	private final RedisKeys keys;

	private final Duration redisTimeout;

	private final Duration syncInterval;

	private final Cache<String, TokenBucket> buckets;

	private final Queue<TokenBucket> toReport = new ConcurrentLinkedQueue<>();

	private final Counter redisFailures;

	private volatile @Nullable Disposable synchronisation;

	public RateLimiter(ReactiveStringRedisTemplate redis, RedisKeys keys, Duration redisTimeout, Duration syncInterval,
			long maxTrackedSubjects, MeterRegistry meters) {
		this.redis = redis;
		this.keys = keys;
		this.redisTimeout = redisTimeout;
		this.syncInterval = syncInterval;
		// A bucket untouched for a whole period is full again, so forgetting it changes
		// nothing, once its last consumption has been reported.
		long reportSlack = syncInterval.multipliedBy(4).toNanos();
		this.buckets = Caffeine.newBuilder()
			.maximumSize(maxTrackedSubjects)
			.expireAfter(Expiry.<String, TokenBucket>accessing(
					(key, bucket) -> Duration.ofNanos(bucket.policy().period().toNanos() + reportSlack)))
			.build();
		this.redisFailures = Counter.builder("nal.gateway.rate_limit.redis_failures")
			.description("Rate-limit decisions and reports that Redis could not serve; the instance's own buckets"
					+ " decided instead")
			.register(meters);
	}

	/**
	 * Takes a token from the subject's bucket, deciding in memory.
	 * @param policy the bucket family
	 * @param subject whose bucket, such as {@code user:<id>} or {@code address:<ip>}
	 * @return the decision
	 */
	public RateLimitDecision acquire(RateLimitPolicy policy, String subject) {
		return bucket(policy, subject).take(System.nanoTime(), this.toReport);
	}

	/**
	 * Takes a token from the subject's shared bucket in Redis, or from this instance's
	 * copy of it when Redis does not answer in time.
	 * @param policy the bucket family
	 * @param subject whose bucket
	 * @return the decision
	 */
	public Mono<RateLimitDecision> acquireExactly(RateLimitPolicy policy, String subject) {
		TokenBucket bucket = bucket(policy, subject);
		return run(bucket).map((result) -> {
			long now = System.nanoTime();
			bucket.adopt(result.tokens(), now);
			return bucket.peek(now, result.taken());
		}).onErrorResume((ex) -> {
			this.redisFailures.increment();
			log.debug("Redis could not decide on {}; deciding locally: {}", bucket.redisKey(), ex.toString());
			return Mono.just(bucket.take(System.nanoTime(), this.toReport));
		});
	}

	private TokenBucket bucket(RateLimitPolicy policy, String subject) {
		String key = this.keys.key("rate-limit", policy.name(), subject);
		return this.buckets.get(key, (redisKey) -> new TokenBucket(policy, redisKey, System.nanoTime()));
	}

	private Mono<ScriptResult> run(TokenBucket bucket) {
		RateLimitPolicy policy = bucket.policy();
		List<String> arguments = List.of(Long.toString(policy.limit()), Double.toString(policy.tokensPerMillisecond()),
				"1", "0", timeToLive(policy));
		return this.redis.execute(SCRIPT, List.of(bucket.redisKey()), arguments)
			.next()
			.map(ScriptResult::of)
			.timeout(this.redisTimeout);
	}

	/**
	 * Reports what the buckets spent locally and adopts what Redis counts for each.
	 */
	private Mono<Void> report(List<Spent> batch) {
		List<String> keys = new ArrayList<>(batch.size());
		List<String> arguments = new ArrayList<>(batch.size() * 4);
		for (Spent spent : batch) {
			RateLimitPolicy policy = spent.bucket().policy();
			keys.add(spent.bucket().redisKey());
			arguments.add(Long.toString(policy.limit()));
			arguments.add(Double.toString(policy.tokensPerMillisecond()));
			arguments.add(Long.toString(spent.taken()));
			arguments.add(timeToLive(policy));
		}
		return this.redis.execute(REPORT, keys, arguments).next().timeout(this.redisTimeout).doOnNext((left) -> {
			long now = System.nanoTime();
			for (int i = 0; i < batch.size(); i++) {
				batch.get(i).bucket().adopt(Double.parseDouble(String.valueOf(left.get(i))), now);
			}
		}).onErrorResume((ex) -> {
			this.redisFailures.increment();
			log.debug("Redis could not take a report of {} buckets: {}", batch.size(), ex.toString());
			for (Spent spent : batch) {
				spent.bucket().reportFailed(spent.taken(), this.toReport);
			}
			return Mono.empty();
		}).then();
	}

	private static String timeToLive(RateLimitPolicy policy) {
		// Duration.multipliedBy goes through BigDecimal.
		return Long.toString(policy.period().toMillis() * 2 + 1000);
	}

	/**
	 * Reports what every bucket spent since its last report and adopts the shared counts.
	 * @return completes when every report has been answered or has failed
	 */
	Mono<Void> report() {
		List<List<Spent>> batches = new ArrayList<>();
		List<Spent> batch = new ArrayList<>();
		for (TokenBucket bucket = this.toReport.poll(); bucket != null; bucket = this.toReport.poll()) {
			long taken = bucket.drainUnreported();
			if (taken == 0) {
				continue;
			}
			batch.add(new Spent(bucket, taken));
			if (batch.size() == REPORT_BATCH) {
				batches.add(batch);
				batch = new ArrayList<>();
			}
		}
		if (!batch.isEmpty()) {
			batches.add(batch);
		}
		return Flux.fromIterable(batches).flatMap(this::report, REPORTS_IN_FLIGHT).then();
	}

	@Override
	public void start() {
		this.synchronisation = Flux.interval(this.syncInterval)
			.onBackpressureDrop()
			.concatMap((tick) -> report(), 1)
			.subscribe(null, (ex) -> log.error("Rate-limit synchronisation stopped", ex));
	}

	@Override
	public void stop() {
		Disposable running = this.synchronisation;
		if (running != null) {
			running.dispose();
			this.synchronisation = null;
		}
		// Whatever was spent since the last report still counts for the other instances.
		report().block(this.redisTimeout.multipliedBy(4));
	}

	@Override
	public boolean isRunning() {
		return this.synchronisation != null;
	}

	long trackedBuckets() {
		this.buckets.cleanUp();
		return this.buckets.estimatedSize();
	}

	private static String script(String name) {
		try (InputStream text = new ClassPathResource("com/notalabel/gateway/ratelimit/" + name).getInputStream()) {
			return StreamUtils.copyToString(text, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private record Spent(TokenBucket bucket, long taken) {

	}

	private record ScriptResult(boolean taken, double tokens) {

		static ScriptResult of(List<?> reply) {
			return new ScriptResult(((Number) reply.get(0)).longValue() == 1,
					Double.parseDouble(String.valueOf(reply.get(1))));
		}

	}

}
