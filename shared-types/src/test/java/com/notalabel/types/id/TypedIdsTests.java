package com.notalabel.types.id;

import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class TypedIdsTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String TEXT = "0190a6e4-7c3a-7b2e-9f4d-1a2b3c4d5e6f";

	private static final UUID VALUE = UUID.fromString(TEXT);

	static Stream<Kind> kinds() {
		return Stream.of(new Kind(UserId.class, UserId::newId, UserId::of, UserId::parse),
				new Kind(SessionId.class, SessionId::newId, SessionId::of, SessionId::parse),
				new Kind(TrackId.class, TrackId::newId, TrackId::of, TrackId::parse),
				new Kind(AlbumId.class, AlbumId::newId, AlbumId::of, AlbumId::parse),
				new Kind(ReleaseId.class, ReleaseId::newId, ReleaseId::of, ReleaseId::parse),
				new Kind(PayoutId.class, PayoutId::newId, PayoutId::of, PayoutId::parse));
	}

	@ParameterizedTest
	@MethodSource("kinds")
	void newIdIsAFreshVersion7Uuid(Kind kind) {
		Object first = kind.newId().get();
		Object second = kind.newId().get();

		assertThat(first).isInstanceOf(kind.type()).isNotEqualTo(second);
		assertThat(UUID.fromString(first.toString()).version()).isEqualTo(7);
	}

	@ParameterizedTest
	@MethodSource("kinds")
	void toStringIsTheBareUuid(Kind kind) {
		assertThat(kind.of().apply(VALUE)).hasToString(TEXT);
	}

	@ParameterizedTest
	@MethodSource("kinds")
	void parseReadsTheCanonicalForm(Kind kind) {
		assertThat(kind.parse().apply(TEXT)).isEqualTo(kind.of().apply(VALUE));
		assertThat(kind.parse().apply(TEXT.toUpperCase())).isEqualTo(kind.of().apply(VALUE));
	}

	@ParameterizedTest
	@MethodSource("kinds")
	void serializesAsABareJsonString(Kind kind) {
		assertThat(JSON.writeValueAsString(kind.of().apply(VALUE))).isEqualTo("\"" + TEXT + "\"");
	}

	@ParameterizedTest
	@MethodSource("kinds")
	void deserializesFromABareJsonString(Kind kind) {
		assertThat(JSON.readValue("\"" + TEXT + "\"", kind.type())).isEqualTo(kind.of().apply(VALUE));
	}

	@Test
	void idsOfDifferentKindsAreNeverEqual() {
		assertThat((Object) UserId.of(VALUE)).isNotEqualTo(TrackId.of(VALUE));
	}

	@Nested
	class Rejects {

		@ParameterizedTest
		@MethodSource("com.notalabel.types.id.TypedIdsTests#kinds")
		void textThatIsNotAUuid(Kind kind) {
			assertThatIllegalArgumentException().isThrownBy(() -> kind.parse().apply("not-a-uuid"))
				.withMessageContaining(kind.type().getSimpleName())
				.withMessageContaining("'not-a-uuid'");
		}

		@Test
		void shortenedGroupsThatUuidFromStringWouldAccept() {
			assertThat(UUID.fromString("1-2-3-4-5")).isNotNull();

			assertThatIllegalArgumentException().isThrownBy(() -> UserId.parse("1-2-3-4-5"));
		}

		@Test
		void surroundingWhitespace() {
			assertThatIllegalArgumentException().isThrownBy(() -> UserId.parse(" " + TEXT));
		}

		@Test
		void longInputWithoutEchoingAllOfIt() {
			assertThatIllegalArgumentException().isThrownBy(() -> TrackId.parse("x".repeat(10_000)))
				.satisfies((ex) -> assertThat(ex.getMessage()).hasSizeLessThan(200));
		}

		@ParameterizedTest
		@MethodSource("com.notalabel.types.id.TypedIdsTests#kinds")
		void aMissingValue(Kind kind) {
			assertThatNullPointerException().isThrownBy(() -> kind.of().apply(null))
				.withMessageContaining(kind.type().getSimpleName());
		}

		@ParameterizedTest
		@MethodSource("com.notalabel.types.id.TypedIdsTests#kinds")
		void aJsonStringThatIsNotAUuid(Kind kind) {
			assertThatExceptionOfType(JacksonException.class).isThrownBy(() -> JSON.readValue("\"42\"", kind.type()))
				.withRootCauseInstanceOf(IllegalArgumentException.class);
		}

	}

	record Kind(Class<?> type, Supplier<Object> newId, Function<UUID, Object> of, Function<String, Object> parse) {

		@Override
		public String toString() {
			return this.type.getSimpleName();
		}

	}

}
