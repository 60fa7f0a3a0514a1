package com.notalabel.music.album;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The body of {@code PUT /api/v1/albums/{id}/tracks}: the album's whole running order.
 *
 * @param trackIds the artist's own tracks, first track first, each at most once; empty to
 * take every track off the album
 */
record TrackListRequest(@Nullable List<@Nullable UUID> trackIds) {

}
