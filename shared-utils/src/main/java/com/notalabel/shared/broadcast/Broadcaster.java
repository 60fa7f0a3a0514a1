package com.notalabel.shared.broadcast;

import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

import com.notalabel.types.redis.RedisKeys;

/**
 * Ephemeral fan-out over plain Redis pub/sub (ARCHITECTURE.md §5): every subscribed
 * instance gets each message once, if it is connected at that moment. Nothing is stored
 * and nothing is retried, so it is only for what the durable event bus also carries or
 * what may be lost: a live notification for open browser tabs, a session revocation
 * pushed to every gateway instance.
 */
public final class Broadcaster {

	private static final Logger log = LoggerFactory.getLogger(Broadcaster.class);

	private final StringRedisTemplate redis;

	private final RedisMessageListenerContainer listeners;

	private final RedisKeys keys;

	private final JsonMapper mapper;

	Broadcaster(StringRedisTemplate redis, RedisMessageListenerContainer listeners, RedisKeys keys, JsonMapper mapper) {
		this.redis = redis;
		this.listeners = listeners;
		this.keys = keys;
		this.mapper = mapper;
	}

	/**
	 * Sends a message to every instance subscribed to the channel now.
	 * @param channel the channel's name, e.g. {@code session-revoked}
	 * @param message a record, sent as JSON
	 * @return the number of instances that received it
	 */
	public long publish(String channel, Object message) {
		Long receivers = this.redis.convertAndSend(this.keys.channel(channel), this.mapper.writeValueAsString(message));
		return (receivers != null) ? receivers : 0;
	}

	/**
	 * Listens to a channel until the returned subscription is cancelled. Messages that do
	 * not read as {@code type} are logged and dropped; fields {@code type} does not have
	 * are ignored.
	 * @param channel the channel's name
	 * @param type the record the messages are read as
	 * @param listener called on a listener thread for each message
	 * @param <T> the message type
	 * @return the subscription
	 */
	public <T> Subscription subscribe(String channel, Class<T> type, Consumer<? super T> listener) {
		ChannelTopic topic = ChannelTopic.of(this.keys.channel(channel));
		// A newer sender may add fields; the service's own mapper refuses unknown fields
		// in request bodies, which must not apply here.
		ObjectReader reader = this.mapper.readerFor(type).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
		MessageListener adapter = (message, pattern) -> {
			T value;
			try {
				value = reader.readValue(message.getBody());
			}
			catch (JacksonException ex) {
				log.warn("Dropped a message on {} that is not a {}: {}", topic.getTopic(), type.getSimpleName(),
						ex.getOriginalMessage());
				return;
			}
			listener.accept(value);
		};
		this.listeners.addMessageListener(adapter, topic);
		return () -> this.listeners.removeMessageListener(adapter, topic);
	}

	/**
	 * A live subscription.
	 */
	@FunctionalInterface
	public interface Subscription {

		void cancel();

	}

}
