package com.notalabel.music.artwork;

import com.notalabel.shared.image.ImageFormat;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class MetadataStripperTests {

	@Test
	void removesExifXmpIptcCommentsAndTrailingDataFromAJpegAndKeepsEveryPixel() {
		byte[] clean = TestImages.jpeg(64, 64);

		byte[] stripped = MetadataStripper.strip(ImageFormat.JPEG, TestImages.jpegWithMetadata(clean));

		assertThat(TestImages.contains(stripped, TestImages.SECRET)).isFalse();
		assertThat(TestImages.contains(stripped, "Exif")).isFalse();
		assertThat(TestImages.contains(stripped, "xmpmeta")).isFalse();
		assertThat(TestImages.contains(stripped, "Photoshop")).isFalse();
		assertThat(pixels(TestImages.read(stripped))).isEqualTo(pixels(TestImages.read(clean)));
		assertThat(Arrays.copyOfRange(stripped, stripped.length - 2, stripped.length)).containsExactly((byte) 0xFF,
				(byte) 0xD9);
	}

	@Test
	void keepsTheIccProfileThatDefinesTheColours() {
		byte[] clean = TestImages.jpeg(32, 32);
		byte[] profile = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
		ByteArrayOutputStream withProfile = new ByteArrayOutputStream();
		withProfile.write(clean, 0, 2);
		segment(withProfile, 0xE2,
				concat("ICC_PROFILE\0".getBytes(StandardCharsets.US_ASCII), new byte[] { 1, 1 }, profile));
		withProfile.write(clean, 2, clean.length - 2);

		byte[] stripped = MetadataStripper.strip(ImageFormat.JPEG, withProfile.toByteArray());

		assertThat(TestImages.contains(stripped, "ICC_PROFILE")).isTrue();
		assertThat(stripped.length).isGreaterThan(clean.length + profile.length - 100);
	}

	@Test
	void dropsTheJfifThumbnailAndKeepsTheRestOfJfif() {
		byte[] clean = TestImages.jpeg(32, 32);
		ByteArrayOutputStream withThumbnail = new ByteArrayOutputStream();
		withThumbnail.write(clean, 0, 2);
		byte[] jfif = concat("JFIF\0".getBytes(StandardCharsets.US_ASCII), new byte[] { 1, 2, 1, 0, 72, 0, 72, 1, 1 },
				"RGB".getBytes(StandardCharsets.US_ASCII));
		segment(withThumbnail, 0xE0, jfif);
		withThumbnail.write(clean, 2, clean.length - 2);

		byte[] stripped = MetadataStripper.strip(ImageFormat.JPEG, withThumbnail.toByteArray());

		assertThat(Arrays.copyOfRange(stripped, 2, 2 + 18)).containsExactly(0xFF, 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1,
				2, 1, 0, 72, 0, 72, 0, 0);
		assertThat(TestImages.read(stripped).getWidth()).isEqualTo(32);
	}

	@Test
	void closesAJpegCutShortInItsScan() {
		byte[] clean = TestImages.jpeg(64, 64);
		byte[] cut = Arrays.copyOf(clean, clean.length - 40);

		byte[] stripped = MetadataStripper.strip(ImageFormat.JPEG, cut);

		assertThat(Arrays.copyOfRange(stripped, stripped.length - 2, stripped.length)).containsExactly((byte) 0xFF,
				(byte) 0xD9);
	}

	@Test
	void removesTextXmpExifAndTrailingDataFromAPngAndKeepsEveryPixel() {
		byte[] clean = TestImages.png(64, 64);

		byte[] stripped = MetadataStripper.strip(ImageFormat.PNG, TestImages.pngWithMetadata(clean));

		assertThat(TestImages.contains(stripped, TestImages.SECRET)).isFalse();
		assertThat(TestImages.contains(stripped, "tEXt")).isFalse();
		assertThat(TestImages.contains(stripped, "iTXt")).isFalse();
		assertThat(TestImages.contains(stripped, "eXIf")).isFalse();
		assertThat(stripped).isEqualTo(clean);
	}

	@Nested
	class Refuses {

		@Test
		void aJpegWhoseSegmentRunsPastTheEnd() {
			byte[] broken = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE1, 0x7F, (byte) 0xFF, 'E', 'x' };

			assertThatExceptionOfType(ArtworkUnreadable.class)
				.isThrownBy(() -> MetadataStripper.strip(ImageFormat.JPEG, broken));
		}

		@Test
		void aJpegWithMoreScansThanAnyEncoderWrites() {
			byte[] clean = TestImages.jpeg(32, 32);
			int sos = indexOf(clean, (byte) 0xFF, (byte) 0xDA);
			byte[] scan = Arrays.copyOfRange(clean, sos, clean.length - 2);
			ByteArrayOutputStream many = new ByteArrayOutputStream();
			many.write(clean, 0, sos);
			for (int i = 0; i <= MetadataStripper.MAX_SCANS; i++) {
				many.writeBytes(scan);
			}
			many.write(0xFF);
			many.write(0xD9);

			assertThatExceptionOfType(ArtworkUnreadable.class)
				.isThrownBy(() -> MetadataStripper.strip(ImageFormat.JPEG, many.toByteArray()));
		}

		@Test
		void aJpegWithoutImageData() {
			byte[] headerOnly = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9 };

			assertThatExceptionOfType(ArtworkUnreadable.class)
				.isThrownBy(() -> MetadataStripper.strip(ImageFormat.JPEG, headerOnly));
		}

		@Test
		void aPngWhoseChunkClaimsMoreBytesThanThereAre() {
			byte[] png = TestImages.png(16, 16);
			png[8] = 0x7F;

			assertThatExceptionOfType(ArtworkUnreadable.class)
				.isThrownBy(() -> MetadataStripper.strip(ImageFormat.PNG, png));
		}

		@Test
		void aPngCutShortBeforeItsEnd() {
			byte[] png = TestImages.png(16, 16);

			assertThatExceptionOfType(ArtworkUnreadable.class)
				.isThrownBy(() -> MetadataStripper.strip(ImageFormat.PNG, Arrays.copyOf(png, png.length - 12)));
		}

	}

	private static int indexOf(byte[] bytes, byte first, byte second) {
		for (int i = 0; i + 1 < bytes.length; i++) {
			if (bytes[i] == first && bytes[i + 1] == second) {
				return i;
			}
		}
		throw new IllegalArgumentException("Not found");
	}

	private static int[] pixels(BufferedImage image) {
		return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
	}

	private static void segment(ByteArrayOutputStream out, int marker, byte[] payload) {
		int length = payload.length + 2;
		out.write(0xFF);
		out.write(marker);
		out.write(length >> 8);
		out.write(length & 0xFF);
		out.writeBytes(payload);
	}

	private static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			out.writeBytes(part);
		}
		return out.toByteArray();
	}

}
