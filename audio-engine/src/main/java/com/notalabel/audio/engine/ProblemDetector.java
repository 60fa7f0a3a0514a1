package com.notalabel.audio.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.bytedeco.ffmpeg.global.avutil;

/**
 * What a mastering engineer would flag, streamed: runs of clipped samples, samples beyond
 * full scale, DC offset, silence at either end, and the correlation between left and
 * right overall and per 400 ms window.
 */
final class ProblemDetector implements SampleSink {

	/** Consecutive samples at full scale that count as a clipped run. */
	static final int MIN_CLIPPED_RUN = Measurements.Problems.MIN_CLIPPED_RUN;

	/** Audio below this sample level (-60 dBFS) counts as silence. */
	static final float SILENCE_LEVEL = 0.001f;

	/** A window counts as out of phase below this correlation. */
	static final double OUT_OF_PHASE_CORRELATION = Measurements.Phase.OUT_OF_PHASE_CORRELATION;

	/** Windows quieter than this (-50 dBFS mean square) say nothing about phase. */
	private static final double PHASE_WINDOW_FLOOR = 1e-5;

	/** Clipped runs whose time is kept. */
	static final int KEPT_CLIP_TIMES = Measurements.Problems.KEPT_CLIP_TIMES;

	private final int sampleRate;

	private final int channels;

	private final float clipLevel;

	private final int left;

	private final int right;

	private final int phaseWindow;

	private final double[] sums;

	private final int[] runLengths;

	private final int[] runSigns;

	private long clippedRuns;

	private long clippedSamples;

	private long overs;

	private final long[] clipTimes = new long[KEPT_CLIP_TIMES];

	private int clipTimesKept;

	private long position;

	private long firstAudible = -1;

	private long lastAudible = -1;

	private double productSum;

	private double leftSquares;

	private double rightSquares;

	private double windowProduct;

	private double windowLeft;

	private double windowRight;

	private int windowFill;

	private long phaseWindows;

	private long negativeWindows;

	private double minimumWindowCorrelation = Double.NaN;

	/**
	 * @param sampleRate the sample rate
	 * @param channelKinds FFmpeg's {@code AV_CHAN_*} identity of each channel
	 * @param bitDepth the bits per integer sample, or 0 for floating point and lossy
	 * codecs, whose full scale is not a sample value
	 */
	ProblemDetector(int sampleRate, int[] channelKinds, int bitDepth) {
		this.sampleRate = sampleRate;
		this.channels = channelKinds.length;
		// One and a half steps below full scale: the largest sample value counts, the next
		// one down does not. Floats carry 24 bits, which bounds the step.
		int bits = (bitDepth > 0) ? Math.min(bitDepth, 24) : 24;
		this.clipLevel = (float) (1.0 - 1.5 / (1L << (bits - 1)));
		int foundLeft = -1;
		int foundRight = -1;
		for (int i = 0; i < channelKinds.length; i++) {
			if (channelKinds[i] == avutil.AV_CHAN_FRONT_LEFT && foundLeft < 0) {
				foundLeft = i;
			}
			if (channelKinds[i] == avutil.AV_CHAN_FRONT_RIGHT && foundRight < 0) {
				foundRight = i;
			}
		}
		if ((foundLeft < 0 || foundRight < 0) && this.channels >= 2) {
			foundLeft = 0;
			foundRight = 1;
		}
		this.left = foundLeft;
		this.right = foundRight;
		this.phaseWindow = Math.max(1, sampleRate * 4 / 10);
		this.sums = new double[this.channels];
		this.runLengths = new int[this.channels];
		this.runSigns = new int[this.channels];
	}

	@Override
	public void accept(float[][] samples, int frames) {
		for (int channel = 0; channel < this.channels; channel++) {
			float[] x = samples[channel];
			this.sums[channel] += sum(x, frames);
			float peak = TruePeakMeter.absMax(x, 0, frames);
			if (peak >= this.clipLevel) {
				clipping(channel, x, frames);
			}
			else {
				endRun(channel);
			}
			if (peak > SILENCE_LEVEL) {
				if (this.firstAudible < 0 || this.position + frames - 1 > this.lastAudible) {
					audibleSpan(x, frames);
				}
			}
		}
		if (this.left >= 0) {
			phase(samples[this.left], samples[this.right], frames);
		}
		this.position += frames;
	}

	private static double sum(float[] x, int n) {
		double total = 0.0;
		for (int i = 0; i < n; i++) {
			total += x[i];
		}
		return total;
	}

	private void clipping(int channel, float[] x, int n) {
		float level = this.clipLevel;
		int length = this.runLengths[channel];
		int sign = this.runSigns[channel];
		for (int i = 0; i < n; i++) {
			float v = x[i];
			if (v > 1.0f || v < -1.0f) {
				this.overs++;
			}
			int s = (v >= level) ? 1 : ((v <= -level) ? -1 : 0);
			if (s != 0 && s == sign) {
				length++;
				if (length == MIN_CLIPPED_RUN) {
					this.clippedRuns++;
					this.clippedSamples += MIN_CLIPPED_RUN;
					if (this.clipTimesKept < KEPT_CLIP_TIMES) {
						this.clipTimes[this.clipTimesKept++] = this.position + i - (MIN_CLIPPED_RUN - 1);
					}
				}
				else if (length > MIN_CLIPPED_RUN) {
					this.clippedSamples++;
				}
			}
			else {
				length = (s != 0) ? 1 : 0;
				sign = s;
			}
		}
		this.runLengths[channel] = length;
		this.runSigns[channel] = sign;
	}

