package com.notalabel.shared.events;

import java.time.Clock;

import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.notalabel.shared.transaction.AfterCommit;
import com.notalabel.types.event.DomainEvent;
import com.notalabel.types.event.EventCatalog;
import com.notalabel.types.event.EventCodec;
import com.notalabel.types.event.EventEnvelope;
import com.notalabel.types.event.EventType;

class OutboxEventPublisher implements EventPublisher {

	private final String producer;

	private final EventStore store;

	private final EventCodec codec;

	private final Clock clock;

	private final Runnable afterCommit;

	OutboxEventPublisher(String producer, EventStore store, EventCodec codec, Clock clock, Runnable afterCommit) {
		this.producer = producer;
		this.store = store;
		this.codec = codec;
		this.clock = clock;
		this.afterCommit = afterCommit;
	}

	@Override
	public void publish(DomainEvent event) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException(
					"Events are published in the transaction that records the change, and none is active");
		}
		EventType type = EventCatalog.typeOf(event.getClass());
		if (!type.producer().equals(this.producer)) {
			throw new IllegalArgumentException(
					type.name() + " is published by " + type.producer() + ", not by " + this.producer);
		}
		if (EventCatalog.standard().classFor(type.name()).isEmpty()) {
			throw new IllegalArgumentException(
					type.name() + " is missing from KnownEvents, so no consumer could read it");
		}
		EventEnvelope<DomainEvent> envelope = EventEnvelope.wrap(event, this.clock.instant());
		this.store.append(envelope, this.codec.encode(envelope));
		// One wake-up per transaction, however many events it publishes.
		AfterCommit.collect(this, envelope.id(), "wake the outbox relay", (ids) -> this.afterCommit.run());
	}

}
