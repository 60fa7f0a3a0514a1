package com.notalabel.audio.engine;

import org.bytedeco.ffmpeg.global.avutil;
import org.jspecify.annotations.Nullable;

/**
 * Loudness per ITU-R BS.1770-4 and EBU R 128 (Tech 3341, Tech 3342), streamed:
 * K-weighting by two biquads per channel, mean squares per 100 ms step, momentary (400
 * ms) and short-term (3 s) windows over the last steps, and gating from histograms.
 * Memory does not depend on the length of the programme.
 */
final class LoudnessMeter implements SampleSink {

	static final double ABSOLUTE_GATE_LUFS = -70.0;

	private static final int MOMENTARY_STEPS = 4;

	private static final int SHORT_TERM_STEPS = 30;

	private final int sampleRate;

	private final int channels;

	private final double[] weights;

	// K-weighting: a high shelf then a high pass, as transposed direct form II biquads.
	private final double shelfB0;

	private final double shelfB1;

	private final double shelfB2;

	private final double shelfA1;

	private final double shelfA2;

	private final double passA1;

	private final double passA2;

	private final double[] state;

	private final double[] stepSums;

	private final double[] stepEnergies = new double[SHORT_TERM_STEPS];

	private final long[] stepLengths = new long[SHORT_TERM_STEPS];

	private final GatingHistogram blocks = new GatingHistogram();

	private final GatingHistogram shortTerms = new GatingHistogram();

	private final @Nullable StepListener listener;

	private long position;

	private long stepStart;

	private long stepEnd;

	private long steps;

	private double momentaryMax = Double.NEGATIVE_INFINITY;

	private double shortTermMax = Double.NEGATIVE_INFINITY;

	LoudnessMeter(int sampleRate, double[] weights) {
		this(sampleRate, weights, null);
	}

	LoudnessMeter(int sampleRate, double[] weights, @Nullable StepListener listener) {
		this.sampleRate = sampleRate;
		this.channels = weights.length;
		this.weights = weights.clone();
		this.listener = listener;
		// Coefficients for any sample rate from the analogue prototypes of BS.1770's filters,
		// as libebur128 derives them; at 48 kHz they equal the recommendation's table.
		double f0 = 1681.974450955533;
		double gain = 3.999843853973347;
		double q = 0.7071752369554196;
		double k = Math.tan(Math.PI * f0 / sampleRate);
		double vh = Math.pow(10.0, gain / 20.0);
		double vb = Math.pow(vh, 0.4996667741545416);
		double a0 = 1.0 + k / q + k * k;
		this.shelfB0 = (vh + vb * k / q + k * k) / a0;
		this.shelfB1 = 2.0 * (k * k - vh) / a0;
		this.shelfB2 = (vh - vb * k / q + k * k) / a0;
		this.shelfA1 = 2.0 * (k * k - 1.0) / a0;
		this.shelfA2 = (1.0 - k / q + k * k) / a0;
		f0 = 38.13547087602444;
		q = 0.5003270373238773;
		k = Math.tan(Math.PI * f0 / sampleRate);
		double passA0 = 1.0 + k / q + k * k;
		this.passA1 = 2.0 * (k * k - 1.0) / passA0;
		this.passA2 = (1.0 - k / q + k * k) / passA0;
		this.state = new double[this.channels * 4];
		this.stepSums = new double[this.channels];
		this.stepEnd = stepBoundary(1);
	}

	/**
	 * The BS.1770-4 weight of each channel: 0 for low-frequency effects, 1.41 for the
	 * surrounds, 1 for the others.
	 * @param channelKinds FFmpeg's {@code AV_CHAN_*} identity of each channel
	 * @return the weights, in channel order
	 */
	static double[] weightsFor(int[] channelKinds) {
		double[] weights = new double[channelKinds.length];
		for (int i = 0; i < channelKinds.length; i++) {
			weights[i] = switch (channelKinds[i]) {
				case avutil.AV_CHAN_LOW_FREQUENCY, avutil.AV_CHAN_LOW_FREQUENCY_2 -> 0.0;
				case avutil.AV_CHAN_BACK_LEFT, avutil.AV_CHAN_BACK_RIGHT, avutil.AV_CHAN_SIDE_LEFT,
						avutil.AV_CHAN_SIDE_RIGHT, avutil.AV_CHAN_SIDE_SURROUND_LEFT,
						avutil.AV_CHAN_SIDE_SURROUND_RIGHT ->
					1.41;
				default -> 1.0;
			};
		}
		return weights;
	}

	@Override
	public void accept(float[][] samples, int frames) {
		int offset = 0;
		while (offset < frames) {
			int until = (int) Math.min(frames, offset + (this.stepEnd - this.position));
			for (int channel = 0; channel < this.channels; channel++) {
				if (this.weights[channel] != 0.0) {
					this.stepSums[channel] += filter(channel, samples[channel], offset, until);
				}
			}
			this.position += until - offset;
			offset = until;
			if (this.position == this.stepEnd) {
				completeStep();
			}
		}
	}

