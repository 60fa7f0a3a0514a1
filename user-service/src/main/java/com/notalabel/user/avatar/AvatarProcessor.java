package com.notalabel.user.avatar;

import java.awt.image.BufferedImage;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Component;

import com.notalabel.shared.image.ImageCodec;
import com.notalabel.shared.image.ImageCodec.Dimensions;
import com.notalabel.shared.image.ImageFormat;
import com.notalabel.shared.image.UnreadableImage;

/**
 * Turns an upload into what is stored: the type from the first bytes, the size from the
 * header, and only then the pixels, cropped to the centred square and re-encoded as JPEG
 * in every {@link AvatarSize}. Nothing of the upload is kept, so none of its metadata
 * (EXIF with GPS position and camera serial, XMP, IPTC, embedded thumbnails, ICC) is
 * either. At most {@code nal.avatar.concurrent-renders} images are decoded at once.
 */
@Component
class AvatarProcessor {

	private final AvatarProperties properties;

	private final Semaphore renders;

	AvatarProcessor(AvatarProperties properties) {
		this.properties = properties;
		this.renders = new Semaphore(properties.concurrentRenders(), true);
	}

	Map<AvatarSize, byte[]> process(byte[] upload) {
		ImageFormat format = ImageFormat.sniff(upload)
			.filter(ImageCodec::canRead)
			.orElseThrow(UnsupportedAvatarFormat::new);
		try {
			Dimensions size = ImageCodec.header(format, upload);
			check(size);
			acquire();
			try {
				BufferedImage decoded = ImageCodec.decode(format, upload);
				if (decoded.getWidth() != size.width() || decoded.getHeight() != size.height()) {
					throw new AvatarUnreadable();
				}
				BufferedImage current = ImageCodec.opaqueRgb(ImageCodec.centreSquare(decoded));
				Map<AvatarSize, byte[]> renditions = new EnumMap<>(AvatarSize.class);
				// Largest first, each from the one before: the halving steps are shared.
				for (AvatarSize variant : AvatarSize.values()) {
					current = ImageCodec.scaledDown(current, variant.side());
					renditions.put(variant, ImageCodec.jpeg(current, this.properties.jpegQuality()));
				}
				return Collections.unmodifiableMap(renditions);
			}
			finally {
				this.renders.release();
			}
		}
		catch (UnreadableImage ex) {
			throw new AvatarUnreadable();
		}
	}

	private void check(Dimensions size) {
		if (size.pixels() > this.properties.maxPixels()) {
			throw new AvatarTooManyPixels(size.width(), size.height(), this.properties.maxPixels());
		}
		if (Math.min(size.width(), size.height()) < this.properties.minDimension()) {
			throw new AvatarTooSmall(size.width(), size.height(), this.properties.minDimension());
		}
	}

	private void acquire() {
		try {
			if (!this.renders.tryAcquire(this.properties.renderWait().toMillis(), TimeUnit.MILLISECONDS)) {
				throw new AvatarBusy();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AvatarBusy();
		}
	}

}
