package com.notalabel.notification.events;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The id of the event whose handler is running.
 *
 * <p>
 * shared-utils hands a handler the event's payload only, but it records the envelope's id
 * in {@code processed_event} in the very transaction the handler runs in (ADR 0001). The
 * row that this transaction inserted is therefore the event being handled: PostgreSQL
 * stamps it with the transaction's id ({@code xmin}), and {@code handled_at} is the
 * transaction's start, which the table's index finds.
 */
@Component
public class HandledEvent {

	private final JdbcClient jdbc;

	HandledEvent(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The id of the event this transaction is handling.
	 * @return the envelope's id
	 * @throws IllegalStateException outside an event handler
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public UUID id() {
		return this.jdbc
			.sql("select event_id from processed_event where handled_at = now() and xmin = pg_current_xact_id()::xid")
			.query(UUID.class)
			.optional()
			.orElseThrow(() -> new IllegalStateException(
					"No event is being handled in this transaction; only an EventSubscriptions handler can ask"));
	}

}
