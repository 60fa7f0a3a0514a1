package com.notalabel.types.event;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import com.notalabel.types.events.music.TrackProcessingFailed;
import com.notalabel.types.events.user.UserDeleted;
import com.notalabel.types.id.TrackId;
import com.notalabel.types.id.UserId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class EventEnvelopeTests {

	private static final Instant OCCURRED_AT = Instant.parse("2026-03-14T11:05:10Z");

	@Test
	void wrapFillsTypeProducerVersionAndSubjectFromTheAnnotation() {
		TrackId trackId = TrackId.newId();
		TrackProcessingFailed event = new TrackProcessingFailed(trackId, UserId.newId(), "The file is empty.",
				OCCURRED_AT);

		EventEnvelope<TrackProcessingFailed> envelope = EventEnvelope.wrap(event, OCCURRED_AT);

		assertThat(envelope.type()).isEqualTo("music.TrackProcessingFailed");
		assertThat(envelope.producer()).isEqualTo("music-service");
		assertThat(envelope.version()).isEqualTo(1);
		assertThat(envelope.subject()).isEqualTo(trackId.toString());
		assertThat(envelope.occurredAt()).isEqualTo(OCCURRED_AT);
		assertThat(envelope.payload()).isSameAs(event);
		assertThat(envelope.id().version()).isEqualTo(7);
	}

	@Test
	void wrapGivesTimeOrderedIds() {
		UserDeleted event = new UserDeleted(UserId.newId(), OCCURRED_AT);

		List<String> ids = IntStream.range(0, 1000)
			.mapToObj((i) -> EventEnvelope.wrap(event, OCCURRED_AT).id())
			.map(UUID::toString)
			.toList();

		// The canonical form is fixed-width lower-case hex, so comparing strings compares
		// the UUIDs as unsigned numbers, which is the order version 7 promises.
		assertThat(ids).doesNotHaveDuplicates().isSortedAccordingTo(Comparator.naturalOrder());
	}

	@Nested
	class Rejects {

		@Test
		void wrappingAnEventWithoutEventType() {
			assertThatIllegalArgumentException().isThrownBy(() -> EventEnvelope.wrap(new Unnamed(), OCCURRED_AT))
				.withMessageContaining("@EventType");
		}

		@Test
		void aMissingPayload() {
			assertThatNullPointerException()
				.isThrownBy(() -> new EventEnvelope<>(UUID.randomUUID(), "user.UserDeleted", 1, OCCURRED_AT,
						"user-service", "subject", null))
				.withMessage("payload");
		}

	}

	record Unnamed() implements DomainEvent {

		@Override
		public String subject() {
			return "nothing";
		}

	}

}
