package com.notalabel.music.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.notalabel.audio.engine.AudioEngine;
import com.notalabel.audio.engine.Fixtures;
import com.notalabel.audio.engine.Fixtures.Format;
import com.notalabel.audio.engine.Measurements;
import com.notalabel.audio.engine.MusicSignals;
import com.notalabel.audio.engine.Signals;
import com.notalabel.audio.engine.WavWriter;
import com.notalabel.music.analysis.TrackAnalysis.Check;
import com.notalabel.music.analysis.TrackAnalysis.Flag;
import com.notalabel.types.events.music.TrackProcessed.AnalysisSummary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The analysis document made from the engine's measurements: the problems worth flagging,
 * distribution readiness, the summary for {@code TrackProcessed}, and the JSON it
 * becomes, which stays what it was before the engine became a module of its own.
 */
class TrackAnalysisTests {

	private static final int RATE = 44_100;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final AudioEngine engine = new AudioEngine();

	@TempDir
	Path directory;

	private TrackAnalysis analyze(Path file) {
		return TrackAnalysis.of(this.engine.analyze(file).measurements());
	}

	private Path write(String name, int bits, float[]... channels) throws IOException {
		Path file = this.directory.resolve(name + ".wav");
		WavWriter.write(file, RATE, bits, channels);
		return file;
	}

	private static float[] sine(double seconds, double amplitude, double frequency) {
		return Signals.sine(RATE, seconds, amplitude, frequency);
	}

	private static List<String> codes(TrackAnalysis analysis) {
		return analysis.problems().flags().stream().map(Flag::code).toList();
	}

	private static Check check(TrackAnalysis analysis, String code) {
		return analysis.distribution().checks().stream().filter((c) -> c.code().equals(code)).findFirst().orElseThrow();
	}

	@Test
	void aCleanMasterIsReadyForDistributionWithNothingToFlag() throws IOException {
		float[][] song = Signals.fadeEnds(MusicSignals.song(RATE, 12, Signals.amplitude(-2.0), new SplittableRandom(1)),
				RATE);
		TrackAnalysis analysis = analyze(write("clean", 24, song));
		assertThat(analysis.problems().flags()).isEmpty();
		assertThat(analysis.distribution().ready()).isTrue();
		assertThat(analysis.distribution().checks()).extracting(Check::code)
			.containsExactly("format", "bit_depth", "sample_rate", "channels", "clipping", "intact", "true_peak");
		assertThat(analysis.distribution().checks()).allSatisfy((check) -> assertThat(check.passed()).isTrue());
		assertThat(analysis.problems().phase().correlation()).isGreaterThan(0.5);
		assertThat(analysis.platforms()).hasSize(6);
		assertThat(analysis.analyzerVersion()).isEqualTo(TrackAnalysis.CURRENT_VERSION);
	}

	@Test
	void clippedRunsAreCountedLocatedAndStopDistribution() throws IOException {
		float[] quiet = sine(2.0, 0.3, 440);
		float[] clipped = sine(1.0, 1.4, 440);
		float[] track = new float[quiet.length + clipped.length];
		System.arraycopy(quiet, 0, track, 0, quiet.length);
		System.arraycopy(clipped, 0, track, quiet.length, clipped.length);
		TrackAnalysis analysis = analyze(write("clipped", 16, track, track.clone()));
		assertThat(analysis.problems().clipping().runs()).isEqualTo(2 * 880);
		assertThat(analysis.problems().clipping().firstRunsAtSeconds()).hasSize(20)
			.first()
			.satisfies((first) -> assertThat(first).isCloseTo(2.0, within(0.01)));
		assertThat(codes(analysis)).contains("clipping");
		assertThat(analysis.problems().flags().get(0).message()).startsWith("1760 clipped runs (")
			.contains("the first at 0:02.");
		assertThat(check(analysis, "clipping").passed()).isFalse();
		assertThat(analysis.distribution().ready()).isFalse();
	}

	@Test
	void aDcOffsetIsFlaggedOnItsChannel() throws IOException {
		float[] left = sine(2.0, 0.3, 440);
		float[] right = sine(2.0, 0.3, 440);
		for (int i = 0; i < right.length; i++) {
			right[i] += 0.02f;
		}
		TrackAnalysis analysis = analyze(write("dc", 24, left, right));
		assertThat(analysis.problems().dcOffsetPercent().get(1)).isCloseTo(2.0, within(0.01));
		assertThat(analysis.problems().dcOffsetPercent().get(0)).isCloseTo(0.0, within(0.01));
		assertThat(analysis.problems().flags()).filteredOn((flag) -> flag.code().equals("dc_offset"))
			.singleElement()
			.satisfies((flag) -> assertThat(flag.message()).startsWith("Channel 2 is offset from zero by 2.00%"));
	}

