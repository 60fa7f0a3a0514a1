package com.notalabel.music.artwork;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

/**
 * Images made for the tests: real JPEG and PNG files from the JDK's encoders, the same
 * files with metadata an artist would not want published, and headers that lie about
 * their size.
 */
public final class TestImages {

	/**
	 * Appears in every piece of metadata planted by {@link #jpegWithMetadata} and
	 * {@link #pngWithMetadata}.
	 */
	public static final String SECRET = "secret-location-48.8584N";

	private TestImages() {
	}

	public static byte[] jpeg(int width, int height) {
		return encode(picture(width, height, BufferedImage.TYPE_INT_RGB), "jpeg");
	}

	public static byte[] png(int width, int height) {
		return encode(picture(width, height, BufferedImage.TYPE_INT_ARGB), "png");
	}

	public static byte[] gif(int width, int height) {
		return encode(picture(width, height, BufferedImage.TYPE_INT_RGB), "gif");
	}

	public static BufferedImage read(byte[] image) {
		try {
			BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(image));
			if (decoded == null) {
				throw new IllegalArgumentException("Not an image Image I/O reads");
			}
			return decoded;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The JPEG with what cameras, phones and editors leave in a file: EXIF with GPS, XMP,
	 * Photoshop IPTC, a comment, and a second picture after the end of the first.
	 */
	public static byte[] jpegWithMetadata(byte[] jpeg) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(jpeg, 0, 2);
		segment(out, 0xE1, concat(ascii("Exif\0\0MM\0*\0\0\0\b"), ascii("GPSLatitude " + SECRET)));
		segment(out, 0xE1, ascii("http://ns.adobe.com/xap/1.0/\0<x:xmpmeta><exif:GPSLatitude>" + SECRET
				+ "</exif:GPSLatitude></x:xmpmeta>"));
		segment(out, 0xED, ascii("Photoshop 3.0\u00008BIM\u0004\u0004 IPTC " + SECRET));
		segment(out, 0xFE, ascii("comment " + SECRET));
		out.write(jpeg, 2, jpeg.length - 2);
		out.writeBytes(ascii("Exif\0\0 trailing picture " + SECRET));
		return out.toByteArray();
	}

	/**
	 * The PNG with text, XMP and EXIF chunks after its header, and data after its end.
	 */
	public static byte[] pngWithMetadata(byte[] png) {
		int afterHeader = 8 + 12 + 13;
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(png, 0, afterHeader);
		chunk(out, "tEXt", ascii("Comment\0" + SECRET));
		chunk(out, "iTXt", ascii("XML:com.adobe.xmp\0\0\0\0\0<x:xmpmeta>" + SECRET + "</x:xmpmeta>"));
		chunk(out, "eXIf", concat(ascii("MM\0*\0\0\0\b"), ascii("GPSLatitude " + SECRET)));
		out.write(png, afterHeader, png.length - afterHeader);
		out.writeBytes(ascii("trailing " + SECRET));
		return out.toByteArray();
	}

	/**
	 * A real, small PNG whose header declares another size, its CRC corrected so that the
	 * lie is well-formed.
	 */
	public static byte[] pngDeclaring(int width, int height) {
		byte[] png = png(16, 16);
		ByteBuffer.wrap(png, 16, 8).putInt(width).putInt(height);
		CRC32 crc = new CRC32();
		crc.update(png, 12, 4 + 13);
		ByteBuffer.wrap(png, 29, 4).putInt((int) crc.getValue());
		return png;
	}

	/**
	 * A real, small JPEG whose frame header declares another size.
	 */
	public static byte[] jpegDeclaring(int width, int height) {
		byte[] jpeg = jpeg(16, 16);
		for (int i = 2; i + 8 < jpeg.length; i++) {
			if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xC0) {
				ByteBuffer.wrap(jpeg, i + 5, 4).putShort((short) height).putShort((short) width);
				return jpeg;
			}
		}
		throw new IllegalStateException("No baseline frame header");
	}

	public static boolean contains(byte[] haystack, String needle) {
		byte[] wanted = needle.getBytes(StandardCharsets.ISO_8859_1);
		outer: for (int i = 0; i + wanted.length <= haystack.length; i++) {
			for (int j = 0; j < wanted.length; j++) {
				if (haystack[i + j] != wanted[j]) {
					continue outer;
				}
			}
			return true;
		}
		return false;
	}

	private static BufferedImage picture(int width, int height, int type) {
		BufferedImage image = new BufferedImage(width, height, type);
		Graphics2D graphics = image.createGraphics();
		try {
			graphics.setPaint(new GradientPaint(0, 0, new Color(200, 40, 90), width, height, new Color(20, 60, 200)));
			graphics.fillRect(0, 0, width, height);
			graphics.setColor(Color.WHITE);
			graphics.fillOval(width / 4, height / 4, width / 2, height / 2);
		}
		finally {
			graphics.dispose();
		}
		return image;
	}

	private static byte[] encode(BufferedImage image, String format) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			if (!ImageIO.write(image, format, out)) {
				throw new IllegalStateException("No " + format + " writer");
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private static void segment(ByteArrayOutputStream out, int marker, byte[] payload) {
		int length = payload.length + 2;
		out.write(0xFF);
		out.write(marker);
		out.write(length >> 8);
		out.write(length & 0xFF);
		out.writeBytes(payload);
	}

	private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
		byte[] typeBytes = ascii(type);
		ByteBuffer length = ByteBuffer.allocate(4).putInt(data.length);
		out.writeBytes(length.array());
		out.writeBytes(typeBytes);
		out.writeBytes(data);
		CRC32 crc = new CRC32();
		crc.update(typeBytes);
		crc.update(data);
		out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.ISO_8859_1);
	}

	private static byte[] concat(byte[] a, byte[] b) {
		byte[] joined = new byte[a.length + b.length];
		System.arraycopy(a, 0, joined, 0, a.length);
		System.arraycopy(b, 0, joined, a.length, b.length);
		return joined;
	}

}