	private double filter(int channel, float[] x, int from, int to) {
		int base = channel * 4;
		double s1 = this.state[base];
		double s2 = this.state[base + 1];
		double t1 = this.state[base + 2];
		double t2 = this.state[base + 3];
		double b0 = this.shelfB0;
		double b1 = this.shelfB1;
		double b2 = this.shelfB2;
		double a1 = this.shelfA1;
		double a2 = this.shelfA2;
		double c1 = this.passA1;
		double c2 = this.passA2;
		double sum = 0.0;
		for (int i = from; i < to; i++) {
			double in = x[i];
			double shelved = b0 * in + s1;
			s1 = b1 * in - a1 * shelved + s2;
			s2 = b2 * in - a2 * shelved;
			// The high pass has numerator 1, -2, 1.
			double passed = shelved + t1;
			t1 = -2.0 * shelved - c1 * passed + t2;
			t2 = shelved - c2 * passed;
			sum += passed * passed;
		}
		this.state[base] = s1;
		this.state[base + 1] = s2;
		this.state[base + 2] = t1;
		this.state[base + 3] = t2;
		return sum;
	}

	private void completeStep() {
		double energy = 0.0;
		for (int channel = 0; channel < this.channels; channel++) {
			energy += this.weights[channel] * this.stepSums[channel];
			this.stepSums[channel] = 0.0;
		}
		int slot = (int) (this.steps % SHORT_TERM_STEPS);
		this.stepEnergies[slot] = energy;
		this.stepLengths[slot] = this.stepEnd - this.stepStart;
		this.steps++;
		this.stepStart = this.stepEnd;
		this.stepEnd = stepBoundary(this.steps + 1);
		double momentary = Double.NaN;
		double shortTerm = Double.NaN;
		if (this.steps >= MOMENTARY_STEPS) {
			double meanSquare = windowMeanSquare(MOMENTARY_STEPS);
			momentary = loudness(meanSquare);
			this.blocks.add(meanSquare);
			this.momentaryMax = Math.max(this.momentaryMax, momentary);
		}
		if (this.steps >= SHORT_TERM_STEPS) {
			double meanSquare = windowMeanSquare(SHORT_TERM_STEPS);
			shortTerm = loudness(meanSquare);
			this.shortTerms.add(meanSquare);
			this.shortTermMax = Math.max(this.shortTermMax, shortTerm);
		}
		if (this.listener != null) {
			this.listener.step(this.steps, momentary, shortTerm);
		}
	}

	private double windowMeanSquare(int length) {
		double energy = 0.0;
		long samples = 0;
		for (int i = 0; i < length; i++) {
			int slot = (int) ((this.steps - 1 - i) % SHORT_TERM_STEPS);
			energy += this.stepEnergies[slot];
			samples += this.stepLengths[slot];
		}
		return energy / samples;
	}

	/**
	 * Step boundaries fall on whole samples even where a tenth of the rate is not whole.
	 */
	private long stepBoundary(long step) {
		return step * this.sampleRate / 10;
	}

	static double loudness(double meanSquare) {
		return -0.691 + 10.0 * Math.log10(meanSquare);
	}

	/**
	 * The integrated loudness: the 400 ms blocks above -70 LUFS, then those above the
	 * relative gate 10 LU below their mean.
	 * @return the loudness in LUFS, or {@code null} when no block passes the gates
	 */
	@Nullable Double integrated() {
		return this.blocks.gatedLoudness(-10.0);
	}

	/**
	 * The loudness range (EBU Tech 3342): the spread between the 10th and the 95th
	 * percentile of the short-term loudness, gated at -70 LUFS and 20 LU below the mean.
	 * @return the range in LU, or {@code null} when no short-term value passes the gates
	 */
	@Nullable Double loudnessRange() {
		return this.shortTerms.range(-20.0, 0.10, 0.95);
	}

	@Nullable Double momentaryMax() {
		return finiteOrNull(this.momentaryMax);
	}

	@Nullable Double shortTermMax() {
		return finiteOrNull(this.shortTermMax);
	}

	private static @Nullable Double finiteOrNull(double value) {
		return (Double.isFinite(value) && value > ABSOLUTE_GATE_LUFS) ? value : null;
	}

	/**
	 * Receives the momentary and short-term loudness after every 100 ms step; for tests.
	 */
	@FunctionalInterface
	interface StepListener {

		/**
		 * @param step the number of steps completed
		 * @param momentary the momentary loudness, NaN before 400 ms
		 * @param shortTerm the short-term loudness, NaN before 3 s
		 */
		void step(long step, double momentary, double shortTerm);

	}

}
