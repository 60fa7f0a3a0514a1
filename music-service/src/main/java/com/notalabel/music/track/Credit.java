package com.notalabel.music.track;

import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * One contributor of a track.
 *
 * @param name the contributor's name as credited
 * @param role what they did
 */
@Embeddable
public record Credit(@Column(name = "name") String name,
		@Enumerated(EnumType.STRING) @Column(name = "role") CreditRole role) {

	public Credit {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(role, "role");
	}

}
