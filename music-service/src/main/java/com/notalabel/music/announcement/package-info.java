/**
 * What the catalogue tells other services about a track's whole state
 * ({@code TrackUpdated}), assembled from the track and its analysis.
 */
@NullMarked
package com.notalabel.music.announcement;

import org.jspecify.annotations.NullMarked;
