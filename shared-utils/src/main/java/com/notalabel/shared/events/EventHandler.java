package com.notalabel.shared.events;

import com.notalabel.types.event.DomainEvent;

/**
 * A consumer's reaction to one event type: a plain method such as
 * {@code void on(TrackProcessed event)}. It runs inside the transaction that also records
 * the event as processed, so its database work and the deduplication record commit
 * together; anything it does outside the database must tolerate a repeat.
 *
 * @param <E> the event type
 */
@FunctionalInterface
public interface EventHandler<E extends DomainEvent> {

	void on(E event);

}
