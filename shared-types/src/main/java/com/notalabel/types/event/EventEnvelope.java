package com.notalabel.types.event;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import com.notalabel.types.Uuid7;

/**
 * The wire form of every event (ARCHITECTURE.md §5).
 *
 * @param id unique per event; consumers deduplicate on it
 * @param type the {@link EventType#name()}
 * @param version the {@link EventType#version()}
 * @param occurredAt when the producer's transaction recorded it
 * @param producer the publishing service
 * @param subject the aggregate id
 * @param payload the event itself
 * @param <E> the event record
 */
public record EventEnvelope<E extends DomainEvent>(UUID id, String type, int version, Instant occurredAt,
		String producer, String subject, E payload) {

	public EventEnvelope {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(occurredAt, "occurredAt");
		Objects.requireNonNull(producer, "producer");
		Objects.requireNonNull(subject, "subject");
		Objects.requireNonNull(payload, "payload");
	}

	/**
	 * Wraps an event in a new envelope with a fresh time-ordered id.
	 * @param event the event
	 * @param occurredAt when it happened
	 * @param <E> the event record
	 * @return the envelope
	 */
	public static <E extends DomainEvent> EventEnvelope<E> wrap(E event, Instant occurredAt) {
		EventType type = EventCatalog.typeOf(event.getClass());
		return new EventEnvelope<>(Uuid7.next(), type.name(), type.version(), occurredAt, type.producer(),
				event.subject(), event);
	}

}
