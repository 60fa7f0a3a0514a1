package com.notalabel.audio.engine;

import java.time.Duration;

/**
 * The moment one analysis or rendition must have finished by; checked between packets
 * and, through FFmpeg's interrupt callback, inside FFmpeg's own reads.
 */
final class Deadline {

	private final long atNanos;

	private Deadline(long atNanos) {
		this.atNanos = atNanos;
	}

	static Deadline after(Duration budget) {
		long nanos;
		try {
			nanos = budget.toNanos();
		}
		catch (ArithmeticException tooLong) {
			nanos = Long.MAX_VALUE / 2;
		}
		return new Deadline(System.nanoTime() + Math.min(nanos, Long.MAX_VALUE / 2));
	}

	long atNanos() {
		return this.atNanos;
	}

	boolean passed() {
		return System.nanoTime() - this.atNanos > 0;
	}

	void check() {
		if (passed()) {
			throw new AudioRejected(AudioRejected.Reason.TOO_SLOW,
					"The file took too long to process. Export it again and upload the new file; "
							+ "if that does not help, contact us.");
		}
	}

}
