package com.notalabel.audio.engine;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The engine refused a file. The message is a sentence the artist can read and act on;
 * the cause, when there is one, carries what FFmpeg said, for the logs only.
 */
public final class AudioRejected extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final Reason reason;

	AudioRejected(Reason reason, String message) {
		this(reason, message, null);
	}

	AudioRejected(Reason reason, String message, @Nullable Throwable cause) {
		super(message, cause);
		this.reason = Objects.requireNonNull(reason, "reason");
	}

	/**
	 * Why the file was refused.
	 * @return the reason
	 */
	public Reason reason() {
		return this.reason;
	}

	/**
	 * Why a file was refused, each with a stable code for problem details and metrics.
	 */
	public enum Reason {

		/** Not a container we read, or not audio at all. */
		NOT_AUDIO("audio.not_audio"),

		/** A container we read, without an audio stream or without a single sample. */
		NO_AUDIO("audio.no_audio"),

		/** Audio in a codec we do not accept. */
		UNSUPPORTED_CODEC("audio.unsupported_codec"),

		/** A sample rate outside 8 to 192 kHz. */
		UNSUPPORTED_SAMPLE_RATE("audio.unsupported_sample_rate"),

		/** More channels than 7.1. */
		TOO_MANY_CHANNELS("audio.too_many_channels"),

		/** The audio could not be decoded, in whole or in too many places. */
		DAMAGED("audio.damaged"),

		/** Longer than the longest audio the engine accepts. */
		TOO_LONG("audio.too_long"),

		/** Processing took longer than the engine allows. */
		TOO_SLOW("audio.too_slow");

		private final String code;

		Reason(String code) {
			this.code = code;
		}

		/**
		 * A stable, dotted code such as {@code audio.damaged}.
		 * @return the code
		 */
		public String code() {
			return this.code;
		}

	}

}
