package com.notalabel.music.showcase;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The body of {@code PUT /api/v1/showcase}: the whole showcase.
 *
 * @param trackIds the artist's own processed tracks, first shown first, each at most
 * once; empty to show none
 */
record ShowcaseRequest(@Nullable List<@Nullable UUID> trackIds) {
}
