package com.notalabel.music.analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import com.notalabel.audio.engine.Measurements;
import com.notalabel.types.events.music.TrackProcessed.AnalysisSummary;

/**
 * A track's analysis as the artist reads it: the document behind {@code GET
 * /api/v1/tracks/{id}/analysis}, stored as JSON when processing succeeds. The audio
 * engine's measurements, rounded (levels to 0.01 dB, times to the millisecond), with what
 * is worth the artist's attention and a sentence for each ({@link AnalysisReport}). A
 * measurement is {@code null} when the audio does not allow it (silence has no loudness,
 * a drone no tempo), never when it is zero. Its JSON is a contract: stored documents are
 * read back as they were written, so components are added, never renamed or removed.
 *
 * @param analyzerVersion the version of the figures and words; a stored analysis older
 * than {@link #CURRENT_VERSION} can be recomputed
 * @param technical what the file is
 * @param loudness loudness and peaks
 * @param problems what a mastering engineer would flag
 * @param tempo the tempo, or {@code null}
 * @param key the musical key, or {@code null}
 * @param platforms what each streaming service's loudness normalisation will do
 * @param distribution whether the file meets the delivery requirements of the streaming
 * services
 */
public record TrackAnalysis(int analyzerVersion, Technical technical, Loudness loudness, Problems problems,
		@Nullable Tempo tempo, @Nullable Key key, List<PlatformPreview> platforms, Distribution distribution) {

	/**
	 * Raised whenever the figures or the words change: the engine's
	 * {@link Measurements#VERSION} plus {@link AnalysisReport#REVISION}, the document's
	 * own (rounding, thresholds, sentences). Both only ever rise, so their sum rises
	 * whenever either does.
	 */
	public static final int CURRENT_VERSION = Measurements.VERSION + AnalysisReport.REVISION;

	public TrackAnalysis {
		Objects.requireNonNull(technical, "technical");
		Objects.requireNonNull(loudness, "loudness");
		Objects.requireNonNull(problems, "problems");
		platforms = List.copyOf(platforms);
		Objects.requireNonNull(distribution, "distribution");
	}

	/**
	 * The document for what the audio engine measured.
	 * @param measurements the engine's measurements
	 * @return the analysis
	 */
	public static TrackAnalysis of(Measurements measurements) {
		return AnalysisReport.of(measurements);
	}

	/**
	 * The numbers {@code TrackProcessed} carries to the other services.
	 * @return the summary
	 */
	public AnalysisSummary summary() {
		return new AnalysisSummary(this.technical.durationSeconds(), this.technical.sampleRateHz(),
				this.technical.bitDepth(), this.technical.channels(), this.loudness.integratedLufs(),
				this.loudness.truePeakDbtp(), this.loudness.loudnessRangeLu(),
				(this.tempo != null) ? this.tempo.bpm() : null, (this.key != null) ? this.key.name() : null,
				this.distribution.ready());
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

	}

	/**
	 * Loudness per ITU-R BS.1770-4 / EBU R 128 and peaks.
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
	 * What a mastering engineer would flag.
	 *
	 * @param clipping clipped runs and overs
	 * @param dcOffsetPercent the mean of each channel, in percent of full scale
	 * @param silence silence at either end
	 * @param phase left against right, {@code null} for mono
	 * @param flags each problem worth the artist's attention, with a sentence
	 */
	public record Problems(Clipping clipping, List<Double> dcOffsetPercent, Silence silence, @Nullable Phase phase,
			List<Flag> flags) {

		public Problems {
			dcOffsetPercent = List.copyOf(dcOffsetPercent);
			flags = List.copyOf(flags);
		}

	}

	/**
	 * @param runs runs of three or more consecutive samples at full scale
	 * @param clippedSamples the samples in those runs
	 * @param samplesOverFullScale samples beyond full scale (floating point only), which
	 * clip when converted to integer
	 * @param firstRunsAtSeconds where the first runs start, at most twenty
	 */
	public record Clipping(long runs, long clippedSamples, long samplesOverFullScale, List<Double> firstRunsAtSeconds) {

		public Clipping {
			firstRunsAtSeconds = List.copyOf(firstRunsAtSeconds);
		}

	}

	/**
	 * @param leadingSeconds silence (below -60 dBFS) before the audio starts
	 * @param trailingSeconds silence after it ends
	 */
	public record Silence(double leadingSeconds, double trailingSeconds) {

	}

	/**
	 * Mono compatibility.
	 *
	 * @param correlation the correlation of left and right over the track, from -1 (out
	 * of phase) to 1 (mono)
	 * @param minimumCorrelation the lowest correlation of an audible 400 ms window, or
	 * {@code null} when no window is audible
	 * @param outOfPhasePercent the share of audible 400 ms windows with negative
	 * correlation
	 * @param monoLossDb how much quieter a mono fold-down is than the stereo mix, or
	 * {@code null} when it cancels out entirely
	 */
	public record Phase(double correlation, @Nullable Double minimumCorrelation, double outOfPhasePercent,
			@Nullable Double monoLossDb) {

	}

	/**
	 * A problem, for the artist.
	 *
	 * @param code a stable code: {@code clipping}, {@code over_full_scale},
	 * {@code dc_offset}, {@code leading_silence}, {@code trailing_silence},
	 * {@code phase}, {@code damaged_audio}
	 * @param message what it is and what to do, in a sentence or two
	 */
	public record Flag(String code, String message) {

	}

	/**
	 * @param bpm beats per minute, to 0.1
	 * @param confidence from 0 to 1
	 */
	public record Tempo(double bpm, double confidence) {

	}

	/**
	 * @param name such as {@code A minor} or {@code F# major}
	 * @param tonic such as {@code A}, {@code F#}, {@code Bb}
	 * @param mode {@code major} or {@code minor}
	 * @param camelot the Camelot wheel code DJs mix by, such as {@code 8A}
	 * @param confidence from 0 to 1
	 */
	public record Key(String name, String tonic, String mode, String camelot, double confidence) {

	}

	/**
	 * What one streaming service's loudness normalisation will do to the track.
	 *
	 * @param platform a stable code, such as {@code spotify}
	 * @param name the service's name
	 * @param targetLufs the loudness the service normalises to
	 * @param gainDb the gain it will apply, negative to turn down, or {@code null} when
	 * the track has no measurable loudness
	 * @param limitedByTruePeak whether the gain is less than the target asks because of
	 * the track's peaks
	 * @param message a sentence for the artist
	 */
	public record PlatformPreview(String platform, String name, double targetLufs, @Nullable Double gainDb,
			boolean limitedByTruePeak, String message) {

	}

	/**
	 * @param ready whether every required check passes
	 * @param checks every check, passed or not
	 */
	public record Distribution(boolean ready, List<Check> checks) {

		public Distribution {
			checks = List.copyOf(checks);
		}

	}

	/**
	 * @param code a stable code: {@code format}, {@code bit_depth}, {@code sample_rate},
	 * {@code channels}, {@code clipping}, {@code intact}, {@code true_peak}
	 * @param requirement what is required, such as {@code WAV or FLAC}
	 * @param passed whether the file meets it
	 * @param required whether failing it stops distribution; otherwise it is advice
	 * @param message what the file has and, when it fails, what to do
	 */
	public record Check(String code, String requirement, boolean passed, boolean required, String message) {

	}

}
