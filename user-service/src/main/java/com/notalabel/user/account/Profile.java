package com.notalabel.user.account;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * What an artist shows about themselves: everything a profile update may change, and
 * nothing else.
 *
 * @param displayName the name shown everywhere
 * @param handle the unique public name in profile URLs (3 to 30 lower-case letters,
 * digits, {@code -} or {@code _}), or {@code null} before the artist picks one
 * @param bio the artist's own description, or {@code null}
 * @param genres the genres the artist plays, most important first
 * @param location where the artist is based, or {@code null}
 * @param links links to the artist's other pages; the picture is not part of it but an
 * upload of its own ({@code /api/v1/users/me/avatar})
 */
public record Profile(
		@NotBlank @Size(max = 100) @Pattern(regexp = NO_CONTROL_CHARACTERS,
				message = "must not contain control characters") String displayName,
		@Nullable @Pattern(regexp = HANDLE,
				message = "must be 3 to 30 lower-case letters, digits, - or _, starting and ending with a letter or digit") String handle,
		@Nullable @Size(max = 2000) String bio,
		@NotNull @Size(max = 10) List<@NotBlank @Size(max = 40) @Pattern(regexp = NO_CONTROL_CHARACTERS,
				message = "must not contain control characters") String> genres,
		@Nullable @Size(max = 100) @Pattern(regexp = NO_CONTROL_CHARACTERS,
				message = "must not contain control characters") String location,
		@NotNull @Size(max = 10) List<@NotNull @Valid Link> links) {

	/** The JSON names of the fields, the only ones a profile update may carry. */
	static final Set<String> FIELD_NAMES = Arrays.stream(Profile.class.getRecordComponents())
		.map(RecordComponent::getName)
		.collect(Collectors.toUnmodifiableSet());

	static final String WEB_URL = "https?://\\S+";

	static final String HANDLE = "[a-z0-9][a-z0-9_-]{1,28}[a-z0-9]";

	static final String NO_CONTROL_CHARACTERS = "[^\\p{Cntrl}]*";

	public Profile {
		displayName = (displayName != null) ? displayName.strip() : null;
		handle = (handle != null) ? handle.strip().toLowerCase(Locale.ROOT) : null;
		// Copies that keep nulls: validation names a null entry rather than failing.
		genres = (genres != null) ? Collections.unmodifiableList(new ArrayList<>(genres)) : List.of();
		links = (links != null) ? Collections.unmodifiableList(new ArrayList<>(links)) : List.of();
	}

}
