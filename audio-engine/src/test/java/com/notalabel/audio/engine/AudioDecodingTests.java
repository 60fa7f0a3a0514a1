package com.notalabel.audio.engine;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.notalabel.audio.engine.Fixtures.Format;
import com.notalabel.audio.engine.Measurements.Technical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Every accepted format, sample rate and channel layout decodes to the audio it holds.
 */
class AudioDecodingTests {

	private final AudioEngine engine = new AudioEngine();

	@TempDir
	Path directory;

	@ParameterizedTest
	@ValueSource(ints = { 16, 24, 32 })
	void readsIntegerWavAtEveryBitDepth(int bits) throws IOException {
		Path file = Fixtures.sine(this.directory, "int" + bits, 48_000, 2, bits, 3.0, -23.0);
		Measurements analysis = this.engine.analyze(file).measurements();
		Technical technical = analysis.technical();
		assertThat(technical.container()).isEqualTo("wav");
		assertThat(technical.codec()).isEqualTo("pcm_s" + bits + "le");
		assertThat(technical.bitDepth()).isEqualTo(bits);
		assertThat(technical.floatingPoint()).isFalse();
		assertThat(technical.lossless()).isTrue();
		assertThat(technical.durationSeconds()).isEqualTo(3.0);
		assertThat(technical.bitrateKbps()).isEqualTo(48 * 2 * bits);
		assertThat(analysis.loudness().integratedLufs()).isCloseTo(-23.0, within(0.05));
	}

	@Test
	void readsFloatingPointWavIncludingSamplesBeyondFullScale() throws IOException {
		Path file = this.directory.resolve("float.wav");
		float[] samples = new float[48_000];
		for (int i = 0; i < samples.length; i++) {
			samples[i] = (float) (1.5 * Math.sin(2 * Math.PI * 1000 * i / 48_000.0));
		}
		try (WavWriter writer = WavWriter.createFloat(file, 48_000, 2)) {
			writer.write(Signals.stereo(samples), samples.length);
		}
		Measurements analysis = this.engine.analyze(file).measurements();
		assertThat(analysis.technical().codec()).isEqualTo("pcm_f32le");
		assertThat(analysis.technical().bitDepth()).isEqualTo(32);
		assertThat(analysis.technical().floatingPoint()).isTrue();
		assertThat(analysis.loudness().samplePeakDbfs()).isCloseTo(20 * Math.log10(1.5), within(0.01));
		assertThat(analysis.problems().samplesOverFullScale()).isGreaterThan(10_000);
	}

	@ParameterizedTest
	@ValueSource(ints = { 8_000, 11_025, 16_000, 22_050, 32_000, 44_100, 48_000, 88_200, 96_000, 176_400, 192_000 })
	void readsEverySampleRateFrom8To192Kilohertz(int rate) throws IOException {
		Path file = Fixtures.sine(this.directory, "rate" + rate, rate, 2, 24, 2.0, -23.0);
		Measurements analysis = this.engine.analyze(file).measurements();
		assertThat(analysis.technical().sampleRateHz()).isEqualTo(rate);
		assertThat(analysis.technical().durationSeconds()).isEqualTo(2.0);
		assertThat(analysis.loudness().integratedLufs()).isCloseTo(-23.0, within(0.1));
		assertThat(analysis.loudness().truePeakDbtp()).isCloseTo(-23.0, within(0.2));
	}

	@Test
	void readsMonoAsOneChannelWorthThreeDecibelsLessThanStereo() throws IOException {
		Path file = Fixtures.sine(this.directory, "mono", 44_100, 1, 16, 3.0, -23.0);
		Measurements analysis = this.engine.analyze(file).measurements();
		assertThat(analysis.technical().channels()).isEqualTo(1);
		assertThat(analysis.technical().channelLayout()).isEqualTo("mono");
		assertThat(analysis.loudness().integratedLufs()).isCloseTo(-26.01, within(0.05));
		assertThat(analysis.problems().phase()).isNull();
	}

	@Test
	void readsFivePointOneAndLeavesTheLowFrequencyChannelOutOfTheLoudness() throws IOException {
		Path file = this.directory.resolve("surround.wav");
		int rate = 48_000;
		double[] offsets = { -28, -28, -24, 0, -30, -30 };
		Signals.Segment segment = new Signals.Segment(3.0, 0);
		Signals.write(file, rate, 24, 6, Signals.frames(rate, segment),
				Signals.steppedSine(rate, 1000.0, offsets, segment));
		Measurements analysis = this.engine.analyze(file).measurements();
		assertThat(analysis.technical().channels()).isEqualTo(6);
		assertThat(analysis.technical().channelLayout()).isEqualTo("5.1");
		// Tech 3341 case 6 plus a full-scale LFE, which does not count.
		assertThat(analysis.loudness().integratedLufs()).isCloseTo(-23.0, within(0.1));
		assertThat(analysis.loudness().truePeakPerChannelDbtp()).hasSize(6);
	}

	@ParameterizedTest
	@EnumSource(Format.class)
	void readsEveryAcceptedFormat(Format format) throws IOException {
		Path wav = Fixtures.sine(this.directory, "source", 44_100, 2, 24, 4.0, -20.0);
		Path encoded = Fixtures.encode(wav, format, this.directory);
		Measurements analysis = this.engine.analyze(encoded).measurements();
		Technical technical = analysis.technical();
		assertThat(technical.container()).isEqualTo(format.container);
		assertThat(technical.codec()).isEqualTo(format.codec);
		int expectedRate = (format == Format.OGG_OPUS) ? 48_000 : 44_100;
		assertThat(technical.sampleRateHz()).isEqualTo(expectedRate);
		assertThat(technical.channels()).isEqualTo(2);
		// ADTS has no way to say how much of its first and last frames is padding.
		assertThat(technical.durationSeconds()).isCloseTo(4.0, within((format == Format.AAC_ADTS) ? 0.1 : 0.03));
		assertThat(analysis.loudness().integratedLufs()).isCloseTo(-20.0, within(0.3));
		assertThat(technical.damagedPackets()).isZero();
		if (technical.lossless()) {
			assertThat(technical.bitDepth()).isIn(16, 24);
		}
		else {
			assertThat(technical.bitDepth()).isNull();
			assertThat(technical.bitrateKbps()).isPositive();
		}
	}

	@Test
	void readsSurroundAacInM4a() throws IOException {
		Path file = this.directory.resolve("surround.wav");
		int rate = 48_000;
		double[] offsets = { -28, -28, -24, -40, -30, -30 };
		Signals.Segment segment = new Signals.Segment(3.0, 0);
		Signals.write(file, rate, 16, 6, Signals.frames(rate, segment),
				Signals.steppedSine(rate, 1000.0, offsets, segment));
		Path encoded = Fixtures.encode(file, Format.AAC_M4A, this.directory);
		Measurements analysis = this.engine.analyze(encoded).measurements();
		assertThat(analysis.technical().channels()).isEqualTo(6);
		assertThat(analysis.loudness().integratedLufs()).isCloseTo(-23.0, within(0.3));
	}

}
