package com.notalabel.notification.live;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import com.notalabel.notification.inbox.Inbox;
import com.notalabel.notification.inbox.InboxChanged;
import com.notalabel.notification.inbox.Notification;
import com.notalabel.notification.inbox.NotificationResponse;
import com.notalabel.shared.broadcast.Broadcaster;
import com.notalabel.types.id.UserId;

/**
 * The open connections of this instance. A change committed on any instance reaches all
 * of them over Redis pub/sub; what a connection missed while it was away it reads from
 * the inbox, the store of record, when it comes back with {@code Last-Event-ID}.
 */
@Service
class LiveStream implements DisposableBean {

	static final String CHANNEL = "notifications";

	private final Map<UUID, Set<Connection>> connections = new ConcurrentHashMap<>();

	private final Inbox inbox;

	private final Broadcaster broadcaster;

	private final LiveSettings settings;

	private final Broadcaster.Subscription subscription;

	private final ScheduledExecutorService heartbeats;

	LiveStream(Inbox inbox, Broadcaster broadcaster, LiveSettings settings) {
		this.inbox = inbox;
		this.broadcaster = broadcaster;
		this.settings = settings;
		this.subscription = broadcaster.subscribe(CHANNEL, LiveMessage.class, this::deliver);
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
		SseEmitter emitter = new SseEmitter(this.settings.maxAge().toMillis());
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
		connection.caughtUp(missed, this.inbox.unread(user));
		return emitter;
	}

	/**
	 * Tells every instance, once the change is committed, so that no browser sees a
	 * notification the inbox does not have.
	 */
	@TransactionalEventListener
	void on(InboxChanged change) {
		Notification added = change.added();
		this.broadcaster.publish(CHANNEL, new LiveMessage(change.userId().value(), (added != null) ? added.seq() : 0,
				(added != null) ? NotificationResponse.of(added) : null, change.unread()));
	}

	int connectionCount() {
		return this.connections.values().stream().mapToInt(Set::size).sum();
	}

	private void deliver(LiveMessage message) {
		Set<Connection> mine = this.connections.get(message.userId());
		if (mine != null) {
			mine.forEach((connection) -> connection.deliver(message));
		}
	}

	private void heartbeat() {
		this.connections.values().forEach((set) -> set.forEach(Connection::heartbeat));
	}

	private static LiveMessage message(Notification notification) {
		return new LiveMessage(notification.userId().value(), notification.seq(), NotificationResponse.of(notification),
				0);
	}

	@Override
	public void destroy() {
		this.subscription.cancel();
		this.heartbeats.shutdownNow();
		this.connections.values().forEach((set) -> set.forEach((connection) -> connection.emitter().complete()));
	}

}
