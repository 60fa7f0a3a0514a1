package com.notalabel.audio.engine;

/**
 * Cuts a stream into Hann-windowed frames that overlap by a fixed hop and hands the power
 * spectrum of each to a consumer.
 */
final class SlidingSpectrum {

	/** Receives the power spectrum of each frame, in an array reused for the next. */
	@FunctionalInterface
	interface FrameConsumer {

		void frame(float[] power);

	}

	private final int size;

	private final int hop;

	private final RealFft fft;

	private final float[] window;

	private final float[] frame;

	private final float[] windowed;

	private final float[] power;

	private int fill;

	SlidingSpectrum(int size, int hop) {
		this.size = size;
		this.hop = hop;
		this.fft = new RealFft(size);
		this.window = new float[size];
		for (int i = 0; i < size; i++) {
			this.window[i] = (float) (0.5 - 0.5 * Math.cos(2.0 * Math.PI * i / size));
		}
		this.frame = new float[size];
		this.windowed = new float[size];
		this.power = new float[size / 2 + 1];
	}

	void accept(float[] samples, int count, FrameConsumer consumer) {
		int offset = 0;
		while (offset < count) {
			int take = Math.min(count - offset, this.size - this.fill);
			System.arraycopy(samples, offset, this.frame, this.fill, take);
			this.fill += take;
			offset += take;
			if (this.fill == this.size) {
				for (int i = 0; i < this.size; i++) {
					this.windowed[i] = this.frame[i] * this.window[i];
				}
				this.fft.power(this.windowed, this.power);
				consumer.frame(this.power);
				System.arraycopy(this.frame, this.hop, this.frame, 0, this.size - this.hop);
				this.fill = this.size - this.hop;
			}
		}
	}

}
