package com.notalabel.user.avatar;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

/**
 * Images made in the test, as phones and tools write them.
 */
final class TestPictures {

	/** What a phone writes into EXIF: the place the picture was taken. */
	static final String GPS_MARK = "GPS 48.8584N 2.2945E";

	private TestPictures() {
	}

	static byte[] png(int width, int height) {
		return encode(picture(width, height), "png");
	}

	/**
	 * A JPEG with an EXIF segment (APP1) carrying a position, right after its start.
	 */
	static byte[] jpegWithGps(int width, int height) {
		byte[] jpeg = encode(picture(width, height), "jpeg");
		byte[] payload = ("Exif\0\0" + GPS_MARK).getBytes(StandardCharsets.ISO_8859_1);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(jpeg, 0, 2);
		out.write(0xFF);
		out.write(0xE1);
		int length = payload.length + 2;
		out.write(length >> 8);
		out.write(length & 0xFF);
		out.write(payload, 0, payload.length);
		out.write(jpeg, 2, jpeg.length - 2);
		return out.toByteArray();
	}

	/**
	 * A valid PNG header declaring an image far too large to decode, and no pixels.
	 */
	static byte[] pngDeclaring(int width, int height) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' });
		byte[] ihdr = new byte[17];
		System.arraycopy("IHDR".getBytes(StandardCharsets.US_ASCII), 0, ihdr, 0, 4);
		putInt(ihdr, 4, width);
		putInt(ihdr, 8, height);
		ihdr[12] = 8;
		ihdr[13] = 2;
		byte[] length = new byte[4];
		putInt(length, 0, 13);
		out.writeBytes(length);
		out.writeBytes(ihdr);
		CRC32 crc = new CRC32();
		crc.update(ihdr);
		byte[] sum = new byte[4];
		putInt(sum, 0, (int) crc.getValue());
		out.writeBytes(sum);
		return out.toByteArray();
	}

	static byte[] webp16() {
		try (InputStream in = TestPictures.class.getResourceAsStream("/avatars/python-16px.webp")) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static BufferedImage decode(byte[] image) {
		try {
			return ImageIO.read(new ByteArrayInputStream(image));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static boolean contains(byte[] haystack, String needle) {
		return new String(haystack, StandardCharsets.ISO_8859_1).contains(needle);
	}

	/** Red on the left half, blue on the right: a crop shows which part was kept. */
	private static BufferedImage picture(int width, int height) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = image.createGraphics();
		graphics.setColor(Color.RED);
		graphics.fillRect(0, 0, width / 2, height);
		graphics.setColor(Color.BLUE);
		graphics.fillRect(width / 2, 0, width - width / 2, height);
		graphics.dispose();
		return image;
	}

	private static byte[] encode(BufferedImage image, String format) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, format, out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private static void putInt(byte[] into, int offset, int value) {
		into[offset] = (byte) (value >>> 24);
		into[offset + 1] = (byte) (value >>> 16);
		into[offset + 2] = (byte) (value >>> 8);
		into[offset + 3] = (byte) value;
	}

}
