package com.notalabel.bench.chaos;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.StatefulRedisConnection;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A producer's event stream in Redis ({@code nal:events:<service>}, ARCHITECTURE.md §5),
 * read whole: which events were published about which aggregate.
 */
final class EventLog implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final RedisClient client;

	private final StatefulRedisConnection<String, String> connection;

	EventLog(String redisUrl) {
		this.client = RedisClient.create(redisUrl);
		this.connection = this.client.connect();
	}

	/**
	 * What a stream holds about one event type.
	 *
	 * @param eventIds for each subject, the distinct event ids
	 * @param entries for each subject, how many stream entries (a relay that crashed
	 * between publishing and recording it publishes an event again, with its id)
	 */
	record Published(Map<String, Set<String>> eventIds, Map<String, Integer> entries) {

	}

	/**
	 * @param stream the stream key, e.g. {@code nal:events:music-service}
	 * @param typeSuffix the end of the event type, e.g. {@code TrackProcessed}
	 * @return the events of that type by subject
	 */
	Published published(String stream, String typeSuffix) {
		List<StreamMessage<String, String>> messages = this.connection.sync().xrange(stream, Range.create("-", "+"));
		Map<String, Set<String>> ids = new HashMap<>();
		Map<String, Integer> entries = new HashMap<>();
		for (StreamMessage<String, String> message : messages) {
			Map<String, String> body = message.getBody();
			if (!body.getOrDefault("type", "").endsWith(typeSuffix)) {
				continue;
			}
			JsonNode envelope = JSON.readTree(body.getOrDefault("envelope", "{}"));
			String subject = envelope.path("subject").asString("");
			String id = body.getOrDefault("id", envelope.path("id").asString(""));
			ids.computeIfAbsent(subject, (key) -> new HashSet<>()).add(id);
			entries.merge(subject, 1, Integer::sum);
		}
		return new Published(ids, entries);
	}

	@Override
	public void close() {
		this.connection.close();
		this.client.shutdown();
	}

}
