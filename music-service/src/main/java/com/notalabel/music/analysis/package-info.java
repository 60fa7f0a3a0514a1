/**
 * A track's analysis as the artist reads it: the audio engine's measurements turned into
 * a document (rounded figures, the problems worth flagging, what each streaming service
 * will do, distribution readiness, each with a sentence) and the waveform, stored when
 * processing succeeds and served once the track is ready.
 */
@NullMarked
package com.notalabel.music.analysis;

import org.jspecify.annotations.NullMarked;
