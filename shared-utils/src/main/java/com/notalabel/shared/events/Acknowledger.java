package com.notalabel.shared.events;

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
	 * {@code XACK} in the consumer group.
	 * @param redis the client
	 * @param group the consumer group
	 * @return the acknowledger
	 */
	static Acknowledger xack(StringRedisTemplate redis, String group) {
		return (stream, id) -> redis.opsForStream().acknowledge(stream, group, id);
	}

}
