package com.notalabel.music.artwork;

import com.notalabel.shared.image.ImageFormat;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import com.notalabel.music.album.AlbumArtwork.Variant;
import com.notalabel.music.artwork.ArtworkProcessor.ProcessedArtwork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ArtworkProcessorTests {

	private final ArtworkProcessor processor = new ArtworkProcessor(properties(6000, 36_000_000));

	@Test
	void rendersEachSizeFromALargeJpeg() {
		ProcessedArtwork processed = this.processor.process(TestImages.jpeg(3200, 3200));

		assertThat(processed.format()).isEqualTo(ImageFormat.JPEG);
		assertThat(processed.width()).isEqualTo(3200);
		assertThat(sides(processed.renditions())).containsExactly(Map.entry(Variant.SIZE_3000, 3000),
				Map.entry(Variant.SIZE_600, 600), Map.entry(Variant.SIZE_300, 300));
	}

	@Test
	void neverEnlargesASmallPng() {
		ProcessedArtwork processed = this.processor.process(TestImages.png(500, 500));

		assertThat(processed.format()).isEqualTo(ImageFormat.PNG);
		assertThat(sides(processed.renditions())).containsExactly(Map.entry(Variant.SIZE_3000, 500),
				Map.entry(Variant.SIZE_600, 500), Map.entry(Variant.SIZE_300, 300));
	}

	@Test
	void laysTransparencyOnWhite() throws IOException {
		BufferedImage transparent = new BufferedImage(400, 400, BufferedImage.TYPE_INT_ARGB);
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		ImageIO.write(transparent, "png", png);

		ProcessedArtwork processed = this.processor.process(png.toByteArray());

		BufferedImage rendition = TestImages.read(processed.renditions().get(Variant.SIZE_300));
		assertThat(rendition.getRGB(150, 150) & 0xFFFFFF).isEqualTo(0xFFFFFF);
	}

	@Nested
	class RefusesBeforeDecoding {

		@Test
		void aPngWhoseHeaderDeclaresFiftyThousandPixelsASide() {
			assertThatExceptionOfType(ArtworkTooManyPixels.class)
				.isThrownBy(() -> ArtworkProcessorTests.this.processor.process(TestImages.pngDeclaring(50_000, 50_000)))
				.satisfies((ex) -> assertThat(ex.properties()).containsEntry("width", 50_000)
					.containsEntry("height", 50_000));
		}

		@Test
		void aJpegWhoseHeaderDeclaresFiftyThousandPixelsASide() {
			assertThatExceptionOfType(ArtworkTooManyPixels.class).isThrownBy(
					() -> ArtworkProcessorTests.this.processor.process(TestImages.jpegDeclaring(50_000, 50_000)));
		}

		@Test
		void moreThanThePixelLimitWithinTheSideLimit() {
			ArtworkProcessor strict = new ArtworkProcessor(properties(6000, 1_000_000));

			assertThatExceptionOfType(ArtworkTooManyPixels.class)
				.isThrownBy(() -> strict.process(TestImages.pngDeclaring(1001, 1001)));
		}

		@Test
		void aRectangle() {
			assertThatExceptionOfType(ArtworkNotSquare.class)
				.isThrownBy(() -> ArtworkProcessorTests.this.processor.process(TestImages.png(600, 400)))
				.satisfies(
						(ex) -> assertThat(ex.properties()).containsEntry("width", 600).containsEntry("height", 400));
		}

		@Test
		void aThumbnail() {
			assertThatExceptionOfType(ArtworkTooSmall.class)
				.isThrownBy(() -> ArtworkProcessorTests.this.processor.process(TestImages.jpeg(200, 200)));
		}

		@Test
		void aGifAndText() {
			assertThatExceptionOfType(UnsupportedArtworkFormat.class)
				.isThrownBy(() -> ArtworkProcessorTests.this.processor.process(TestImages.gif(400, 400)));
			assertThatExceptionOfType(UnsupportedArtworkFormat.class)
				.isThrownBy(() -> ArtworkProcessorTests.this.processor.process("<svg/>".getBytes()));
		}

		@Test
		void aPngSignatureFollowedByGarbage() {
			byte[] garbage = TestImages.png(16, 16);
			Arrays.fill(garbage, 8, garbage.length, (byte) 0x41);

			assertThatExceptionOfType(ArtworkUnreadable.class)
				.isThrownBy(() -> ArtworkProcessorTests.this.processor.process(garbage));
		}

	}

	private static Map<Variant, Integer> sides(Map<Variant, byte[]> renditions) {
		Map<Variant, Integer> sides = new EnumMap<>(Variant.class);
		renditions.forEach((variant, bytes) -> {
			BufferedImage image = TestImages.read(bytes);
			assertThat(image.getWidth()).isEqualTo(image.getHeight());
			sides.put(variant, image.getWidth());
		});
		return sides;
	}

	private static ArtworkProperties properties(int maxDimension, long maxPixels) {
		return new ArtworkProperties(DataSize.ofMegabytes(20), maxDimension, maxPixels, 300, 0.9f, 1,
				Duration.ofSeconds(5));
	}

}
