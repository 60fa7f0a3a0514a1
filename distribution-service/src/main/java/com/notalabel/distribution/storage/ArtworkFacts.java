package com.notalabel.distribution.storage;

/**
 * What a cover is, read from the image's own header in the bucket.
 *
 * @param key the object key of the cover delivered (the 3000 px rendition)
 * @param width its width in pixels
 * @param height its height in pixels
 * @param colorSpace {@code RGB}, {@code GRAY}, {@code CMYK} or {@code OTHER}
 * @param mediaType {@code image/jpeg} or {@code image/png}
 * @param sizeBytes the object's size
 */
public record ArtworkFacts(String key, int width, int height, String colorSpace, String mediaType, long sizeBytes) {

	public boolean square() {
		return this.width == this.height;
	}

}
