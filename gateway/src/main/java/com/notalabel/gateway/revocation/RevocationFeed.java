package com.notalabel.gateway.revocation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.lettuce.core.event.connection.ConnectionActivatedEvent;
import io.lettuce.core.resource.ClientResources;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.SmartLifecycle;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations.TypedTuple;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;

import com.notalabel.types.id.SessionId;
import com.notalabel.types.redis.RedisKeys;
import com.notalabel.types.session.SessionRevocationNotice;

/**
 * Keeps {@link RevokedSessions} current: subscribes to user-service's revocation channel
 * and, once the subscription stands, loads the sorted set of revoked sessions, so that a
 * revocation published in between is seen either way. Pub/sub loses what is published
 * while a connection is down, so the set is loaded again whenever a Redis connection
 * comes back, and every {@code resync-interval} as a last resort.
 */
final class RevocationFeed implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(RevocationFeed.class);

	private final ReactiveRedisConnectionFactory connections;

	private final ReactiveStringRedisTemplate redis;

	private final RedisKeys keys;

	private final JsonMapper json;

	private final ClientResources clientResources;

	private final RevokedSessions revoked;

	private final Clock clock;

	private final Duration resyncInterval;

	private final List<Disposable> running = new ArrayList<>();

	private @Nullable ReactiveRedisMessageListenerContainer listeners;

	RevocationFeed(ReactiveRedisConnectionFactory connections, ReactiveStringRedisTemplate redis, RedisKeys keys,
			JsonMapper json, ClientResources clientResources, RevokedSessions revoked, Clock clock,
			Duration resyncInterval) {
		this.connections = connections;
		this.redis = redis;
		this.keys = keys;
		this.json = json;
		this.clientResources = clientResources;
		this.revoked = revoked;
		this.clock = clock;
		this.resyncInterval = resyncInterval;
	}

	/**
	 * Subscribes through a listener container of its own, made for each attempt and
	 * destroyed in {@link #stop()}: a container holds one connection, which does not
	 * outlive Redis being unreachable at start-up or the connection factory being
	 * stopped, so the feed survives both and being stopped and started again.
	 */
	@Override
	public synchronized void start() {
		ChannelTopic channel = ChannelTopic.of(channelName());
		this.running.add(Mono.defer(() -> newListenerContainer().receiveLater(channel))
			.flatMapMany((messages) -> Flux.merge(messages.doOnNext((message) -> onNotice(message.getMessage())).then(),
					load()))
			.retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(250)).maxBackoff(Duration.ofSeconds(5)))
			.subscribe(null, (ex) -> log.error("Stopped following session revocations", ex)));
		this.running.add(this.clientResources.eventBus()
			.get()
			.filter(ConnectionActivatedEvent.class::isInstance)
			.onBackpressureLatest()
			.concatMap((event) -> loadQuietly(), 1)
			.subscribe());
		this.running.add(Flux.interval(this.resyncInterval).onBackpressureDrop().concatMap((tick) -> {
			this.revoked.forgetExpired();
			return loadQuietly();
		}, 1).subscribe());
	}

	@Override
	public synchronized void stop() {
		this.running.forEach(Disposable::dispose);
		this.running.clear();
		replaceListenerContainer(null);
	}

	/**
	 * A container for each attempt to subscribe: one whose connection broke is not
	 * reused.
	 */
	private ReactiveRedisMessageListenerContainer newListenerContainer() {
		ReactiveRedisMessageListenerContainer container = new ReactiveRedisMessageListenerContainer(this.connections);
		replaceListenerContainer(container);
		return container;
	}

	private synchronized void replaceListenerContainer(@Nullable ReactiveRedisMessageListenerContainer container) {
		ReactiveRedisMessageListenerContainer previous = this.listeners;
		this.listeners = container;
		if (previous != null) {
			previous.destroyLater()
				.subscribe(null, (ex) -> log.debug("Closing a listener container failed: {}", ex.toString()));
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return !this.running.isEmpty();
	}

	/**
	 * Loads every session whose tokens have not expired yet.
	 */
	Mono<Void> load() {
		double now = this.clock.millis();
		return this.redis.opsForZSet()
			.rangeByScoreWithScores(this.keys.revokedSessions(), Range.rightUnbounded(Range.Bound.exclusive(now)))
			.doOnNext(this::onEntry)
			.then(Mono.fromRunnable(() -> {
				if (!this.revoked.isLoaded()) {
					log.info("Loaded {} revoked sessions; following {}", this.revoked.size(), channelName());
				}
				this.revoked.markLoaded();
			}));
	}

	private String channelName() {
		return this.keys.channel(SessionRevocationNotice.CHANNEL);
	}

	private Mono<Void> loadQuietly() {
		return load().onErrorResume((ex) -> {
			log.debug("Could not load the revoked sessions now: {}", ex.toString());
			return Mono.empty();
		});
	}

	private void onEntry(TypedTuple<String> entry) {
		SessionId session = sessionOrNull(entry.getValue());
		Double score = entry.getScore();
		if (session != null && score != null) {
			this.revoked.revoke(session, Instant.ofEpochMilli(score.longValue()));
		}
	}

	private void onNotice(String message) {
		try {
			SessionRevocationNotice notice = this.json.readValue(message, SessionRevocationNotice.class);
			this.revoked.revoke(notice.sessionId(), notice.tokensExpireAt());
		}
		catch (JacksonException | IllegalArgumentException | NullPointerException ex) {
			log.warn("Dropped a session revocation notice that does not read as one: {}", ex.getMessage());
		}
	}

	private static @Nullable SessionId sessionOrNull(@Nullable String value) {
		if (value == null) {
			return null;
		}
		try {
			return SessionId.parse(value);
		}
		catch (IllegalArgumentException ex) {
			log.warn("Ignored a revoked-session entry that is not a session id: {}", ex.getMessage());
			return null;
		}
	}

}
