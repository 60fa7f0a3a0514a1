package com.notalabel.shared.events;

import com.notalabel.types.event.DomainEvent;

/**
 * Publishes an event as part of the current transaction: it reaches the service's stream
 * if and only if the transaction commits.
 */
public interface EventPublisher {

	/**
	 * Records the event in the outbox.
	 * @param event an event of this service (its {@code @EventType} producer)
	 * @throws IllegalStateException if no transaction is active
	 * @throws IllegalArgumentException if another service owns the event type
	 */
	void publish(DomainEvent event);

}
