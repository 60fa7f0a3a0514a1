package com.notalabel.audio.engine;

/**
 * Minimum and maximum of the mono mix per pixel at the waveform's base resolution, about
 * {@value Waveform#BASE_PIXELS_PER_SECOND} pixels per second.
 */
final class WaveformBuilder {

	private final int sampleRate;

	private final int samplesPerPixel;

	private short[] data = new short[4096];

	private int pixels;

	private int fill;

	private float min = Float.POSITIVE_INFINITY;

	private float max = Float.NEGATIVE_INFINITY;

	WaveformBuilder(int sampleRate) {
		this.sampleRate = sampleRate;
		this.samplesPerPixel = Math.max(1, Math.round((float) sampleRate / Waveform.BASE_PIXELS_PER_SECOND));
	}

	void accept(float[] mono, int count) {
		int offset = 0;
		int size = this.samplesPerPixel;
		while (offset < count) {
			int until = Math.min(count, offset + (size - this.fill));
			float lo = this.min;
			float hi = this.max;
			for (int i = offset; i < until; i++) {
				float v = mono[i];
				lo = Math.min(lo, v);
				hi = Math.max(hi, v);
			}
			this.min = lo;
			this.max = hi;
			this.fill += until - offset;
			offset = until;
			if (this.fill == size) {
				emit();
			}
		}
	}

	private void emit() {
		if (2 * this.pixels + 2 > this.data.length) {
			short[] grown = new short[this.data.length * 2];
			System.arraycopy(this.data, 0, grown, 0, 2 * this.pixels);
			this.data = grown;
		}
		this.data[2 * this.pixels] = toShort(this.min);
		this.data[2 * this.pixels + 1] = toShort(this.max);
		this.pixels++;
		this.fill = 0;
		this.min = Float.POSITIVE_INFINITY;
		this.max = Float.NEGATIVE_INFINITY;
	}

	private static short toShort(float value) {
		long scaled = Math.round(value * 32767.0);
		return (short) Math.max(-32768, Math.min(32767, scaled));
	}

	Waveform build() {
		if (this.fill > 0) {
			emit();
		}
		short[] exact = new short[2 * this.pixels];
		System.arraycopy(this.data, 0, exact, 0, exact.length);
		return new Waveform(this.sampleRate, this.samplesPerPixel, exact);
	}

}
