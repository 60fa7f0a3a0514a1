package com.notalabel.music.artwork;

import java.util.Optional;

/**
 * The image formats accepted as cover artwork, recognised by their first bytes, never by
 * the declared content type or a file name.
 */
enum ImageFormat {

	JPEG("image/jpeg", "jpeg"), PNG("image/png", "png");

	private static final byte[] PNG_SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };

	private final String mediaType;

	private final String imageIoName;

	ImageFormat(String mediaType, String imageIoName) {
		this.mediaType = mediaType;
		this.imageIoName = imageIoName;
	}

	String mediaType() {
		return this.mediaType;
	}

	String imageIoName() {
		return this.imageIoName;
	}

	static Optional<ImageFormat> sniff(byte[] bytes) {
		if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8 && (bytes[2] & 0xFF) == 0xFF) {
			return Optional.of(JPEG);
		}
		if (bytes.length >= PNG_SIGNATURE.length) {
			for (int i = 0; i < PNG_SIGNATURE.length; i++) {
				if (bytes[i] != PNG_SIGNATURE[i]) {
					return Optional.empty();
				}
			}
			return Optional.of(PNG);
		}
		return Optional.empty();
	}

}
