package com.notalabel.audio.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Test signals, generated: EBU test sequences, click tracks, drum patterns, chord
 * progressions, noise. Long signals are produced block by block straight into a WAV file.
 */
public final class Signals {

	private static final int BLOCK = 1 << 15;

	private Signals() {
	}

	/** Produces the samples of a signal at any position, for block-wise writing. */
	@FunctionalInterface
	interface Source {

		void fill(float[][] out, long offset, int frames);

	}

	static void write(Path file, int sampleRate, int bits, int channels, long frames, Source source)
			throws IOException {
		try (WavWriter writer = WavWriter.create(file, sampleRate, channels, bits)) {
			write(writer, channels, frames, source);
		}
	}

	static void write(WavWriter writer, int channels, long frames, Source source) throws IOException {
		float[][] block = new float[channels][BLOCK];
		for (long offset = 0; offset < frames; offset += BLOCK) {
			int n = (int) Math.min(BLOCK, frames - offset);
			source.fill(block, offset, n);
			writer.write(block, n);
		}
	}

	/** A sine wave of a fixed amplitude (1.0 is full scale), one channel. */
	public static float[] sine(int rate, double seconds, double amplitude, double frequency) {
		float[] x = new float[(int) (seconds * rate)];
		for (int i = 0; i < x.length; i++) {
			x[i] = (float) (amplitude * Math.sin(2 * Math.PI * frequency * i / rate));
		}
		return x;
	}

	public static double amplitude(double dbfs) {
		return Math.pow(10.0, dbfs / 20.0);
	}

	/** One segment of an EBU sequence: a level held for a time. */
	record Segment(double seconds, double dbfs) {

	}

	/**
	 * A 1 kHz sine in every channel whose level steps through segments, as EBU Tech 3341
	 * and 3342 define their sequences.
	 * @param sampleRate the rate
	 * @param channelDbfsOffsets the level of each channel relative to the segment's
	 * @param segments the levels in turn
	 * @return the source and, through {@link #frames}, its length
	 */
	static Source steppedSine(int sampleRate, double frequency, double[] channelDbfsOffsets, Segment... segments) {
		long[] ends = new long[segments.length];
		double[] amplitudes = new double[segments.length];
		long end = 0;
		for (int i = 0; i < segments.length; i++) {
			end += Math.round(segments[i].seconds() * sampleRate);
			ends[i] = end;
			amplitudes[i] = amplitude(segments[i].dbfs());
		}
		double[] offsets = new double[channelDbfsOffsets.length];
		for (int c = 0; c < offsets.length; c++) {
			offsets[c] = amplitude(channelDbfsOffsets[c]);
		}
		// One second of the sine, looked up: whole-hertz tones repeat every second.
		float[] second = new float[sampleRate];
		for (int n = 0; n < sampleRate; n++) {
			second[n] = (float) Math.sin(2.0 * Math.PI * frequency * n / sampleRate);
		}
		return (out, offset, frames) -> {
			int segment = 0;
			for (int i = 0; i < frames; i++) {
				long n = offset + i;
				while (segment < ends.length - 1 && n >= ends[segment]) {
					segment++;
				}
				double value = (n < ends[ends.length - 1]) ? amplitudes[segment] * second[(int) (n % sampleRate)] : 0.0;
				for (int c = 0; c < out.length; c++) {
					out[c][i] = (float) (value * offsets[c]);
				}
			}
		};
	}

	static long frames(int sampleRate, Segment... segments) {
		long total = 0;
		for (Segment segment : segments) {
			total += Math.round(segment.seconds() * sampleRate);
		}
		return total;
	}

	/**
	 * A sine at a fraction of the sample rate with a starting phase, as in Tech 3341
	 * cases 15-19. It fades in and out over a tenth of a second: a sine switched on
	 * abruptly has a true peak of its own at the switch, up to 1 dB above the sine's.
	 */
	static Source sineAtFractionOfRate(int sampleRate, long frames, int divisor, double phaseDegrees, double peak) {
		double phase = Math.toRadians(phaseDegrees);
		double fade = sampleRate / 10.0;
		return (out, offset, count) -> {
			for (int i = 0; i < count; i++) {
				long position = offset + i;
				long n = position % divisor;
				double edge = Math.min(position, frames - 1 - position);
				double gain = (edge >= fade) ? 1.0 : 0.5 - 0.5 * Math.cos(Math.PI * Math.max(0, edge) / fade);
				float value = (float) (gain * peak * Math.sin(2.0 * Math.PI * n / divisor + phase));
				for (float[] channel : out) {
					channel[i] = value;
				}
			}
		};
	}

