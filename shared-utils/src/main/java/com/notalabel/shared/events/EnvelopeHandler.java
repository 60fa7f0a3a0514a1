package com.notalabel.shared.events;

import com.notalabel.types.event.DomainEvent;
import com.notalabel.types.event.EventEnvelope;

/**
 * A consumer's reaction to one event type that needs the envelope too: its id (to key a
 * side effect such as a sent mail by the event that caused it), when it occurred, who
 * produced it. Runs like an {@link EventHandler}, in the transaction that records the
 * event as processed.
 *
 * @param <E> the event type
 */
@FunctionalInterface
public interface EnvelopeHandler<E extends DomainEvent> {

	void on(EventEnvelope<E> envelope);

}
