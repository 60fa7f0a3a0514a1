package com.notalabel.shared.events;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.notalabel.types.event.DomainEvent;
import com.notalabel.types.event.EventEnvelope;
import com.notalabel.types.events.user.UserDeleted;
import com.notalabel.types.events.user.UserRegistered;
import com.notalabel.types.id.UserId;

import static org.assertj.core.api.Assertions.assertThat;

class EventSubscriptionsTests {

	@Test
	void runsPayloadAndEnvelopeHandlersOfATypeInTheOrderAdded() {
		List<String> calls = new ArrayList<>();
		EventSubscriptions subscriptions = EventSubscriptions.builder()
			.on(UserDeleted.class, (event) -> calls.add("payload " + event.userId()))
			.onEnvelope(UserDeleted.class, (envelope) -> calls.add("envelope " + envelope.id()))
			.build();
		UserDeleted deleted = new UserDeleted(UserId.newId(), Instant.now());
		EventEnvelope<DomainEvent> envelope = EventEnvelope.wrap(deleted, Instant.now());

		subscriptions.handlersFor(envelope).forEach((handler) -> handler.on(envelope));

		assertThat(calls).containsExactly("payload " + deleted.userId(), "envelope " + envelope.id());
	}

	@Test
	void hasNoHandlerForATypeNobodySubscribedTo() {
		EventSubscriptions subscriptions = EventSubscriptions.builder().onEnvelope(UserDeleted.class, (envelope) -> {
		}).build();
		EventEnvelope<DomainEvent> registered = EventEnvelope
			.wrap(new UserRegistered(UserId.newId(), "a@example.com", "A", Instant.now()), Instant.now());

		assertThat(subscriptions.handlersFor(registered)).isEmpty();
		assertThat(subscriptions.producers()).containsExactly("user-service");
	}

}
