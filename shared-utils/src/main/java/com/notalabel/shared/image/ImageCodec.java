package com.notalabel.shared.image;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * The JDK's Image I/O, used so that an untrusted file is never decoded blindly: the size
 * comes from the header first, and only a size within the caller's limits is decoded.
 * Streams are memory-backed, so that Image I/O writes no temporary files. What it encodes
 * carries no metadata but JFIF: no EXIF (GPS, camera serial), XMP or ICC profile.
 */
public final class ImageCodec {

	private ImageCodec() {
	}

	/**
	 * The pixel size the header declares, without decoding a pixel.
	 * @param format the format, as sniffed
	 * @param image the file
	 * @return width and height
	 * @throws UnreadableImage if there is no readable header
	 */
	public static Dimensions header(ImageFormat format, byte[] image) {
		ImageReader reader = reader(format);
		try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(image))) {
			reader.setInput(in, true, true);
			return new Dimensions(reader.getWidth(0), reader.getHeight(0));
		}
		catch (IOException | RuntimeException ex) {
			throw new UnreadableImage(ex);
		}
		finally {
			reader.dispose();
		}
	}

	/**
	 * Decodes the image. Call only after {@link #header} showed a size within limits.
	 * @param format the format, as sniffed
	 * @param image the file
	 * @return the pixels
	 * @throws UnreadableImage if the decoder refuses the file
	 */
	public static BufferedImage decode(ImageFormat format, byte[] image) {
		ImageReader reader = reader(format);
		try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(image))) {
			reader.setInput(in, true, true);
			return reader.read(0, reader.getDefaultReadParam());
		}
		catch (IOException | RuntimeException ex) {
			// Image I/O reports hostile input with a mix of IIOException and runtime
			// exceptions; to the person uploading all of them mean the same.
			throw new UnreadableImage(ex);
		}
		finally {
			reader.dispose();
		}
	}

	/**
	 * The image as opaque sRGB: transparency is laid on white, and other colour spaces
	 * are converted by Java 2D.
	 * @param image the decoded image
	 * @return an image of type {@link BufferedImage#TYPE_INT_RGB}
	 */
	public static BufferedImage opaqueRgb(BufferedImage image) {
		if (image.getType() == BufferedImage.TYPE_INT_RGB) {
			return image;
		}
		BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = rgb.createGraphics();
		try {
			graphics.setColor(Color.WHITE);
			graphics.fillRect(0, 0, image.getWidth(), image.getHeight());
			graphics.drawImage(image, 0, 0, null);
		}
		finally {
			graphics.dispose();
		}
		return rgb;
	}

	/**
	 * The largest centred square of the image.
	 * @param image an image
	 * @return the square (a view sharing the pixels), or the image if it is square
	 */
	public static BufferedImage centreSquare(BufferedImage image) {
		int side = Math.min(image.getWidth(), image.getHeight());
		if (image.getWidth() == image.getHeight()) {
			return image;
		}
		return image.getSubimage((image.getWidth() - side) / 2, (image.getHeight() - side) / 2, side, side);
	}

	/**
	 * Scales a square image down: halving with bilinear filtering while the image is at
	 * least twice the target (each halving averages 2 × 2 pixels, so nothing is skipped),
	 * then one bicubic step. Never enlarges.
	 * @param square the image
	 * @param side the target side
	 * @return the image with sides of at most {@code side}, of type
	 * {@link BufferedImage#TYPE_INT_RGB} when scaled
	 */
	public static BufferedImage scaledDown(BufferedImage square, int side) {
		BufferedImage current = square;
		int size = current.getWidth();
		while (size / 2 >= side) {
			size /= 2;
			current = resized(current, size, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
		}
		if (size > side) {
			current = resized(current, side, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
		}
		return current;
	}

	/**
	 * Encodes as baseline JPEG with no metadata but JFIF.
	 * @param image an opaque RGB image
	 * @param quality 0 to 1
	 * @return the file
	 */
	public static byte[] jpeg(BufferedImage image, float quality) {
		Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
		if (!writers.hasNext()) {
			throw new IllegalStateException("The JDK has no JPEG writer");
		}
		ImageWriter writer = writers.next();
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
			writer.setOutput(out);
			ImageWriteParam param = writer.getDefaultWriteParam();
			param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			param.setCompressionQuality(quality);
			writer.write(null, new IIOImage(image, null, null), param);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			writer.dispose();
		}
		return bytes.toByteArray();
	}

	/**
	 * Whether this JVM can decode the format (WebP needs a plug-in on the class path).
	 * @param format the format
	 * @return whether {@link #decode} can read it
	 */
	public static boolean canRead(ImageFormat format) {
		if (ImageIO.getImageReadersByFormatName(format.imageIoName()).hasNext()) {
			return true;
		}
		// Plug-ins in a nested jar of an executable jar are found only by a scan with the
		// application's class loader, which the first use of Image I/O may not have had.
		ImageIO.scanForPlugins();
		return ImageIO.getImageReadersByFormatName(format.imageIoName()).hasNext();
	}

	private static BufferedImage resized(BufferedImage image, int side, Object interpolation) {
		BufferedImage resized = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = resized.createGraphics();
		try {
			graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, interpolation);
			graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
			graphics.drawImage(image, 0, 0, side, side, null);
		}
		finally {
			graphics.dispose();
		}
		return resized;
	}

	private static ImageReader reader(ImageFormat format) {
		if (!canRead(format)) {
			throw new IllegalStateException("No " + format + " reader: declare its Image I/O plug-in");
		}
		return ImageIO.getImageReadersByFormatName(format.imageIoName()).next();
	}

	/**
	 * An image's pixel size.
	 *
	 * @param width the width
	 * @param height the height
	 */
	public record Dimensions(int width, int height) {

		public long pixels() {
			return (long) this.width * this.height;
		}

	}

}
