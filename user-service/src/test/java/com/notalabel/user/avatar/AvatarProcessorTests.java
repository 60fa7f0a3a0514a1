package com.notalabel.user.avatar;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AvatarProcessorTests {

	private final AvatarProcessor processor = processor(96);

	@Test
	void rendersA512AndA96PixelSquareJpeg() {
		Map<AvatarSize, byte[]> renditions = this.processor.process(TestPictures.png(1024, 1024));

		BufferedImage large = TestPictures.decode(renditions.get(AvatarSize.LARGE));
		BufferedImage small = TestPictures.decode(renditions.get(AvatarSize.SMALL));
		assertThat(large.getWidth()).isEqualTo(512);
		assertThat(large.getHeight()).isEqualTo(512);
		assertThat(small.getWidth()).isEqualTo(96);
		assertThat(small.getHeight()).isEqualTo(96);
		assertThat(renditions.get(AvatarSize.LARGE)).startsWith(0xFF, 0xD8, 0xFF);
	}

	@Test
	void keepsNothingOfThePhotosMetadata() {
		byte[] upload = TestPictures.jpegWithGps(600, 600);
		assertThat(TestPictures.contains(upload, TestPictures.GPS_MARK)).isTrue();

		Map<AvatarSize, byte[]> renditions = this.processor.process(upload);

		renditions.values().forEach((rendition) -> {
			assertThat(TestPictures.contains(rendition, TestPictures.GPS_MARK)).isFalse();
			assertThat(TestPictures.contains(rendition, "Exif")).isFalse();
		});
	}

	@Test
	void cropsAWideImageToItsCentredSquare() {
		// Red left half, blue right half: the centred square shows both, red on its left.
		BufferedImage large = TestPictures
			.decode(this.processor.process(TestPictures.png(800, 400)).get(AvatarSize.LARGE));

		assertThat(large.getWidth()).isEqualTo(400);
		assertThat(large.getHeight()).isEqualTo(400);
		assertThat(new Color(large.getRGB(20, 200)).getRed()).isGreaterThan(200);
		assertThat(new Color(large.getRGB(380, 200)).getBlue()).isGreaterThan(200);
	}

	@Test
	void readsWebP() {
		Map<AvatarSize, byte[]> renditions = processor(1).process(TestPictures.webp16());

		assertThat(TestPictures.decode(renditions.get(AvatarSize.LARGE)).getWidth()).isEqualTo(16);
	}

	@Nested
	class Refuses {

		@Test
		void whatIsNoImageWhateverItIsCalled() {
			assertThatExceptionOfType(UnsupportedAvatarFormat.class)
				.isThrownBy(() -> AvatarProcessorTests.this.processor
					.process("<svg xmlns='http://www.w3.org/2000/svg'/>".getBytes(StandardCharsets.UTF_8)));
		}

		@Test
		void anImageDeclaringMorePixelsThanItMayBeforeDecodingIt() {
			assertThatExceptionOfType(AvatarTooManyPixels.class)
				.isThrownBy(
						() -> AvatarProcessorTests.this.processor.process(TestPictures.pngDeclaring(50_000, 50_000)))
				.satisfies((refusal) -> assertThat(refusal.properties()).containsEntry("width", 50_000));
		}

		@Test
		void anImageSmallerThanTheSmallSize() {
			assertThatExceptionOfType(AvatarTooSmall.class)
				.isThrownBy(() -> AvatarProcessorTests.this.processor.process(TestPictures.webp16()));
		}

		@Test
		void anImageWhosePixelDataIsDamaged() {
			byte[] png = TestPictures.png(400, 400);
			// The header stays readable; the compressed pixels after it become noise.
			Arrays.fill(png, 60, png.length - 12, (byte) 0x55);

			assertThatExceptionOfType(AvatarUnreadable.class)
				.isThrownBy(() -> AvatarProcessorTests.this.processor.process(png));
		}

	}

	private static AvatarProcessor processor(int minDimension) {
		return new AvatarProcessor(new AvatarProperties(DataSize.ofMegabytes(5), 40_000_000, minDimension, 1,
				Duration.ofSeconds(1), 0.88f));
	}

}