	@Test
	void silenceAtEitherEndIsMeasuredAndFlagged() throws IOException {
		float[] tone = Signals.fadeEnds(new float[][] { sine(5.0, 0.3, 440) }, RATE)[0];
		float[] track = new float[(3 + 5 + 6) * RATE];
		System.arraycopy(tone, 0, track, 3 * RATE, tone.length);
		TrackAnalysis analysis = analyze(write("silence", 16, track, track.clone()));
		assertThat(analysis.problems().silence().leadingSeconds()).isCloseTo(3.0, within(0.01));
		assertThat(analysis.problems().silence().trailingSeconds()).isCloseTo(6.0, within(0.01));
		assertThat(codes(analysis)).contains("leading_silence", "trailing_silence");
	}

	@Test
	void leftAndRightOutOfPhaseAreFlaggedForMonoPlayback() throws IOException {
		float[] left = sine(4.0, 0.3, 440);
		float[] right = left.clone();
		for (int i = 0; i < right.length; i++) {
			right[i] = -right[i];
		}
		TrackAnalysis analysis = analyze(write("phase", 16, left, right));
		assertThat(analysis.problems().phase().correlation()).isCloseTo(-1.0, within(0.001));
		assertThat(analysis.problems().phase().outOfPhasePercent()).isEqualTo(100.0);
		assertThat(analysis.problems().phase().monoLossDb()).isNull();
		assertThat(analysis.problems().flags()).filteredOn((flag) -> flag.code().equals("phase"))
			.singleElement()
			.satisfies((flag) -> assertThat(flag.message()).contains("cancel out entirely"));
	}

	@Test
	void uncorrelatedChannelsLoseThreeDecibelsInMonoWithoutAFlag() throws IOException {
		SplittableRandom random = new SplittableRandom(9);
		float[] left = new float[4 * RATE];
		float[] right = new float[4 * RATE];
		for (int i = 0; i < left.length; i++) {
			left[i] = (float) (0.1 * Signals.gaussian(random));
			right[i] = (float) (0.1 * Signals.gaussian(random));
		}
		TrackAnalysis analysis = analyze(write("wide", 24, left, right));
		assertThat(analysis.problems().phase().correlation()).isCloseTo(0.0, within(0.02));
		assertThat(analysis.problems().phase().monoLossDb()).isCloseTo(3.01, within(0.1));
		assertThat(codes(analysis)).doesNotContain("phase");
	}

	@Test
	void everyUnmetRequirementIsNamed() throws IOException {
		Path wav = Fixtures.sine(this.directory, "low", 22_050, 1, 16, 3.0, -0.5);
		TrackAnalysis lowRateMono = analyze(wav);
		assertThat(check(lowRateMono, "sample_rate").message())
			.isEqualTo("This file is 22.05 kHz. Export at 44.1 kHz or more.");
		assertThat(check(lowRateMono, "channels").message())
			.isEqualTo("This file is mono. Export it as stereo; two identical channels are fine.");
		assertThat(check(lowRateMono, "true_peak").passed()).isFalse();
		assertThat(check(lowRateMono, "true_peak").required()).isFalse();
		assertThat(lowRateMono.distribution().ready()).isFalse();

		Path stereo = Fixtures.sine(this.directory, "stereo", 44_100, 2, 16, 3.0, -20);
		TrackAnalysis mp3 = analyze(Fixtures.encode(stereo, Format.MP3, this.directory));
		assertThat(check(mp3, "format").message()).startsWith("This is MP3, a lossy format.");
		assertThat(check(mp3, "bit_depth").passed()).isFalse();
		TrackAnalysis aiff = analyze(Fixtures.encode(stereo, Format.AIFF_16, this.directory));
		assertThat(check(aiff, "format").message()).startsWith("AIFF is lossless, but distributors take WAV or FLAC.");
		TrackAnalysis flac = analyze(Fixtures.encode(stereo, Format.FLAC_24, this.directory));
		assertThat(flac.distribution().ready()).isTrue();

		Path floating = this.directory.resolve("float.wav");
		try (WavWriter writer = WavWriter.createFloat(floating, 48_000, 2)) {
			float[] tone = sine(2.0, 0.2, 440);
			writer.write(Signals.stereo(tone), tone.length);
		}
		TrackAnalysis floatWav = analyze(floating);
		assertThat(check(floatWav, "bit_depth").message())
			.isEqualTo("This file is 32-bit floating point. Export the master as 24-bit.");
	}

