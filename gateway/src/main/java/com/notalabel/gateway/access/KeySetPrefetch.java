package com.notalabel.gateway.access;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Fetches the keys as the gateway starts, so that the first requests find them held; a
 * failure is only logged (the next request that needs a key tries again).
 */
final class KeySetPrefetch implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(KeySetPrefetch.class);

	private final KeySet keys;

	private volatile boolean running;

	KeySetPrefetch(KeySet keys) {
		this.keys = keys;
	}

	@Override
	public void start() {
		this.running = true;
		this.keys.refresh()
			.subscribe(null, (ex) -> log.warn("The access-token keys are not available yet: {}", ex.toString()));
	}

	@Override
	public void stop() {
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
