package com.notalabel.analytics.alerts;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A track whose numbers of a day just changed.
 *
 * @param ownerId the artist
 * @param trackId the track
 * @param day the day (the first of a report's period)
 */
public record TouchedTrack(UUID ownerId, UUID trackId, LocalDate day) {

}
