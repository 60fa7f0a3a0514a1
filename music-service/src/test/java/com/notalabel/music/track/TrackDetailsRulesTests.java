package com.notalabel.music.track;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.HttpStatus;

import com.notalabel.music.track.TrackDetailsRequest.CreditRequest;
import com.notalabel.shared.web.Problems;
import com.notalabel.shared.web.Problems.FieldError;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class TrackDetailsRulesTests {

	private static TrackDetailsRequest request(@Nullable String title) {
		return new TrackDetailsRequest(title, null, null, null, null, null, null);
	}

	private static TrackDetails check(TrackDetailsRequest request) {
		return TrackDetailsRules.check(request, "", null);
	}

	private static TrackDetailsRequest withIsrc(String isrc) {
		return new TrackDetailsRequest("Night Drive", null, isrc, null, null, null, null);
	}

	private static TrackDetailsRequest withLanguage(String language) {
		return new TrackDetailsRequest("Night Drive", null, null, null, null, language, null);
	}

	private static TrackDetailsRequest withCredits(@Nullable List<@Nullable CreditRequest> credits) {
		return new TrackDetailsRequest("Night Drive", null, null, null, null, null,
				(credits != null) ? new ArrayList<>(credits) : null);
	}

	@SuppressWarnings("unchecked")
	private static List<FieldError> errorsOf(TrackDetailsRequest request, String prefix) {
		TrackDetailsRejected rejected = catchThrowableOfType(TrackDetailsRejected.class,
				() -> TrackDetailsRules.check(request, prefix, null));
		assertThat(rejected).as("rejected").isNotNull();
		assertThat(rejected.status()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(rejected.code()).isEqualTo("request.invalid");
		return (List<FieldError>) rejected.properties().get(Problems.ERRORS);
	}

	private static List<FieldError> errorsOf(TrackDetailsRequest request) {
		return errorsOf(request, "");
	}

	@Test
	void acceptsATitleAloneWithEverythingElseAbsent() {
		TrackDetails details = check(request("Night Drive"));

		assertThat(details).isEqualTo(new TrackDetails("Night Drive", null, null, false, null, null, List.of()));
	}

	@Test
	void stripsTextAndTreatsBlankOptionalTextAsAbsent() {
		TrackDetails details = check(
				new TrackDetailsRequest("  Night Drive \t", "  ", " ", true, "\n", " ", List.of()));

		assertThat(details).isEqualTo(new TrackDetails("Night Drive", null, null, true, null, null, List.of()));
	}

	@Test
	void fallsBackToTheGivenTitleWhenTheRequestHasNone() {
		TrackDetails details = TrackDetailsRules.check(request(null), "metadata.", "From the tags");

		assertThat(details.title()).isEqualTo("From the tags");
	}

	@Test
	void countsTheTitleInCharactersNotUtf16Units() {
		String twoHundredEmoji = "🎵".repeat(TrackDetailsRules.MAX_TITLE_LENGTH);

		assertThat(check(request(twoHundredEmoji)).title()).isEqualTo(twoHundredEmoji);
	}

	@Test
	void acceptsTextExactlyAtEachLimit() {
		TrackDetails details = check(new TrackDetailsRequest("t".repeat(TrackDetailsRules.MAX_TITLE_LENGTH),
				"v".repeat(TrackDetailsRules.MAX_TITLE_LENGTH), null, null,
				"g".repeat(TrackDetailsRules.MAX_GENRE_LENGTH), null, null));

		assertThat(details.title()).hasSize(200);
		assertThat(details.versionTitle()).hasSize(200);
		assertThat(details.genre()).hasSize(100);
	}

	@ParameterizedTest
	@CsvSource({ "USRC17607839, USRC17607839", "US-RC1-76-07839, USRC17607839", "usrc17607839, USRC17607839",
			"' gb-aye-24-00123 ', GBAYE2400123" })
	void bringsAnIsrcToItsCanonicalForm(String given, String canonical) {
		assertThat(check(withIsrc(given)).isrc()).isEqualTo(canonical);
	}

	@ParameterizedTest
	@CsvSource({ "en, en", "pt-br, pt-BR", "PT-BR, pt-BR", "fil, fil", "' sr-latn-rs ', sr-Latn-RS" })
	void bringsALanguageTagToItsCanonicalCase(String given, String canonical) {
		assertThat(check(withLanguage(given)).language()).isEqualTo(canonical);
	}

	@Test
	void keepsCreditsInTheirOrder() {
		TrackDetails details = check(withCredits(List.of(new CreditRequest(" Nova Rae ", "MAIN_ARTIST"),
				new CreditRequest("Kai", "PRODUCER"), new CreditRequest("Nova Rae", "COMPOSER"))));

		assertThat(details.credits()).containsExactly(new Credit("Nova Rae", CreditRole.MAIN_ARTIST),
				new Credit("Kai", CreditRole.PRODUCER), new Credit("Nova Rae", CreditRole.COMPOSER));
	}

	@Test
	void acceptsAsManyCreditsAsTheLimit() {
		List<@Nullable CreditRequest> fifty = IntStream.range(0, TrackDetailsRules.MAX_CREDITS)
			.mapToObj((i) -> (@Nullable CreditRequest) new CreditRequest("Player " + i, "PERFORMER"))
			.toList();

		assertThat(check(withCredits(fifty)).credits()).hasSize(50);
	}

	@Test
	void readsAMissingExplicitFlagAsNotExplicit() {
		assertThat(check(request("Clean")).explicit()).isFalse();
		assertThat(check(new TrackDetailsRequest("Dirty", null, null, true, null, null, null)).explicit()).isTrue();
	}

	@Nested
	class Refuses {

		@Test
		void aMissingTitleWhenThereIsNoFallback() {
			assertThat(errorsOf(request(null))).containsExactly(new FieldError("title", "is required"));
		}

		@ParameterizedTest
		@ValueSource(strings = { "", " ", "\t\n" })
		void aBlankTitle(String title) {
			assertThat(errorsOf(request(title))).containsExactly(new FieldError("title", "must not be blank"));
		}

		@Test
		void textOneCharacterOverEachLimit() {
			List<FieldError> errors = errorsOf(
					new TrackDetailsRequest("t".repeat(201), "v".repeat(201), null, null, "g".repeat(101), null, null));

			assertThat(errors).containsExactly(new FieldError("title", "must be at most 200 characters"),
					new FieldError("versionTitle", "must be at most 200 characters"),
					new FieldError("genre", "must be at most 100 characters"));
		}

		@ParameterizedTest
		@ValueSource(strings = { "Night\u0000Drive", "Night\u001BDrive", "Night\nDrive" })
		void controlCharactersInsideText(String title) {
			assertThat(errorsOf(request(title)))
				.containsExactly(new FieldError("title", "must not contain control characters"));
		}

		@ParameterizedTest
		@ValueSource(strings = { "Night\uD800Drive", "Night Drive\uDC00", "\uDFFF\uD800" })
		void unpairedSurrogatesInsideText(String title) {
			TrackDetailsRequest request = new TrackDetailsRequest("Fine", title, null, null, null, null,
					List.of(new CreditRequest(title, "PRODUCER")));

			assertThat(errorsOf(request, "metadata.")).containsExactly(
					new FieldError("metadata.versionTitle",
							"must be valid Unicode text (it has an unpaired surrogate)"),
					new FieldError("metadata.credits[0].name",
							"must be valid Unicode text (it has an unpaired surrogate)"));
		}

		@ParameterizedTest
		@CsvSource(delimiter = '|', quoteCharacter = '"',
				value = { "USRC1760783|An ISRC has 12 characters (CC-XXX-YY-NNNNN), got 11",
						"US-RC17-6-07839|An ISRC is written CC-XXX-YY-NNNNN, with hyphens only between the parts",
						"12RC17607839|The country code of an ISRC is 2 letters, got '12' in '12RC17607839'",
						"USRC1X607839|The year of reference of an ISRC is 2 digits, got 'X6' in 'USRC1X607839'" })
		void anIsrcNamingThePartThatIsWrong(String isrc, String message) {
			assertThat(errorsOf(withIsrc(isrc))).containsExactly(new FieldError("isrc", message));
		}

		@ParameterizedTest
		@CsvSource(delimiter = '|',
				value = { "en_US|must be a BCP 47 language tag such as en or pt-BR",
						"english!|must be a BCP 47 language tag such as en or pt-BR", "xx|names no known language",
						"und|names no known language" })
		void aLanguageThatIsNotAKnownBcp47Tag(String language, String message) {
			assertThat(errorsOf(withLanguage(language))).containsExactly(new FieldError("language", message));
		}

		@Test
		void aLanguageTagLongerThanTheColumn() {
			assertThat(errorsOf(withLanguage("en-" + "x".repeat(33))))
				.containsExactly(new FieldError("language", "must be at most 35 characters"));
		}

		@Test
		void moreCreditsThanTheLimit() {
			List<@Nullable CreditRequest> many = IntStream.range(0, TrackDetailsRules.MAX_CREDITS + 1)
				.mapToObj((i) -> (@Nullable CreditRequest) new CreditRequest("Player " + i, "PERFORMER"))
				.toList();

			assertThat(errorsOf(withCredits(many)))
				.containsExactly(new FieldError("credits", "must have at most 50 entries"));
		}

		@Test
		void everyFaultOfEveryCreditByItsPosition() {
			List<@Nullable CreditRequest> credits = Arrays.asList(null, new CreditRequest(null, "PRODUCER"),
					new CreditRequest(" ", "PRODUCER"), new CreditRequest("Kai", null),
					new CreditRequest("Kai", "producer"));

			assertThat(errorsOf(withCredits(credits))).containsExactly(new FieldError("credits[0]", "must not be null"),
					new FieldError("credits[1].name", "is required"),
					new FieldError("credits[2].name", "must not be blank"),
					new FieldError("credits[3].role", "is required"),
					new FieldError("credits[4].role", "must be one of MAIN_ARTIST, FEATURED_ARTIST, REMIXER, COMPOSER, "
							+ "LYRICIST, PRODUCER, MIXING_ENGINEER, MASTERING_ENGINEER, PERFORMER"));
		}

		@Test
		void everyInvalidFieldAtOnceUnderThePrefix() {
			List<FieldError> errors = errorsOf(new TrackDetailsRequest(" ", null, "nope", null, null, "xx",
					List.of(new CreditRequest("Kai", "DJ"))), "metadata.");

			assertThat(errors).extracting(FieldError::field)
				.containsExactly("metadata.title", "metadata.isrc", "metadata.language", "metadata.credits[0].role");
		}

	}

	@Nested
	class FitsOutsideText {

		@Test
		void byRemovingControlCharactersAndTrimming() {
			assertThat(TrackDetailsRules.fit("  Night\u0000 Drive\n ", 200)).isEqualTo("Night Drive");
		}

		@Test
		void byRemovingUnpairedSurrogatesAndWhatWasNotUtf8() {
			assertThat(TrackDetailsRules.fit("Night\uD800 Drive\uFFFD 🎵", 200)).isEqualTo("Night Drive 🎵");
		}

		@Test
		void byCuttingItToTheFieldsLengthInCharacters() {
			assertThat(TrackDetailsRules.fit("🎵".repeat(5), 3)).isEqualTo("🎵🎵🎵");
		}

		@Test
		void toNothingWhenNothingIsLeft() {
			assertThat(TrackDetailsRules.fit(" \u0001\t ", 200)).isNull();
			assertThat(TrackDetailsRules.fit(null, 200)).isNull();
		}

	}

	@Nested
	class ReadsAnIsrcFromTags {

		@Test
		void inItsCanonicalForm() {
			assertThat(TrackDetailsRules.isrcOrNull("gb-aye-24-00123")).isEqualTo("GBAYE2400123");
		}

		@ParameterizedTest
		@ValueSource(strings = { "", "not an isrc", "GBAYE240012" })
		void asNothingWhenItIsNotOne(String tag) {
			assertThat(TrackDetailsRules.isrcOrNull(tag)).isNull();
		}

		@Test
		void asNothingWhenThereIsNone() {
			assertThat(TrackDetailsRules.isrcOrNull(null)).isNull();
		}

	}

}
