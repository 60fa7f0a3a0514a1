package com.notalabel.music.track;

import com.notalabel.types.id.TrackId;

/**
 * A track's state changed in the current transaction (uploaded, edited, processed or
 * failed): published in-process, so that the track's whole state is announced with the
 * change, before it commits. A deletion is announced by {@code TrackDeleted} instead.
 *
 * @param trackId the track
 */
public record TrackChanged(TrackId trackId) {

}
