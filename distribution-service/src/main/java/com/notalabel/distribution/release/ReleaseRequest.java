package com.notalabel.distribution.release;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What the artist asks to release.
 *
 * @param albumId the album
 * @param platforms the stores, by name
 * @param releaseDate the day it goes live; {@code null} takes the album's
 * @param territories ISO 3166-1 alpha-2 codes, or {@code Worldwide}; empty means
 * worldwide
 */
record ReleaseRequest(@Nullable UUID albumId, @Nullable List<@Nullable String> platforms,
		@Nullable LocalDate releaseDate, @Nullable List<@Nullable String> territories) {

}
