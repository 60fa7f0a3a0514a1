package com.notalabel.shared.redis;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.resource.Delay;

/**
 * How every service's Redis client behaves when Redis goes away. Lettuce's defaults let
 * the reconnect delay grow to 30 s and queue commands while disconnected, so a Redis
 * restart would hang requests and event consumers for up to half a minute after Redis is
 * back. Here reconnects are retried at most every 2 s and commands fail at once while
 * disconnected, so callers see an error they can handle (a 503, a retry with backoff).
 */
public final class RedisClientDefaults {

	private RedisClientDefaults() {
	}

	public static Delay reconnectDelay() {
		return Delay.exponential(Duration.ofMillis(50), Duration.ofSeconds(2), 2, TimeUnit.MILLISECONDS);
	}

	public static ClientOptions.Builder applyTo(ClientOptions.Builder options) {
		return options.autoReconnect(true)
			.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
			.socketOptions(SocketOptions.builder().connectTimeout(Duration.ofSeconds(2)).keepAlive(true).build());
	}

}
