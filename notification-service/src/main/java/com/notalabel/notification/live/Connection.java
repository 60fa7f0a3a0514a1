package com.notalabel.notification.live;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import com.notalabel.notification.inbox.NotificationResponse;

/**
 * One open browser tab. Until the notifications it missed are sent, live ones are held
 * back, so that it gets every notification once and in order whatever arrives while it
 * catches up.
 * <p>
 * Live messages and heartbeats are written by a virtual thread of the connection's own,
 * in the order they were handed over ({@link #deliverLater}, {@link #heartbeatLater}):
 * the one thread that receives every instance's messages, and the one that sends the
 * heartbeats, never wait for a tab whose network stopped taking bytes. A tab that falls
 * {@link #MAX_PENDING} messages behind is closed; its browser reconnects with the last
 * event id it saw and gets the rest from the inbox.
 */
final class Connection {

	static final int MAX_PENDING = 1_000;

	private final SseEmitter emitter;

	private final Queue<Runnable> pending = new ConcurrentLinkedQueue<>();

	private final AtomicInteger pendingCount = new AtomicInteger();

	private final AtomicBoolean writing = new AtomicBoolean();

	private final ReentrantLock lock = new ReentrantLock();

	private final List<LiveMessage> heldBack = new ArrayList<>();

	private boolean catchingUp = true;

	private long lastSent;

	private volatile boolean closed;

	Connection(SseEmitter emitter, long lastSeen) {
		this.emitter = emitter;
		this.lastSent = lastSeen;
	}

	SseEmitter emitter() {
		return this.emitter;
	}

	boolean closed() {
		return this.closed;
	}

	void close() {
		this.closed = true;
	}

	/**
	 * Sends what was missed, then what arrived meanwhile, and from then on goes live.
	 * @param reconnectMillis how long the browser is to wait before reconnecting once
	 * this connection ends
	 */
	void caughtUp(List<LiveMessage> missed, long unread, long reconnectMillis) {
		this.lock.lock();
		try {
			for (LiveMessage message : missed) {
				sendNotification(message);
			}
			for (LiveMessage message : this.heldBack) {
				sendNotification(message);
			}
			this.heldBack.clear();
			send(unreadEvent(unread).reconnectTime(reconnectMillis));
			this.catchingUp = false;
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Hands a live message over to be written after whatever was handed over before it.
	 */
	void deliverLater(LiveMessage message) {
		later(() -> deliver(message));
	}

	void heartbeatLater() {
		later(this::heartbeat);
	}

	private void later(Runnable write) {
		if (this.closed) {
			return;
		}
		if (this.pendingCount.incrementAndGet() > MAX_PENDING) {
			this.closed = true;
			// Completing waits for the write in progress, which is what is stuck.
			Thread.ofVirtual().name("nal-live-close").start(this.emitter::complete);
			return;
		}
		this.pending.add(write);
		if (this.writing.compareAndSet(false, true)) {
			Thread.ofVirtual().name("nal-live-write").start(this::writePending);
		}
	}

	private void writePending() {
		do {
			Runnable write;
			while ((write = this.pending.poll()) != null) {
				this.pendingCount.decrementAndGet();
				write.run();
			}
			this.writing.set(false);
			// Something handed over between the last poll and letting go is written now, by
			// this thread or by the one that handed it over, never by neither.
		}
		while (!this.pending.isEmpty() && this.writing.compareAndSet(false, true));
	}

	void deliver(LiveMessage message) {
		this.lock.lock();
		try {
			if (this.catchingUp) {
				if (message.notification() != null) {
					this.heldBack.add(message);
				}
				return;
			}
			sendNotification(message);
			sendUnread(message.unread());
		}
		finally {
			this.lock.unlock();
		}
	}

	void heartbeat() {
		this.lock.lock();
		try {
			send(SseEmitter.event().comment("heartbeat"));
		}
		finally {
			this.lock.unlock();
		}
	}

	private void sendNotification(LiveMessage message) {
		NotificationResponse notification = message.notification();
		if (notification == null || message.seq() <= this.lastSent) {
			return;
		}
		send(SseEmitter.event()
			.id(Long.toString(message.seq()))
			.name("notification")
			.data(notification, MediaType.APPLICATION_JSON));
		this.lastSent = message.seq();
	}

	private void sendUnread(long unread) {
		send(unreadEvent(unread));
	}

	private static SseEmitter.SseEventBuilder unreadEvent(long unread) {
		return SseEmitter.event().name("unread-count").data(new UnreadCount(unread), MediaType.APPLICATION_JSON);
	}

	private void send(SseEmitter.SseEventBuilder event) {
		if (this.closed) {
			return;
		}
		try {
			this.emitter.send(event);
		}
		catch (IOException | IllegalStateException ex) {
			// The browser went away; the container's completion callback unregisters it.
			this.closed = true;
			this.emitter.completeWithError(ex);
		}
	}

	record UnreadCount(long unread) {

	}

}
