package com.notalabel.music.track;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import com.notalabel.shared.web.Problems.FieldError;
import com.notalabel.types.catalog.Isrc;

/**
 * What makes track metadata valid, the same for an upload's metadata part and a patch:
 * the limits of the {@code track} table's checks, an ISRC of the standard's form, a
 * well-formed BCP 47 language tag, credits with known roles.
 */
public final class TrackDetailsRules {

	public static final int MAX_TITLE_LENGTH = 200;

	public static final int MAX_GENRE_LENGTH = 100;

	public static final int MAX_LANGUAGE_LENGTH = 35;

	public static final int MAX_CREDITS = 50;

	/** What a decoder puts where bytes were not text in its charset. */
	private static final int REPLACEMENT_CHARACTER = 0xFFFD;

	private static final Set<String> ISO_639_1 = Set.of(Locale.getISOLanguages());

	private static final String ROLES = Arrays.stream(CreditRole.values())
		.map(Enum::name)
		.collect(Collectors.joining(", "));

	private TrackDetailsRules() {
	}

	/**
	 * Checks metadata and brings it to canonical form.
	 * @param request the metadata
	 * @param prefix prepended to field names in errors, e.g. {@code metadata.}
	 * @param fallbackTitle the title to use when the request has none, or {@code null} if
	 * a title is required
	 * @return the details
	 * @throws TrackDetailsRejected naming every invalid field
	 */
	public static TrackDetails check(TrackDetailsRequest request, String prefix, @Nullable String fallbackTitle) {
		List<FieldError> errors = new ArrayList<>();
		String title = request.title();
		if (title == null) {
			if (fallbackTitle == null) {
				errors.add(new FieldError(prefix + "title", "is required"));
			}
			title = (fallbackTitle != null) ? fallbackTitle : "";
		}
		else {
			title = text(title, prefix + "title", MAX_TITLE_LENGTH, true, errors);
		}
		String versionTitle = optionalText(request.versionTitle(), prefix + "versionTitle", MAX_TITLE_LENGTH, errors);
		String isrc = isrc(request.isrc(), prefix + "isrc", errors);
		String genre = optionalText(request.genre(), prefix + "genre", MAX_GENRE_LENGTH, errors);
		String language = language(request.language(), prefix + "language", errors);
		List<Credit> credits = credits(request.credits(), prefix + "credits", errors);
		if (!errors.isEmpty()) {
			throw new TrackDetailsRejected("The track's metadata has invalid values.", errors);
		}
		return new TrackDetails(title, versionTitle, isrc, Boolean.TRUE.equals(request.explicit()), genre, language,
				credits);
	}

	/**
	 * A text from outside (a tag, a file name) made fit for a field: control characters,
	 * unpaired surrogates and the replacement character (bytes that were not UTF-8)
	 * removed, trimmed, cut to the field's length.
	 * @param value the text
	 * @param maxLength the field's limit in characters
	 * @return the text, or {@code null} if nothing is left
	 */
	public static @Nullable String fit(@Nullable String value, int maxLength) {
		if (value == null) {
			return null;
		}
		StringBuilder fitted = new StringBuilder();
		value.codePoints()
			.filter((c) -> !Character.isISOControl(c) && !unpairedSurrogate(c) && c != REPLACEMENT_CHARACTER)
			.limit(maxLength)
			.forEach(fitted::appendCodePoint);
		String result = fitted.toString().strip();
		return result.isEmpty() ? null : result;
	}

	/**
	 * An ISRC in canonical form, if the text is one.
	 * @param value the text
	 * @return the ISRC or {@code null}
	 */
	public static @Nullable String isrcOrNull(@Nullable String value) {
		if (value == null) {
			return null;
		}
		try {
			return Isrc.parse(value).value();
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static String text(String value, String field, int maxLength, boolean required, List<FieldError> errors) {
		String stripped = value.strip();
		if (stripped.isEmpty()) {
			if (required) {
				errors.add(new FieldError(field, "must not be blank"));
			}
			return stripped;
		}
		if (stripped.codePointCount(0, stripped.length()) > maxLength) {
			errors.add(new FieldError(field, "must be at most " + maxLength + " characters"));
		}
		else if (stripped.codePoints().anyMatch(Character::isISOControl)) {
			errors.add(new FieldError(field, "must not contain control characters"));
		}
		else if (stripped.codePoints().anyMatch(TrackDetailsRules::unpairedSurrogate)) {
			errors.add(new FieldError(field, "must be valid Unicode text (it has an unpaired surrogate)"));
		}
		return stripped;
	}

	/** A code point of a string is a surrogate only when it is not one of a pair. */
	private static boolean unpairedSurrogate(int codePoint) {
		return codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE;
	}

	private static @Nullable String optionalText(@Nullable String value, String field, int maxLength,
			List<FieldError> errors) {
		if (value == null) {
			return null;
		}
		String checked = text(value, field, maxLength, false, errors);
		return checked.isEmpty() ? null : checked;
	}

	private static @Nullable String isrc(@Nullable String value, String field, List<FieldError> errors) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Isrc.parse(value).value();
		}
		catch (IllegalArgumentException ex) {
			errors.add(new FieldError(field, ex.getMessage()));
			return null;
		}
	}

	private static @Nullable String language(@Nullable String value, String field, List<FieldError> errors) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String tag = value.strip();
		if (tag.length() > MAX_LANGUAGE_LENGTH) {
			errors.add(new FieldError(field, "must be at most " + MAX_LANGUAGE_LENGTH + " characters"));
			return null;
		}
		Locale locale;
		try {
			// The builder, unlike Locale.forLanguageTag, refuses what is not well-formed.
			locale = new Locale.Builder().setLanguageTag(tag).build();
		}
		catch (IllformedLocaleException ex) {
			errors.add(new FieldError(field, "must be a BCP 47 language tag such as en or pt-BR"));
			return null;
		}
		String language = locale.getLanguage();
		if (language.isEmpty() || (language.length() == 2 && !ISO_639_1.contains(language))) {
			errors.add(new FieldError(field, "names no known language"));
			return null;
		}
		return locale.toLanguageTag();
	}

	private static List<Credit> credits(@Nullable List<TrackDetailsRequest.CreditRequest> requested, String field,
			List<FieldError> errors) {
		if (requested == null) {
			return List.of();
		}
		if (requested.size() > MAX_CREDITS) {
			errors.add(new FieldError(field, "must have at most " + MAX_CREDITS + " entries"));
			return List.of();
		}
		List<Credit> credits = new ArrayList<>();
		for (int i = 0; i < requested.size(); i++) {
			TrackDetailsRequest.CreditRequest credit = requested.get(i);
			String entry = field + "[" + i + "]";
			if (credit == null) {
				errors.add(new FieldError(entry, "must not be null"));
				continue;
			}
			String name = (credit.name() != null) ? text(credit.name(), entry + ".name", MAX_TITLE_LENGTH, true, errors)
					: null;
			if (credit.name() == null) {
				errors.add(new FieldError(entry + ".name", "is required"));
			}
			CreditRole role = role(credit.role(), entry + ".role", errors);
			if (name != null && !name.isEmpty() && role != null) {
				credits.add(new Credit(name, role));
			}
		}
		return credits;
	}

	private static @Nullable CreditRole role(@Nullable String value, String field, List<FieldError> errors) {
		if (value == null) {
			errors.add(new FieldError(field, "is required"));
			return null;
		}
		for (CreditRole role : CreditRole.values()) {
			if (role.name().equals(value)) {
				return role;
			}
		}
		errors.add(new FieldError(field, "must be one of " + ROLES));
		return null;
	}

}
