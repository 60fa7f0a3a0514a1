package com.notalabel.ai.writing;

import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * What to write.
 *
 * @param kind what kind of text
 * @param trackId the track it is about, if any
 * @param releaseId the release it is about, if any
 * @param tone the tone in a few words, such as {@code warm, confident}
 * @param language the language as a BCP 47 tag; English when absent
 * @param maxChars a shorter limit than the kind's own
 */
record ContentRequest(@NotNull ContentKind kind, @Nullable UUID trackId, @Nullable UUID releaseId,
		@Nullable @Size(max = 40) @Pattern(regexp = "[\\p{L} ,'-]*",
				message = "may hold only letters, spaces, commas and hyphens") String tone,
		@Nullable @Pattern(regexp = "[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,2}",
				message = "must be a language tag such as en or pt-BR") String language,
		@Nullable @Min(20) @Max(4000) Integer maxChars) {

}