	private void endRun(int channel) {
		this.runLengths[channel] = 0;
		this.runSigns[channel] = 0;
	}

	private void audibleSpan(float[] x, int n) {
		if (this.firstAudible < 0 || this.firstAudible >= this.position) {
			for (int i = 0; i < n; i++) {
				if (Math.abs(x[i]) > SILENCE_LEVEL) {
					long at = this.position + i;
					if (this.firstAudible < 0 || at < this.firstAudible) {
						this.firstAudible = at;
					}
					break;
				}
			}
		}
		for (int i = n - 1; i >= 0; i--) {
			if (Math.abs(x[i]) > SILENCE_LEVEL) {
				this.lastAudible = Math.max(this.lastAudible, this.position + i);
				break;
			}
		}
	}

	private void phase(float[] l, float[] r, int n) {
		int offset = 0;
		while (offset < n) {
			int until = Math.min(n, offset + (this.phaseWindow - this.windowFill));
			double product = 0.0;
			double ll = 0.0;
			double rr = 0.0;
			for (int i = offset; i < until; i++) {
				double a = l[i];
				double b = r[i];
				product += a * b;
				ll += a * a;
				rr += b * b;
			}
			this.windowProduct += product;
			this.windowLeft += ll;
			this.windowRight += rr;
			this.windowFill += until - offset;
			offset = until;
			if (this.windowFill == this.phaseWindow) {
				completePhaseWindow();
			}
		}
	}

	private void completePhaseWindow() {
		this.productSum += this.windowProduct;
		this.leftSquares += this.windowLeft;
		this.rightSquares += this.windowRight;
		double floor = PHASE_WINDOW_FLOOR * this.phaseWindow;
		if (this.windowLeft > floor && this.windowRight > floor) {
			double correlation = this.windowProduct / Math.sqrt(this.windowLeft * this.windowRight);
			this.phaseWindows++;
			if (correlation < OUT_OF_PHASE_CORRELATION) {
				this.negativeWindows++;
			}
			if (Double.isNaN(this.minimumWindowCorrelation) || correlation < this.minimumWindowCorrelation) {
				this.minimumWindowCorrelation = correlation;
			}
		}
		this.windowProduct = 0.0;
		this.windowLeft = 0.0;
		this.windowRight = 0.0;
		this.windowFill = 0;
	}

	/**
	 * Ends the stream: open runs and the last partial window count.
	 * @return what was found
	 */
	Measurements.Problems finish() {
		if (this.windowFill > 0) {
			this.productSum += this.windowProduct;
			this.leftSquares += this.windowLeft;
			this.rightSquares += this.windowRight;
		}
		List<Double> dc = new ArrayList<>(this.channels);
		for (int channel = 0; channel < this.channels; channel++) {
			dc.add((this.position > 0) ? this.sums[channel] / this.position : 0.0);
		}
		double rate = this.sampleRate;
		double[] clipSeconds = new double[this.clipTimesKept];
		for (int i = 0; i < this.clipTimesKept; i++) {
			clipSeconds[i] = this.clipTimes[i] / rate;
		}
		Arrays.sort(clipSeconds);
		double leading;
		double trailing;
		if (this.firstAudible < 0) {
			leading = this.position / rate;
			trailing = this.position / rate;
		}
		else {
			leading = this.firstAudible / rate;
			trailing = (this.position - 1 - this.lastAudible) / rate;
		}
		Measurements.Phase phase = null;
		if (this.left >= 0 && this.leftSquares > 0 && this.rightSquares > 0) {
			double correlation = this.productSum / Math.sqrt(this.leftSquares * this.rightSquares);
			Double minimum = Double.isNaN(this.minimumWindowCorrelation) ? null : this.minimumWindowCorrelation;
			Double negativeShare = (this.phaseWindows > 0) ? (double) this.negativeWindows / this.phaseWindows : null;
			// Mono = (L + R) / 2 against the mean power of L and R, in dB.
			double mono = (this.leftSquares + this.rightSquares + 2.0 * this.productSum) / 2.0;
			double stereo = this.leftSquares + this.rightSquares;
			// Beyond 60 dB the fold-down is silence plus rounding: it cancels entirely.
			double monoLossDb = (mono > 1e-6 * stereo) ? -10.0 * Math.log10(mono / stereo) : Double.POSITIVE_INFINITY;
			phase = new Measurements.Phase(correlation, minimum, negativeShare, monoLossDb);
		}
		return new Measurements.Problems(this.clippedRuns, this.clippedSamples, this.overs,
				Arrays.stream(clipSeconds).boxed().toList(), dc, leading, trailing, phase);
	}

}
