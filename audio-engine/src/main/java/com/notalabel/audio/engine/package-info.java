/**
 * The audio engine: decoding through FFmpeg, streamed measurement (loudness per ITU-R
 * BS.1770-4 and EBU R 128, true peak, problems, tempo, key, waveform) and the streaming
 * renditions. A library without Spring; {@link com.notalabel.audio.engine.AudioEngine} is
 * its door and {@link com.notalabel.audio.engine.Measurements} what it finds: numbers,
 * not words for the artist.
 */
@NullMarked
package com.notalabel.audio.engine;

import org.jspecify.annotations.NullMarked;
