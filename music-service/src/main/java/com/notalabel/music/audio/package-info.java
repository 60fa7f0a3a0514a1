/**
 * The audio engine: decoding through FFmpeg, streamed analysis (loudness per ITU-R
 * BS.1770-4 and EBU R 128, true peak, problems, tempo, key, waveform) and the streaming
 * renditions. A library without Spring; {@link com.notalabel.music.audio.AudioEngine} is
 * its door.
 */
@NullMarked
package com.notalabel.music.audio;

import org.jspecify.annotations.NullMarked;
