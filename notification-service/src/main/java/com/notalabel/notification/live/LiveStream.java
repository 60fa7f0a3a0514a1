package com.notalabel.notification.live;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import com.notalabel.notification.inbox.Inbox;
import com.notalabel.notification.inbox.InboxChanged;
import com.notalabel.notification.inbox.Notification;
import com.notalabel.notification.inbox.NotificationResponse;
import com.notalabel.shared.broadcast.Broadcaster;
import com.notalabel.types.id.UserId;
import com.notalabel.types.redis.RedisKeys;

/**
 * The open connections of this instance. A change committed on any instance reaches all
 * of them over Redis pub/sub; what a connection missed while it was away it reads from
 * the inbox, the store of record, when it comes back with {@code Last-Event-ID}.
 */
@Service
class LiveStream implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(LiveStream.class);

	static final String CHANNEL = "notifications";

	/** The most messages in one pipeline. */
	private static final int MAX_PIPELINE = 500;

	private final Map<UUID, Set<Connection>> connections = new ConcurrentHashMap<>();

	private final Inbox inbox;

	private final LiveSettings settings;

	private final Broadcaster.Subscription subscription;

	private final ScheduledExecutorService heartbeats;

	private final StringRedisTemplate redis;

	private final byte[] channel;

	private final JsonMapper mapper;

	private final BlockingQueue<LiveMessage> outgoing = new LinkedBlockingQueue<>();

	private final Thread publisher;

	private volatile boolean publishing = true;

	LiveStream(Inbox inbox, Broadcaster broadcaster, LiveSettings settings, StringRedisTemplate redis, RedisKeys keys,
			ObjectProvider<JsonMapper> mapper) {
		this.inbox = inbox;
		this.settings = settings;
		this.redis = redis;
		this.channel = keys.channel(CHANNEL).getBytes(StandardCharsets.UTF_8);
		this.mapper = mapper.getIfAvailable(JsonMapper::new);
		this.subscription = broadcaster.subscribe(CHANNEL, LiveMessage.class, this::deliver);
		this.publisher = Thread.ofVirtual().name("nal-live-publish").start(this::publishing);
		this.heartbeats = Executors
			.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("nal-sse-heartbeat").factory());
		long period = settings.heartbeat().toMillis();
		this.heartbeats.scheduleAtFixedRate(this::heartbeat, period, period, TimeUnit.MILLISECONDS);
	}

	/**
	 * Opens a connection for a person, first sending what they missed since the last
	 * event id their browser saw.
	 */
	SseEmitter open(UserId user, long lastSeen) {
		SseEmitter emitter = new SseEmitter(lifetimeMillis(this.settings, ThreadLocalRandom.current()));
		Connection connection = new Connection(emitter, lastSeen);
		Set<Connection> mine = this.connections.computeIfAbsent(user.value(), (id) -> ConcurrentHashMap.newKeySet());
		mine.add(connection);
		Runnable remove = () -> {
			connection.close();
			this.connections.computeIfPresent(user.value(), (id, set) -> {
				set.remove(connection);
				return set.isEmpty() ? null : set;
			});
		};
		emitter.onCompletion(remove);
		emitter.onTimeout(remove);
		emitter.onError((ex) -> remove.run());
		List<LiveMessage> missed = (lastSeen > 0)
				? this.inbox.after(user, lastSeen, this.settings.maxResume()).stream().map(LiveStream::message).toList()
				: List.of();
		connection.caughtUp(missed, this.inbox.unread(user),
				reconnectMillis(this.settings, ThreadLocalRandom.current()));
		return emitter;
	}

	/**
	 * How long a connection lives: connections opened together (the browsers of an
	 * instance that stopped) would otherwise end together too, every {@code maxAge}, so
	 * each lives between three quarters of it and all of it.
	 */
	static long lifetimeMillis(LiveSettings settings, RandomGenerator random) {
		long maxAge = settings.maxAge().toMillis();
		return maxAge - random.nextLong(maxAge / 4 + 1);
	}

	/** How long a browser waits before reconnecting, drawn anew for each connection. */
	static long reconnectMillis(LiveSettings settings, RandomGenerator random) {
		return random.nextLong(settings.reconnectMin().toMillis(), settings.reconnectMax().toMillis() + 1);
	}

	/**
	 * Tells every instance, once the change is committed, so that no browser sees a
	 * notification the inbox does not have. The event consumer commits the changes of
	 * many events at once and goes on to the next batch; the messages leave from a thread
	 * of their own, in commit order.
	 */
	@TransactionalEventListener
	void on(InboxChanged change) {
		Notification added = change.added();
		this.outgoing.add(new LiveMessage(change.userId().value(), (added != null) ? added.seq() : 0,
				(added != null) ? NotificationResponse.of(added) : null, change.unread()));
	}

	/**
	 * Publishes what has queued up in one pipeline: one round trip for many messages,
	 * where one {@code PUBLISH} after the other fell behind 500 notifications/s on a busy
	 * machine. Same channel and JSON as {@link Broadcaster#publish}, whose subscription
	 * reads them.
	 */
	private void publishing() {
		List<LiveMessage> batch = new ArrayList<>();
		while (this.publishing) {
			try {
				LiveMessage first = this.outgoing.poll(100, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				batch.add(first);
				this.outgoing.drainTo(batch, MAX_PIPELINE - 1);
				publish(batch);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				// Pub/sub is ephemeral; the inbox has the notifications, a reconnecting browser gets them.
				log.warn("{} live messages not published: {}", batch.size(), ex.toString());
			}
			finally {
				batch.clear();
			}
		}
	}

	private void publish(List<LiveMessage> batch) {
		List<byte[]> messages = batch.stream().map(this.mapper::writeValueAsBytes).toList();
		this.redis.executePipelined((RedisCallback<Object>) (connection) -> {
			messages.forEach((message) -> connection.publish(this.channel, message));
			return null;
		});
	}

	int connectionCount() {
		return this.connections.values().stream().mapToInt(Set::size).sum();
	}

	private void deliver(LiveMessage message) {
		Set<Connection> mine = this.connections.get(message.userId());
		if (mine != null) {
			mine.forEach((connection) -> connection.deliverLater(message));
		}
	}

	private void heartbeat() {
		this.connections.values().forEach((set) -> set.forEach(Connection::heartbeatLater));
	}

	private static LiveMessage message(Notification notification) {
		return new LiveMessage(notification.userId().value(), notification.seq(), NotificationResponse.of(notification),
				0);
	}

	@Override
	public void destroy() throws InterruptedException {
		this.publishing = false;
		this.publisher.join(Duration.ofSeconds(5));
		this.subscription.cancel();
		this.heartbeats.shutdownNow();
		this.connections.values().forEach((set) -> set.forEach((connection) -> connection.emitter().complete()));
	}

}
