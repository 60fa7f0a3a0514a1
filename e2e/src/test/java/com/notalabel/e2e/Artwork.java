package com.notalabel.e2e;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

/** Cover art as an artist exports it: a square RGB JPEG of the size stores ask for. */
final class Artwork {

	private Artwork() {
	}

	/**
	 * A gradient, so that the JPEG is not trivially small.
	 * @param pixels its width and height
	 * @return the JPEG's bytes
	 */
	static byte[] squareJpeg(int pixels) {
		BufferedImage image = new BufferedImage(pixels, pixels, BufferedImage.TYPE_INT_RGB);
		for (int y = 0; y < pixels; y++) {
			for (int x = 0; x < pixels; x++) {
				image.setRGB(x, y, ((x * 255 / pixels) << 16) | ((y * 255 / pixels) << 8) | 0x80);
			}
		}
		ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "jpg", jpeg);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return jpeg.toByteArray();
	}

}
