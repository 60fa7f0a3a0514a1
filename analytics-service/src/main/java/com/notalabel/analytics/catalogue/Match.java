package com.notalabel.analytics.catalogue;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What a report line matched: the artist, and the track (by ISRC) or only the release (by
 * UPC).
 *
 * @param ownerId the artist
 * @param trackId the track, {@code null} for a release-level match
 * @param albumId the album, when the line's UPC matched one
 */
public record Match(UUID ownerId, @Nullable UUID trackId, @Nullable UUID albumId) {

}
