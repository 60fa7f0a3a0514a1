package com.notalabel.audio.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What the engine measured in a track, at full precision: numbers, flags and enums, no
 * judgement and no words. Deciding what is worth telling the artist, rounding for display
 * and the sentences belong to the application that reads these. A measurement is
 * {@code null} when the audio does not allow it (silence has no loudness, a drone no
 * tempo), never when it is zero.
 *
 * @param technical what the file is
 * @param loudness loudness and peaks
 * @param problems what a mastering engineer would look at
 * @param tempo the tempo, or {@code null}
 * @param key the musical key, or {@code null}
 */
public record Measurements(Technical technical, Loudness loudness, Problems problems, @Nullable Tempo tempo,
		@Nullable Key key) {

	/**
	 * Raised whenever a change to the engine changes its figures, so that what was
	 * derived from older figures can be recomputed.
	 */
	public static final int VERSION = 1;

	public Measurements {
		Objects.requireNonNull(technical, "technical");
		Objects.requireNonNull(loudness, "loudness");
		Objects.requireNonNull(problems, "problems");
	}

	/**
	 * What the file is.
	 *
	 * @param container {@code wav}, {@code aiff}, {@code flac}, {@code mp3}, {@code mp4}
	 * (M4A), {@code aac} (ADTS) or {@code ogg}
	 * @param codec FFmpeg's codec name, such as {@code pcm_s24le}, {@code flac},
	 * {@code aac}
	 * @param lossless whether the codec keeps every sample exactly
	 * @param sampleRateHz the sample rate
	 * @param bitDepth bits per sample of a lossless codec, {@code null} for a lossy one
	 * @param floatingPoint whether samples are stored as floating point
	 * @param channels the number of channels
	 * @param channelLayout the layout, such as {@code mono}, {@code stereo}, {@code 5.1}
	 * @param durationSeconds the duration of the decoded audio
	 * @param bitrateKbps the bit rate of the audio, or {@code null} when the file does
	 * not tell
	 * @param damagedPackets packets that could not be decoded and were skipped
	 */
	public record Technical(String container, String codec, boolean lossless, int sampleRateHz,
			@Nullable Integer bitDepth, boolean floatingPoint, int channels, String channelLayout,
			double durationSeconds, @Nullable Integer bitrateKbps, long damagedPackets) {

		public Technical {
			Objects.requireNonNull(container, "container");
			Objects.requireNonNull(codec, "codec");
			Objects.requireNonNull(channelLayout, "channelLayout");
		}

	}

	/**
	 * Loudness per ITU-R BS.1770-4 / EBU R 128 and peaks; each level is {@code null} when
	 * the audio is too quiet to have one.
	 *
	 * @param integratedLufs integrated, gated loudness
	 * @param momentaryMaxLufs the loudest 400 ms
	 * @param shortTermMaxLufs the loudest 3 s
	 * @param loudnessRangeLu loudness range per EBU Tech 3342
	 * @param truePeakDbtp the highest true peak of any channel, oversampled per BS.1770
	 * Annex 2
	 * @param samplePeakDbfs the highest sample of any channel
	 * @param truePeakPerChannelDbtp the true peak of each channel, {@code null} for a
	 * silent one
	 */
	public record Loudness(@Nullable Double integratedLufs, @Nullable Double momentaryMaxLufs,
			@Nullable Double shortTermMaxLufs, @Nullable Double loudnessRangeLu, @Nullable Double truePeakDbtp,
			@Nullable Double samplePeakDbfs, List<@Nullable Double> truePeakPerChannelDbtp) {

		public Loudness {
			truePeakPerChannelDbtp = Collections.unmodifiableList(new ArrayList<>(truePeakPerChannelDbtp));
		}

	}

	/**
	 * Clipping, DC offset, silence at either end and phase.
	 *
	 * @param clippedRuns runs of {@value #MIN_CLIPPED_RUN} or more consecutive samples at
	 * full scale
	 * @param clippedSamples the samples in those runs
	 * @param samplesOverFullScale samples beyond full scale (floating point only), which
	 * clip when converted to integer
	 * @param firstClipsAtSeconds where the first clipped runs start, in order, at most
	 * {@value #KEPT_CLIP_TIMES}
	 * @param dcOffsets the mean of each channel, full scale at 1
	 * @param leadingSilenceSeconds silence (below -60 dBFS) before the first audible
	 * sample; the whole duration when nothing is audible
	 * @param trailingSilenceSeconds silence after the last audible sample
	 * @param phase left against right, {@code null} without two front channels or when
	 * one of them is silent
	 */
	public record Problems(long clippedRuns, long clippedSamples, long samplesOverFullScale,
			List<Double> firstClipsAtSeconds, List<Double> dcOffsets, double leadingSilenceSeconds,
			double trailingSilenceSeconds, @Nullable Phase phase) {

		/** Consecutive samples at full scale that count as a clipped run. */
		public static final int MIN_CLIPPED_RUN = 3;

		/** Clipped runs whose time is kept. */
		public static final int KEPT_CLIP_TIMES = 20;

		public Problems {
			firstClipsAtSeconds = List.copyOf(firstClipsAtSeconds);
			dcOffsets = List.copyOf(dcOffsets);
		}

	}

	/**
	 * Mono compatibility.
	 *
	 * @param correlation the correlation of left and right over the track, from -1 (out
	 * of phase) to 1 (mono)
	 * @param minimumWindowCorrelation the lowest correlation of an audible 400 ms window,
	 * or {@code null} when no window is audible
	 * @param outOfPhaseWindowShare the share of audible 400 ms windows whose correlation
	 * is below {@link #OUT_OF_PHASE_CORRELATION}, from 0 to 1, or {@code null} when no
	 * window is audible
	 * @param monoLossDb how much quieter a mono fold-down is than the stereo mix, in dB;
	 * {@link Double#POSITIVE_INFINITY} when it cancels out entirely
	 */
	public record Phase(double correlation, @Nullable Double minimumWindowCorrelation,
			@Nullable Double outOfPhaseWindowShare, double monoLossDb) {

		/**
		 * A window counts as out of phase below this correlation: uncorrelated material
		 * (wide reverbs, noise) wanders a little either side of zero without cancelling
		 * in mono.
		 */
		public static final double OUT_OF_PHASE_CORRELATION = -0.25;

	}

	/**
	 * @param bpm beats per minute, 50 to 220
	 * @param confidence the share of the onset envelope's energy that repeats at the
	 * beat, from 0 to 1
	 */
	public record Tempo(double bpm, double confidence) {

	}

	/**
	 * @param tonic the pitch class of the tonic, 0 for C to 11 for B
	 * @param mode major or minor
	 * @param confidence the correlation of the audio's pitch classes with the key's
	 * profile, from 0 to 1
	 */
	public record Key(int tonic, Mode mode, double confidence) {

		public Key {
			if (tonic < 0 || tonic > 11) {
				throw new IllegalArgumentException("Not a pitch class: " + tonic);
			}
			Objects.requireNonNull(mode, "mode");
		}

	}

	/**
	 * The mode of a key.
	 */
	public enum Mode {

		MAJOR, MINOR

	}

}
