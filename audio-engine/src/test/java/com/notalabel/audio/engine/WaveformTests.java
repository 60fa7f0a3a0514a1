package com.notalabel.audio.engine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Waveforms in BBC audiowaveform's formats, version 2.
 */
class WaveformTests {

	@TempDir
	Path directory;

	private static Waveform small() {
		// Four pixels of 100 samples at 20 kHz: 200 pixels per second.
		return new Waveform(20_000, 100, new short[] { -100, 200, -32768, 32767, 0, 0, -5000, 9000 });
	}

	@Test
	void writesTheJsonPeaksJsLoadsAtTheBaseResolution() {
		String json = new String(small().toJson(200), StandardCharsets.US_ASCII);
		assertThat(json).isEqualTo("{\"version\":2,\"channels\":1,\"sample_rate\":20000,\"samples_per_pixel\":100,"
				+ "\"bits\":8,\"length\":4,\"data\":[-1,0,-128,127,0,0,-20,35]}");
	}

	@Test
	void mergesPixelsForACoarserResolution() {
		String json = new String(small().toJson(100), StandardCharsets.US_ASCII);
		assertThat(json).isEqualTo("{\"version\":2,\"channels\":1,\"sample_rate\":20000,\"samples_per_pixel\":200,"
				+ "\"bits\":8,\"length\":2,\"data\":[-128,127,-20,35]}");
		// Three pixels per merged pixel: the last one takes what is left.
		assertThat(new String(small().toJson(66), StandardCharsets.US_ASCII)).contains("\"samples_per_pixel\":300")
			.contains("\"length\":2")
			.endsWith("\"data\":[-128,127,-20,35]}");
	}

	@Test
	void neverGoesFinerThanTheBaseResolution() {
		assertThat(new String(small().toJson(10_000), StandardCharsets.US_ASCII)).contains("\"samples_per_pixel\":100");
	}

	@Test
	void writesSixteenBitValuesOnRequest() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		small().writeJson(out, 200, 16);
		assertThat(out.toString(StandardCharsets.US_ASCII)).contains("\"bits\":16")
			.endsWith("\"data\":[-100,200,-32768,32767,0,0,-5000,9000]}");
	}

	@Test
	void roundTripsThroughTheBinaryForm() throws IOException {
		byte[] dat = small().toDat();
		assertThat(dat).hasSize(24 + 16);
		Waveform read = Waveform.readDat(new ByteArrayInputStream(dat));
		assertThat(read.sampleRate()).isEqualTo(20_000);
		assertThat(read.samplesPerPixel()).isEqualTo(100);
		assertThat(read.length()).isEqualTo(4);
		assertThat(read.toJson(200)).isEqualTo(small().toJson(200));
	}

	@Test
	void followsTheTrackAtAbout200PixelsPerSecond() throws IOException {
		Path file = Fixtures.sine(this.directory, "tone", 44_100, 2, 16, 3.0, -6.5);
		Waveform waveform = new AudioEngine().analyze(file).waveform();
		assertThat(waveform.samplesPerPixel()).isEqualTo(221);
		assertThat(waveform.length()).isEqualTo((3 * 44_100 + 220) / 221);
		JsonNode json = JsonMapper.builder().build().readTree(waveform.toJson(50));
		assertThat(json.get("samples_per_pixel").asInt()).isEqualTo(221 * 3);
		assertThat(json.get("length").asInt()).isEqualTo((waveform.length() + 2) / 3);
		assertThat(json.get("data").size()).isEqualTo(2 * json.get("length").asInt());
		// In 8 bits, the sine's crests in every pixel: its 16-bit peak, shifted.
		int crest = (int) Math.round(Signals.amplitude(-6.5) * 32767);
		assertThat(json.get("data").get(20).asInt()).isEqualTo(-crest >> 8);
		assertThat(json.get("data").get(21).asInt()).isEqualTo(crest >> 8);
	}

	@Nested
	class Rejects {

		@Test
		void aResolutionBelowOnePixelPerSecond() {
			assertThatIllegalArgumentException().isThrownBy(() -> small().toJson(0));
		}

		@Test
		void aBinaryFileOfAnotherVersion() {
			byte[] dat = small().toDat();
			dat[0] = 9;
			assertThatExceptionOfType(IOException.class)
				.isThrownBy(() -> Waveform.readDat(new ByteArrayInputStream(dat)));
		}

		@Test
		void aTruncatedBinaryFile() {
			byte[] dat = Arrays.copyOf(small().toDat(), 30);
			assertThatExceptionOfType(IOException.class)
				.isThrownBy(() -> Waveform.readDat(new ByteArrayInputStream(dat)));
		}

	}

}
