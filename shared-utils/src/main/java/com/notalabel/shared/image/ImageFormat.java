package com.notalabel.shared.image;

import java.util.Optional;

/**
 * Image formats recognised by their first bytes, never by a declared content type or a
 * file name.
 */
public enum ImageFormat {

	JPEG("image/jpeg", "jpeg"), PNG("image/png", "png"), WEBP("image/webp", "webp");

	private static final byte[] PNG_SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };

	private final String mediaType;

	private final String imageIoName;

	ImageFormat(String mediaType, String imageIoName) {
		this.mediaType = mediaType;
		this.imageIoName = imageIoName;
	}

	public String mediaType() {
		return this.mediaType;
	}

	String imageIoName() {
		return this.imageIoName;
	}

	/**
	 * The format the bytes start with.
	 * @param bytes the file, or at least its first 12 bytes
	 * @return the format, empty for anything else
	 */
	public static Optional<ImageFormat> sniff(byte[] bytes) {
		if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8 && (bytes[2] & 0xFF) == 0xFF) {
			return Optional.of(JPEG);
		}
		if (startsWith(bytes, 0, PNG_SIGNATURE)) {
			return Optional.of(PNG);
		}
		// RIFF <size> WEBP
		if (startsWith(bytes, 0, new byte[] { 'R', 'I', 'F', 'F' })
				&& startsWith(bytes, 8, new byte[] { 'W', 'E', 'B', 'P' })) {
			return Optional.of(WEBP);
		}
		return Optional.empty();
	}

	private static boolean startsWith(byte[] bytes, int offset, byte[] prefix) {
		if (bytes.length < offset + prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (bytes[offset + i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

}
