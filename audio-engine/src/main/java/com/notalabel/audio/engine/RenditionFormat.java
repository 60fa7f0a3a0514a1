package com.notalabel.audio.engine;

/**
 * The formats the engine renders for streaming.
 */
public enum RenditionFormat {

	/**
	 * AAC-LC at 256 kbps (128 kbps for mono) in M4A, its index at the front so that
	 * playback starts before the download ends; every browser and phone plays it.
	 */
	AAC_M4A("audio/mp4", "m4a"),

	/** Opus at 160 kbps (96 kbps for mono) in Ogg: the same quality in less data. */
	OPUS_OGG("audio/ogg; codecs=opus", "opus");

	private final String mediaType;

	private final String extension;

	RenditionFormat(String mediaType, String extension) {
		this.mediaType = mediaType;
		this.extension = extension;
	}

	/**
	 * @return the {@code Content-Type} to serve it with
	 */
	public String mediaType() {
		return this.mediaType;
	}

	/**
	 * @return the usual file extension, without the dot
	 */
	public String extension() {
		return this.extension;
	}

	Encoding encoding() {
		return switch (this) {
			case AAC_M4A -> Encoding.AAC_M4A;
			case OPUS_OGG -> Encoding.OPUS_OGG;
		};
	}

}
