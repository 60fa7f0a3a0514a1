/**
 * A track's analysis as the artist reads it: the audio engine's findings and the
 * waveform, stored when processing succeeds and served once the track is ready.
 */
@NullMarked
package com.notalabel.music.analysis;

import org.jspecify.annotations.NullMarked;
