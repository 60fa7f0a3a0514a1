/**
 * Tracks: the catalogue's recordings, their metadata and the endpoints that serve them.
 */
@NullMarked
package com.notalabel.music.track;

import org.jspecify.annotations.NullMarked;