	// Percussion and tones for tempo and key signals.

	static float[] kick(int rate) {
		int n = (int) (0.3 * rate);
		float[] out = new float[n];
		double phase = 0.0;
		for (int i = 0; i < n; i++) {
			double t = (double) i / rate;
			double f = 50 + 100 * Math.exp(-t / 0.03);
			phase += 2 * Math.PI * f / rate;
			out[i] = (float) (Math.sin(phase) * Math.exp(-t / 0.12));
		}
		return out;
	}

	static float[] snare(int rate, SplittableRandom random) {
		int n = (int) (0.2 * rate);
		float[] out = new float[n];
		for (int i = 0; i < n; i++) {
			double t = (double) i / rate;
			out[i] = (float) (0.6 * gaussian(random) * Math.exp(-t / 0.05)
					+ 0.4 * Math.sin(2 * Math.PI * 190 * t) * Math.exp(-t / 0.04));
		}
		return out;
	}

	static float[] hat(int rate, SplittableRandom random) {
		int n = (int) (0.06 * rate);
		float[] out = new float[n];
		double previous = 0.0;
		for (int i = 0; i < n; i++) {
			double t = (double) i / rate;
			double white = gaussian(random);
			out[i] = (float) (0.5 * (white - previous) * Math.exp(-t / 0.015));
			previous = white;
		}
		return out;
	}

	static float[] click(int rate) {
		int n = (int) (0.05 * rate);
		float[] out = new float[n];
		for (int i = 0; i < n; i++) {
			double t = (double) i / rate;
			out[i] = (float) (Math.sin(2 * Math.PI * 1000 * t) * Math.exp(-t / 0.01));
		}
		return out;
	}

	static void place(float[] track, float[] sound, double position, double gain) {
		int start = (int) Math.round(position);
		for (int i = 0; i < sound.length && start + i < track.length; i++) {
			if (start + i >= 0) {
				track[start + i] += (float) (gain * sound[i]);
			}
		}
	}

	public static double gaussian(SplittableRandom random) {
		double u = 1.0 - random.nextDouble();
		double v = random.nextDouble();
		return Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2.0 * Math.PI * v);
	}

	/** Adds white noise at a signal-to-noise ratio, in place. */
	static void addNoise(float[] track, double snrDb, SplittableRandom random) {
		double power = 0.0;
		for (float v : track) {
			power += v * v;
		}
		power /= track.length;
		double sigma = Math.sqrt(power / Math.pow(10.0, snrDb / 10.0));
		for (int i = 0; i < track.length; i++) {
			track[i] += (float) (sigma * gaussian(random));
		}
	}

	static void normalise(float[] track, double peak) {
		float max = 0.0f;
		for (float v : track) {
			max = Math.max(max, Math.abs(v));
		}
		if (max > 0.0f) {
			float gain = (float) (peak / max);
			for (int i = 0; i < track.length; i++) {
				track[i] *= gain;
			}
		}
	}

	/**
	 * A gain that ramps between 0 and 1 over 10 ms, as a musical signal starts and stops.
	 * @param on whether the signal is on at each sample
	 * @param rate the sample rate
	 * @return the smooth gain
	 */
	static float[] smoothGate(boolean[] on, int rate) {
		float[] gain = new float[on.length];
		double step = 1.0 / (0.01 * rate);
		double level = 0.0;
		for (int i = 0; i < on.length; i++) {
			level = on[i] ? Math.min(1.0, level + step) : Math.max(0.0, level - step);
			gain[i] = (float) (0.5 - 0.5 * Math.cos(Math.PI * level));
		}
		return gain;
	}

	/** Fades every channel in and out over 10 ms, in place. */
	public static float[][] fadeEnds(float[][] channels, int rate) {
		for (float[] channel : channels) {
			boolean[] on = new boolean[channel.length];
			Arrays.fill(on, 0, Math.max(0, channel.length - (int) (0.01 * rate) - 1), true);
			float[] gain = smoothGate(on, rate);
			for (int i = 0; i < channel.length; i++) {
				channel[i] *= gain[i];
			}
		}
		return channels;
	}

	public static float[][] stereo(float[] mono) {
		return new float[][] { mono, mono.clone() };
	}

}
