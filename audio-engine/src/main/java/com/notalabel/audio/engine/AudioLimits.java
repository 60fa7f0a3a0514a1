package com.notalabel.audio.engine;

import java.time.Duration;
import java.util.Objects;

/**
 * How much a single file may cost the engine. Hostile or broken files are stopped by
 * these bounds instead of by the service running out of time or memory.
 *
 * @param maxDuration the longest audio accepted, measured on the decoded samples, not on
 * what the header claims
 * @param maxProcessingTime the longest one analysis or one rendition may run
 */
public record AudioLimits(Duration maxDuration, Duration maxProcessingTime) {

	/**
	 * Two hours of audio (an album side, a DJ mix) and ten minutes of work, well above
	 * what a two-hour file needs on one core.
	 */
	public static final AudioLimits DEFAULTS = new AudioLimits(Duration.ofHours(2), Duration.ofMinutes(10));

	public AudioLimits {
		Objects.requireNonNull(maxDuration, "maxDuration");
		Objects.requireNonNull(maxProcessingTime, "maxProcessingTime");
		if (maxDuration.isNegative() || maxDuration.isZero()) {
			throw new IllegalArgumentException("maxDuration must be positive");
		}
		if (maxProcessingTime.isNegative()) {
			throw new IllegalArgumentException("maxProcessingTime must not be negative");
		}
	}

}
