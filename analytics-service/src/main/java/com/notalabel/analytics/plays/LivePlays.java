package com.notalabel.analytics.plays;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import com.notalabel.shared.broadcast.Broadcaster;

/**
 * The artist's open pages, each an event stream, and the plays pushed to them. A play is
 * published over Redis pub/sub once it is stored, so that whichever instance holds the
 * artist's stream sends it; a page that is not open misses it (the numbers have it). A
 * comment every heartbeat keeps idle streams open through the proxies.
 */
@Component
class LivePlays implements SmartLifecycle {

	static final String CHANNEL = "analytics-plays";

	/**
	 * How long one stream lives before the browser reconnects (EventSource does by
	 * itself).
	 */
	static final long STREAM_TIMEOUT_MS = 30 * 60 * 1000L;

	private static final Logger log = LoggerFactory.getLogger(LivePlays.class);

	private final Broadcaster broadcaster;

	private final Map<UUID, Set<SseEmitter>> streams = new ConcurrentHashMap<>();

	private volatile Broadcaster.Subscription subscription = () -> {
	};

	private volatile boolean running;

	LivePlays(Broadcaster broadcaster) {
		this.broadcaster = broadcaster;
	}

	SseEmitter open(UUID owner) {
		SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT_MS);
		Set<SseEmitter> open = this.streams.computeIfAbsent(owner, (key) -> ConcurrentHashMap.newKeySet());
		open.add(emitter);
		Runnable remove = () -> {
			open.remove(emitter);
			this.streams.computeIfPresent(owner, (key, set) -> set.isEmpty() ? null : set);
		};
		emitter.onCompletion(remove);
		emitter.onTimeout(remove);
		emitter.onError((ex) -> remove.run());
		try {
			emitter.send(SseEmitter.event().comment("open"));
		}
		catch (IOException ex) {
			remove.run();
		}
		return emitter;
	}

	/** Announces stored plays, a batch in one message rather than a message each. */
	void played(List<Play> plays) {
		// Published even when this instance holds no stream: another instance may.
		if (plays.isEmpty()) {
			return;
		}
		try {
			this.broadcaster.publish(CHANNEL,
					new LiveBatch(plays.stream()
						.map((play) -> new LivePlay(play.ownerId(), play.trackId(), play.playedAt()))
						.toList()));
		}
		catch (RuntimeException ex) {
			// The plays are stored; only their live echo is lost.
			log.debug("Could not publish live plays", ex);
		}
	}

	private void deliver(LiveBatch batch) {
		for (LivePlay play : batch.plays()) {
			deliver(play);
		}
	}

	private void deliver(LivePlay play) {
		Set<SseEmitter> open = this.streams.get(play.ownerId());
		if (open == null) {
			return;
		}
		for (SseEmitter emitter : open) {
			try {
				emitter.send(SseEmitter.event().name("play").data(play, MediaType.APPLICATION_JSON));
			}
			catch (IOException | IllegalStateException ex) {
				emitter.completeWithError(ex);
			}
		}
	}

	@Scheduled(fixedDelayString = "${nal.analytics.live.heartbeat:15s}")
	void heartbeat() {
		this.streams.values().forEach((open) -> open.forEach((emitter) -> {
			try {
				emitter.send(SseEmitter.event().comment("heartbeat"));
			}
			catch (IOException | IllegalStateException ex) {
				emitter.completeWithError(ex);
			}
		}));
	}

	int openStreams() {
		return this.streams.values().stream().mapToInt(Set::size).sum();
	}

	@Override
	public void start() {
		this.subscription = this.broadcaster.subscribe(CHANNEL, LiveBatch.class, this::deliver);
		this.running = true;
	}

	@Override
	public void stop() {
		this.subscription.cancel();
		this.streams.values().forEach((open) -> open.forEach(SseEmitter::complete));
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * A play as the artist's page receives it.
	 *
	 * @param ownerId the artist
	 * @param trackId the track played
	 * @param playedAt when
	 */
	record LivePlay(UUID ownerId, UUID trackId, Instant playedAt) {

	}

	/**
	 * The plays of one group commit, as they travel between instances.
	 *
	 * @param plays the plays
	 */
	record LiveBatch(List<LivePlay> plays) {

	}

}
