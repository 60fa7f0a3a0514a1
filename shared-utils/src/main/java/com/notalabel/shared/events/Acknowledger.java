package com.notalabel.shared.events;

import java.util.List;

import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The last step of handling an entry: telling the group it is done, which takes it off
 * the pending list for good. It runs only after the handler's transaction committed, so a
 * process that dies in-between leaves the entry pending, to be redelivered and recognised
 * as a duplicate.
 */
@FunctionalInterface
interface Acknowledger {

	void acknowledge(String stream, RecordId id);

	/**
	 * Acknowledges the entries of a batch whose transaction committed.
	 * @param stream the stream they came from
	 * @param ids the entries
	 */
	default void acknowledge(String stream, List<RecordId> ids) {
		ids.forEach((id) -> acknowledge(stream, id));
	}

	/**
	 * {@code XACK} in the consumer group.
	 * @param redis the client
	 * @param group the consumer group
	 * @return the acknowledger
	 */
	static Acknowledger xack(StringRedisTemplate redis, String group) {
		return new Acknowledger() {

			@Override
			public void acknowledge(String stream, RecordId id) {
				redis.opsForStream().acknowledge(stream, group, id);
			}

			@Override
			public void acknowledge(String stream, List<RecordId> ids) {
				// One XACK for the batch: one round trip instead of one per entry.
				redis.opsForStream().acknowledge(stream, group, ids.toArray(RecordId[]::new));
			}

		};
	}

}
