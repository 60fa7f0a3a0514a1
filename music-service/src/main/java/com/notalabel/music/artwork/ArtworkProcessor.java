package com.notalabel.music.artwork;

import java.awt.image.BufferedImage;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Component;

import com.notalabel.music.album.AlbumArtwork.Variant;
import com.notalabel.shared.image.ImageCodec;
import com.notalabel.shared.image.ImageCodec.Dimensions;
import com.notalabel.shared.image.ImageFormat;
import com.notalabel.shared.image.UnreadableImage;

/**
 * Turns an uploaded file into what is stored: checks it in order of cost (type from the
 * first bytes, then the metadata-free copy, then the size from the header, and only then
 * the pixels), and renders the JPEG renditions. At most
 * {@code nal.artwork.concurrent-renders} images are decoded at once.
 */
@Component
class ArtworkProcessor {

	private final ArtworkProperties properties;

	private final Semaphore renders;

	ArtworkProcessor(ArtworkProperties properties) {
		this.properties = properties;
		this.renders = new Semaphore(properties.concurrentRenders(), true);
	}

	ProcessedArtwork process(byte[] upload) {
		// Stores take JPEG and PNG covers only.
		ImageFormat format = ImageFormat.sniff(upload)
			.filter((sniffed) -> sniffed == ImageFormat.JPEG || sniffed == ImageFormat.PNG)
			.orElseThrow(UnsupportedArtworkFormat::new);
		byte[] original = MetadataStripper.strip(format, upload);
		Dimensions size = header(format, original);
		check(size);
		acquire();
		try {
			BufferedImage decoded = decode(format, original);
			if (decoded.getWidth() != size.width() || decoded.getHeight() != size.height()) {
				throw new ArtworkUnreadable();
			}
			Map<Variant, byte[]> renditions = new EnumMap<>(Variant.class);
			BufferedImage current = ImageCodec.opaqueRgb(decoded);
			// Largest first, each from the one before: the halving steps are shared.
			for (Variant variant : Variant.values()) {
				if (variant != Variant.ORIGINAL) {
					current = ImageCodec.scaledDown(current, variant.size());
					renditions.put(variant, ImageCodec.jpeg(current, this.properties.jpegQuality()));
				}
			}
			return new ProcessedArtwork(format, size.width(), size.height(), original,
					Collections.unmodifiableMap(renditions));
		}
		finally {
			this.renders.release();
		}
	}

	private static Dimensions header(ImageFormat format, byte[] image) {
		try {
			return ImageCodec.header(format, image);
		}
		catch (UnreadableImage ex) {
			throw new ArtworkUnreadable();
		}
	}

	private static BufferedImage decode(ImageFormat format, byte[] image) {
		try {
			return ImageCodec.decode(format, image);
		}
		catch (UnreadableImage ex) {
			throw new ArtworkUnreadable();
		}
	}

	private void check(Dimensions size) {
		int max = this.properties.maxDimension();
		if (size.width() > max || size.height() > max || size.pixels() > this.properties.maxPixels()) {
			throw new ArtworkTooManyPixels(size.width(), size.height(), max);
		}
		if (size.width() != size.height()) {
			throw new ArtworkNotSquare(size.width(), size.height());
		}
		if (size.width() < this.properties.minDimension()) {
			throw new ArtworkTooSmall(size.width(), size.height(), this.properties.minDimension());
		}
	}

	private void acquire() {
		try {
			if (!this.renders.tryAcquire(this.properties.renderWait().toMillis(), TimeUnit.MILLISECONDS)) {
				throw new ArtworkBusy();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ArtworkBusy();
		}
	}

	/**
	 * What is stored of an upload.
	 *
	 * @param format the original's format
	 * @param width its width
	 * @param height its height
	 * @param original the original without metadata
	 * @param renditions the JPEG renditions, by variant
	 */
	record ProcessedArtwork(ImageFormat format, int width, int height, byte[] original,
			Map<Variant, byte[]> renditions) {

	}

}
