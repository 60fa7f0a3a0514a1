package com.notalabel.user.account;

import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A link on an artist's profile.
 *
 * @param label what the artist calls it, e.g. {@code Bandcamp}
 * @param url where it points, http or https
 */
@Embeddable
public record Link(@NotBlank @Size(max = 40) String label, @NotBlank @Size(max = 500) @Pattern(regexp = Profile.WEB_URL,
		message = "must be an http or https URL") String url) {

}
