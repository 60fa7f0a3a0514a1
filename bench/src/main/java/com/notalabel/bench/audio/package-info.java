/**
 * The audio engine's speed and memory against the ffmpeg program (bench/audio/run.sh).
 */
@NullMarked
package com.notalabel.bench.audio;

import org.jspecify.annotations.NullMarked;
