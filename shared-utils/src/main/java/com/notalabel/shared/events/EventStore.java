package com.notalabel.shared.events;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.notalabel.types.event.EventEnvelope;

/**
 * The bus's tables in the service's schema. Every method runs in the caller's
 * transaction.
 */
class EventStore {

	private static final Pattern SCHEMA_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

	private final JdbcClient jdbc;

	private final String outbox;

	private final String processed;

	private final long relayLockKey;

	EventStore(JdbcClient jdbc, String schema) {
		if (!SCHEMA_NAME.matcher(schema).matches()) {
			throw new IllegalArgumentException("Schema name '" + schema + "' is not a plain lower-case identifier");
		}
		this.jdbc = jdbc;
		this.outbox = schema + ".event_outbox";
		this.processed = schema + ".processed_event";
		this.relayLockKey = ("nal-outbox-relay:" + schema).hashCode();
	}

	void append(EventEnvelope<?> envelope, String json) {
		this.jdbc.sql("insert into " + this.outbox + " (event_id, event_type, producer, envelope) values (?, ?, ?, ?)")
			.params(envelope.id(), envelope.type(), envelope.producer(), json)
			.update();
	}

	/**
	 * Takes the relay's transaction-scoped lock, so that one instance at a time relays
	 * and events leave in the order they were recorded.
	 * @return whether this transaction holds the lock
	 */
	boolean tryLockRelay() {
		return Boolean.TRUE.equals(this.jdbc.sql("select pg_try_advisory_xact_lock(?)")
			.param(this.relayLockKey)
			.query(Boolean.class)
			.single());
	}

	List<OutboxEntry> nextBatch(int limit) {
		return this.jdbc
			.sql("select position, event_id, event_type, producer, envelope from " + this.outbox
					+ " order by position limit ?")
			.param(limit)
			.query((rs, row) -> new OutboxEntry(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3),
					rs.getString(4), rs.getString(5)))
			.list();
	}

	void delete(List<OutboxEntry> entries) {
		Long[] positions = entries.stream().map(OutboxEntry::position).toArray(Long[]::new);
		this.jdbc.sql("delete from " + this.outbox + " where position = any(?)").param(positions).update();
	}

	long outboxBacklog() {
		return this.jdbc.sql("select count(*) from " + this.outbox).query(Long.class).single();
	}

	/**
	 * Records that an event is being handled in this transaction.
	 * @return {@code false} if it was handled before (a redelivery)
	 */
	boolean markProcessed(EventEnvelope<?> envelope) {
		return this.jdbc
			.sql("insert into " + this.processed
					+ " (event_id, event_type, producer) values (?, ?, ?) on conflict (event_id) do nothing")
			.params(envelope.id(), envelope.type(), envelope.producer())
			.update() == 1;
	}

	/**
	 * Records that events are being handled in this transaction, in one statement.
	 * @param envelopes the events, in any order; one id may occur more than once
	 * @return the ids recorded now: those not handled before, each once
	 */
	Set<UUID> markProcessed(List<? extends EventEnvelope<?>> envelopes) {
		UUID[] ids = new UUID[envelopes.size()];
		String[] types = new String[envelopes.size()];
		String[] producers = new String[envelopes.size()];
		for (int i = 0; i < ids.length; i++) {
			EventEnvelope<?> envelope = envelopes.get(i);
			ids[i] = envelope.id();
			types[i] = envelope.type();
			producers[i] = envelope.producer();
		}
		// An id twice in the array is inserted once: "do nothing" also skips a row the same
		// statement inserted.
		return new HashSet<>(this.jdbc
			.sql("insert into " + this.processed + " (event_id, event_type, producer)"
					+ " select * from unnest(?::uuid[], ?::text[], ?::text[]) on conflict (event_id) do nothing"
					+ " returning event_id")
			.params(ids, types, producers)
			.query((rs, row) -> rs.getObject(1, UUID.class))
			.list());
	}

	int forgetProcessedBefore(Instant cutoff) {
		return this.jdbc.sql("delete from " + this.processed + " where handled_at < ?")
			.param(Timestamp.from(cutoff))
			.update();
	}

	record OutboxEntry(long position, UUID eventId, String eventType, String producer, String envelope) {

	}

}
