package com.notalabel.analytics.plays;

import java.time.Instant;
import java.util.UUID;

/**
 * One play on an artist's page.
 *
 * @param ownerId the artist
 * @param trackId the track
 * @param playedAt when it was received
 * @param visitor the day's visitor hash
 */
record Play(UUID ownerId, UUID trackId, Instant playedAt, String visitor) {

}
