package com.notalabel.notification.live;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import com.notalabel.notification.inbox.NotificationResponse;

/**
 * One open browser tab. Until the notifications it missed are sent, live ones are held
 * back, so that it gets every notification once and in order whatever arrives while it
 * catches up.
 */
final class Connection {

	private final SseEmitter emitter;

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
	 */
	void caughtUp(List<LiveMessage> missed, long unread) {
		this.lock.lock();
		try {
			for (LiveMessage message : missed) {
				sendNotification(message);
			}
			for (LiveMessage message : this.heldBack) {
				sendNotification(message);
			}
			this.heldBack.clear();
			sendUnread(unread);
			this.catchingUp = false;
		}
		finally {
			this.lock.unlock();
		}
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
		send(SseEmitter.event().name("unread-count").data(new UnreadCount(unread), MediaType.APPLICATION_JSON));
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
