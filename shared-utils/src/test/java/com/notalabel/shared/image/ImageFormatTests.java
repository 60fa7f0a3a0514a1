package com.notalabel.shared.image;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ImageFormatTests {

	@Test
	void knowsEachFormatByItsFirstBytesOnly() {
		assertThat(ImageFormat.sniff(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0 }))
			.contains(ImageFormat.JPEG);
		assertThat(ImageFormat.sniff(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0 }))
			.contains(ImageFormat.PNG);
		assertThat(ImageFormat.sniff(ascii("RIFF\u0000\u0001\u0000\u0000WEBPVP8 "))).contains(ImageFormat.WEBP);
	}

	@Test
	void knowsNothingElseWhateverItClaims() {
		// A RIFF file that is not WebP (a WAV), markup, and files too short to tell.
		assertThat(ImageFormat.sniff(ascii("RIFF\u0000\u0001\u0000\u0000WAVEfmt "))).isEmpty();
		assertThat(ImageFormat.sniff(ascii("<svg xmlns='http://www.w3.org/2000/svg'/>"))).isEmpty();
		assertThat(ImageFormat.sniff(new byte[] { (byte) 0xFF, (byte) 0xD8 })).isEmpty();
		assertThat(ImageFormat.sniff(ascii("RIFF"))).isEmpty();
	}

	@Test
	void readsJpegAndPngWithTheJdkAlone() {
		assertThat(ImageCodec.canRead(ImageFormat.JPEG)).isTrue();
		assertThat(ImageCodec.canRead(ImageFormat.PNG)).isTrue();
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.ISO_8859_1);
	}

}