	@Test
	void damagedPacketsAreFlaggedAndStopDistribution() throws IOException {
		Measurements intact = this.engine.analyze(Fixtures.sine(this.directory, "tone", 44_100, 2, 24, 2.0, -12))
			.measurements();
		Measurements.Technical technical = intact.technical();
		Measurements damaged = new Measurements(
				new Measurements.Technical(technical.container(), technical.codec(), technical.lossless(),
						technical.sampleRateHz(), technical.bitDepth(), technical.floatingPoint(), technical.channels(),
						technical.channelLayout(), technical.durationSeconds(), technical.bitrateKbps(), 3),
				intact.loudness(), intact.problems(), intact.tempo(), intact.key());

		TrackAnalysis analysis = TrackAnalysis.of(damaged);

		assertThat(analysis.problems().flags()).filteredOn((flag) -> flag.code().equals("damaged_audio"))
			.singleElement()
			.satisfies((flag) -> assertThat(flag.message()).startsWith("3 damaged packets could not be decoded"));
		assertThat(check(analysis, "intact").passed()).isFalse();
		assertThat(analysis.distribution().ready()).isFalse();
	}

	@Test
	void theSummaryCarriesTheNumbersOtherServicesUse() throws IOException {
		float[][] song = Signals.fadeEnds(MusicSignals.song(RATE, 12, 0.8, new SplittableRandom(2)), RATE);
		TrackAnalysis analysis = analyze(write("song", 24, song));
		AnalysisSummary summary = analysis.summary();
		assertThat(summary.durationSeconds()).isEqualTo(12.0);
		assertThat(summary.sampleRateHz()).isEqualTo(RATE);
		assertThat(summary.bitDepth()).isEqualTo(24);
		assertThat(summary.channels()).isEqualTo(2);
		assertThat(summary.integratedLoudnessLufs()).isEqualTo(analysis.loudness().integratedLufs());
		assertThat(summary.truePeakDbtp()).isEqualTo(analysis.loudness().truePeakDbtp());
		assertThat(summary.loudnessRangeLu()).isEqualTo(analysis.loudness().loudnessRangeLu());
		assertThat(summary.tempoBpm()).isCloseTo(123.0, within(2.0));
		assertThat(summary.musicalKey()).isEqualTo("A minor");
		assertThat(summary.distributionReady()).isEqualTo(analysis.distribution().ready());
	}

	@Test
	void silenceHasNoLoudnessTempoOrKeyAndNothingToFlag() throws IOException {
		TrackAnalysis analysis = analyze(write("silence", 16, new float[10 * RATE], new float[10 * RATE]));
		assertThat(analysis.loudness().integratedLufs()).isNull();
		assertThat(analysis.loudness().truePeakDbtp()).isNull();
		assertThat(analysis.loudness().loudnessRangeLu()).isNull();
		assertThat(analysis.tempo()).isNull();
		assertThat(analysis.key()).isNull();
		assertThat(analysis.problems().silence().leadingSeconds()).isEqualTo(10.0);
		assertThat(analysis.problems().flags()).isEmpty();
		assertThat(analysis.platforms()).allSatisfy((preview) -> assertThat(preview.gainDb()).isNull());
	}

	@Test
	void theDocumentRoundTripsThroughJsonWithCamelCaseFields() throws IOException {
		float[][] song = Signals.fadeEnds(MusicSignals.song(RATE, 8, 0.9, new SplittableRandom(3)), RATE);
		TrackAnalysis analysis = analyze(write("json", 16, song));
		String json = JSON.writeValueAsString(analysis);
		JsonNode tree = JSON.readTree(json);
		assertThat(tree.propertyNames()).containsExactly("analyzerVersion", "technical", "loudness", "problems",
				"tempo", "key", "platforms", "distribution");
		assertThat(tree.get("technical").propertyNames()).containsExactly("container", "codec", "lossless",
				"sampleRateHz", "bitDepth", "floatingPoint", "channels", "channelLayout", "durationSeconds",
				"bitrateKbps", "damagedPackets");
		assertThat(tree.get("loudness").propertyNames()).containsExactly("integratedLufs", "momentaryMaxLufs",
				"shortTermMaxLufs", "loudnessRangeLu", "truePeakDbtp", "samplePeakDbfs", "truePeakPerChannelDbtp");
		assertThat(tree.get("key").get("camelot").asString()).isEqualTo("8A");
		assertThat(JSON.readValue(json, TrackAnalysis.class)).isEqualTo(analysis);
	}

