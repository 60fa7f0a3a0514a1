package com.notalabel.types.event;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import com.notalabel.types.events.SampleEvents;
import com.notalabel.types.events.analytics.AnalyticsRolledUp;
import com.notalabel.types.events.analytics.AnalyticsRolledUp.CountryNumbers;
import com.notalabel.types.events.analytics.AnalyticsRolledUp.TrackNumbers;
import com.notalabel.types.events.music.AlbumUpdated;
import com.notalabel.types.events.music.AlbumUpdated.AlbumType;
import com.notalabel.types.events.user.SessionRevoked;
import com.notalabel.types.events.user.SessionRevoked.RevocationReason;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The codec as a tolerant reader: what a newer producer may add must not break an older
 * consumer, and what is broken must fail as {@link EventDecodingException}, which
 * consumers dead-letter.
 */
class EventCodecTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final EventCodec codec = EventCodec.standard();

	@Test
	void ignoresUnknownFieldsInTheEnvelopeAndThePayload() {
		String json = goldenWith("user.UserProfileUpdated", (envelope) -> {
			envelope.put("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
			envelope.putObject("routing").put("partition", 3);
			ObjectNode payload = (ObjectNode) envelope.get("payload");
			payload.put("pronouns", "she/her");
			payload.putArray("featuredTrackIds").add("01961c2b-0a80-7c63-a1f5-7f4a6b8c9d03");
			((ObjectNode) payload.get("links").get(0)).put("verified", true);
		});

		assertThat(this.codec.decode(json)).isEqualTo(SampleEvents.of("user.UserProfileUpdated"));
	}

	@Test
	void carriesTheRolledUpNumbersAndLeavesThemOutWhenThereAreNone() {
		AnalyticsRolledUp withNumbers = new AnalyticsRolledUp(SampleEvents.USER, List.of(LocalDate.parse("2026-03-31")),
				List.of(SampleEvents.TRACK), "import", Instant.parse("2026-05-10T06:00:00Z"),
				List.of(new TrackNumbers(SampleEvents.TRACK, 1200, 7, YearMonth.parse("2026-03"), 1000, 200)),
				List.of(new CountryNumbers("US", YearMonth.parse("2026-03"), 800, 100)));
		EventEnvelope<AnalyticsRolledUp> envelope = EventEnvelope.wrap(withNumbers,
				Instant.parse("2026-05-10T06:00:00Z"));

		assertThat(this.codec.decode(this.codec.encode(envelope)).payload()).isEqualTo(withNumbers);
		// Without numbers the payload is exactly what consumers deployed before the numbers read.
		assertThat(JSON.readTree(this.codec.encode(SampleEvents.of("analytics.AnalyticsRolledUp")))
			.path("payload")
			.has("trackNumbers")).isFalse();
	}

	@Test
	void readsAnUnknownRevocationReasonAsOther() {
		String json = goldenWith("user.SessionRevoked",
				(envelope) -> ((ObjectNode) envelope.get("payload")).put("reason", "SOMETHING_NEW"));

		SessionRevoked event = (SessionRevoked) this.codec.decode(json).payload();

		assertThat(event.reason()).isEqualTo(RevocationReason.OTHER);
	}

	@Test
	void readsAnUnknownAlbumTypeAsOther() {
		String json = goldenWith("music.AlbumUpdated",
				(envelope) -> ((ObjectNode) envelope.get("payload")).put("type", "COMPILATION"));

		AlbumUpdated event = (AlbumUpdated) this.codec.decode(json).payload();

		assertThat(event.type()).isEqualTo(AlbumType.OTHER);
	}

	@Test
	void readsAMissingVersionAsVersionOne() {
		String json = goldenWith("user.UserDeleted", (envelope) -> envelope.remove("version"));

		assertThat(this.codec.decode(json)).isEqualTo(SampleEvents.of("user.UserDeleted"));
	}

	@Test
	void readsAnEventFromBeforeAFieldWasAddedWithTheFieldsDefault() {
		// What a producer wrote before TrackRated gained "plays", "featured" and "note":
		// the stream and the dead-letter stream still hold such entries after consumers upgrade.
		String older = """
				{"id": "01961c30-3000-7000-8000-000000000001", "type": "test.TrackRated", "version": 1,
				 "occurredAt": "2026-03-14T12:00:00Z", "producer": "test-service", "subject": "t1",
				 "payload": {"trackId": "t1", "stars": 4}}
				""";

		EventEnvelope<DomainEvent> envelope = new EventCodec(new EventCatalog(List.of(TrackRated.class))).decode(older);

		assertThat(envelope.payload()).isEqualTo(new TrackRated("t1", 4, 0, false, null));
	}

	@Nested
	class Rejects {

		@Test
		void unknownEventTypeAsUnknownEventType() {
			String json = goldenWith("user.UserDeleted", (envelope) -> envelope.put("type", "royalty.StatementIssued"));

			assertThatExceptionOfType(UnknownEventTypeException.class).isThrownBy(() -> decode(json))
				.satisfies((ex) -> assertThat(ex.type()).isEqualTo("royalty.StatementIssued"));
		}

		@Test
		void malformedJson() {
			assertThatExceptionOfType(EventDecodingException.class).isThrownBy(() -> decode("{\"id\": \"01961c30-"))
				.isNotInstanceOf(UnknownEventTypeException.class);
		}

		@Test
		void jsonThatIsNotAnObject() {
			assertThatExceptionOfType(EventDecodingException.class).isThrownBy(() -> decode("[1, 2, 3]"));
			assertThatExceptionOfType(EventDecodingException.class).isThrownBy(() -> decode("null"));
			assertThatExceptionOfType(EventDecodingException.class).isThrownBy(() -> decode(""));
		}

		@Test
		void envelopeWithoutType() {
			String json = goldenWith("user.UserDeleted", (envelope) -> envelope.remove("type"));

			assertThatExceptionOfType(EventDecodingException.class).isThrownBy(() -> decode(json))
				.isNotInstanceOf(UnknownEventTypeException.class)
				.withMessageContaining("'type'");
		}

		@Test
		void envelopeWithoutPayload() {
			String json = goldenWith("user.UserDeleted", (envelope) -> envelope.remove("payload"));

			assertThatExceptionOfType(EventDecodingException.class).isThrownBy(() -> decode(json))
				.withMessageContaining("no payload");
		}

		@Test
		void payloadThatIsNotAnObject() {
			String json = goldenWith("user.UserDeleted", (envelope) -> envelope.put("payload", "deleted"));

			assertThatExceptionOfType(EventDecodingException.class).isThrownBy(() -> decode(json))
				.withMessageContaining("no payload");
		}

		@Test
		void badEventId() {
			String json = goldenWith("user.UserDeleted", (envelope) -> envelope.put("id", "not-a-uuid"));

			assertThatExceptionOfType(EventDecodingException.class).isThrownBy(() -> decode(json));
		}

		@Test
		void badIdInThePayload() {
			String json = goldenWith("user.UserDeleted",
					(envelope) -> ((ObjectNode) envelope.get("payload")).put("userId", "42"));

			assertThatExceptionOfType(EventDecodingException.class).isThrownBy(() -> decode(json))
				.withMessageContaining("UserId");
		}

		@Test
		void badTimestamp() {
			String json = goldenWith("user.UserDeleted", (envelope) -> envelope.put("occurredAt", "yesterday"));

			assertThatExceptionOfType(EventDecodingException.class).isThrownBy(() -> decode(json));
		}

		@Test
		void payloadWithoutARequiredField() {
			String json = goldenWith("user.UserDeleted",
					(envelope) -> ((ObjectNode) envelope.get("payload")).remove("deletedAt"));

			assertThatExceptionOfType(EventDecodingException.class).isThrownBy(() -> decode(json))
				.withMessageContaining("deletedAt");
		}

		@Test
		void upcWithAWrongCheckDigitInThePayload() {
			String json = goldenWith("music.AlbumUpdated",
					(envelope) -> ((ObjectNode) envelope.get("payload")).put("upc", "036000291453"));

			assertThatExceptionOfType(EventDecodingException.class).isThrownBy(() -> decode(json))
				.withMessageContaining("check digit");
		}

		private EventEnvelope<DomainEvent> decode(String json) {
			return EventCodecTests.this.codec.decode(json);
		}

	}

	/**
	 * A later version of an event: {@code plays}, {@code featured} and {@code note} were
	 * added after the first release.
	 */
	@EventType(name = "test.TrackRated", producer = "test-service")
	record TrackRated(String trackId, int stars, long plays, boolean featured,
			@Nullable String note) implements DomainEvent {

		@Override
		public String subject() {
			return this.trackId;
		}

	}

	private static String goldenWith(String type, Consumer<ObjectNode> change) {
		ObjectNode envelope = (ObjectNode) JSON.readTree(golden(type));
		change.accept(envelope);
		return JSON.writeValueAsString(envelope);
	}

	private static String golden(String type) {
		try (InputStream in = EventCodecTests.class.getResourceAsStream("/golden/events/" + type + ".json")) {
			assertThat(in).as("golden file of %s", type).isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