	/**
	 * Documents written by music-service before the engine became a module
	 * ({@code src/test/resources/analysis}, one per kind of input): the same audio makes
	 * the same bytes, and a stored document reads back unchanged.
	 */
	@Nested
	class AsStoredBeforeTheEngineMoved {

		static Stream<String> documents() {
			return Stream.of("clean", "clipped", "dc-offset", "silence-at-the-ends", "out-of-phase", "low-rate-mono",
					"quiet", "mp3", "aiff", "float", "silence", "surround");
		}

		@ParameterizedTest
		@MethodSource("documents")
		void theSameAudioMakesTheSameBytes(String name) throws IOException {
			TrackAnalysis analysis = analyze(audio(name));

			assertThat(JSON.writeValueAsString(analysis)).isEqualTo(stored(name));
		}

		@ParameterizedTest
		@MethodSource("documents")
		void aStoredDocumentReadsBackUnchanged(String name) {
			String stored = stored(name);

			TrackAnalysis read = JSON.readValue(stored, TrackAnalysis.class);

			assertThat(JSON.writeValueAsString(read)).isEqualTo(stored);
			assertThat(read.analyzerVersion()).isEqualTo(TrackAnalysis.CURRENT_VERSION);
		}

		/** The inputs the stored documents were made from, as generated then. */
		private Path audio(String name) throws IOException {
			Path in = TrackAnalysisTests.this.directory;
			return switch (name) {
				case "clean" -> write(name, 24, Signals
					.fadeEnds(MusicSignals.song(RATE, 12, Signals.amplitude(-2.0), new SplittableRandom(1)), RATE));
				case "clipped" -> {
					float[] quiet = sine(2.0, 0.3, 440);
					float[] clipped = sine(1.0, 1.4, 440);
					float[] track = new float[quiet.length + clipped.length];
					System.arraycopy(quiet, 0, track, 0, quiet.length);
					System.arraycopy(clipped, 0, track, quiet.length, clipped.length);
					yield write(name, 16, track, track.clone());
				}
				case "dc-offset" -> {
					float[] right = sine(2.0, 0.3, 440);
					for (int i = 0; i < right.length; i++) {
						right[i] += 0.02f;
					}
					yield write(name, 24, sine(2.0, 0.3, 440), right);
				}
				case "silence-at-the-ends" -> {
					float[] tone = Signals.fadeEnds(new float[][] { sine(5.0, 0.3, 440) }, RATE)[0];
					float[] padded = new float[(3 + 5 + 6) * RATE];
					System.arraycopy(tone, 0, padded, 3 * RATE, tone.length);
					yield write(name, 16, padded, padded.clone());
				}
				case "out-of-phase" -> {
					float[] left = sine(4.0, 0.3, 440);
					float[] right = left.clone();
					for (int i = 0; i < right.length; i++) {
						right[i] = -right[i];
					}
					yield write(name, 16, left, right);
				}
				case "low-rate-mono" -> Fixtures.sine(in, "low", 22_050, 1, 16, 3.0, -0.5);
				case "quiet" -> Fixtures.sine(in, "stereo", 44_100, 2, 16, 3.0, -20);
				case "mp3" -> Fixtures.encode(Fixtures.sine(in, "stereo", 44_100, 2, 16, 3.0, -20), Format.MP3, in);
				case "aiff" ->
					Fixtures.encode(Fixtures.sine(in, "stereo", 44_100, 2, 16, 3.0, -20), Format.AIFF_16, in);
				case "float" -> {
					Path floating = in.resolve("float.wav");
					try (WavWriter writer = WavWriter.createFloat(floating, 48_000, 2)) {
						float[] tone = sine(2.0, 0.2, 440);
						writer.write(Signals.stereo(tone), tone.length);
					}
					yield floating;
				}
				case "silence" -> write(name, 16, new float[10 * RATE], new float[10 * RATE]);
				case "surround" -> Fixtures.sine(in, "surround", 48_000, 6, 24, 2.0, -12);
				default -> throw new IllegalArgumentException(name);
			};
		}

		private static String stored(String name) {
			try (InputStream in = TrackAnalysisTests.class.getResourceAsStream("/analysis/" + name + ".json")) {
				assertThat(in).as(name).isNotNull();
				return new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}
