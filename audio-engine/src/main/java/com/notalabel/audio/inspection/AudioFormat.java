package com.notalabel.audio.inspection;

import java.util.Optional;

/**
 * The audio formats the catalogue accepts, as detected from a file's content. The code is
 * what {@code track.format} stores.
 */
public enum AudioFormat {

	/** RIFF/WAVE or RF64 holding integer PCM or IEEE float samples. */
	WAV("wav", "audio/wav", "wav"),

	/** AIFF, or AIFF-C with uncompressed or floating-point samples. */
	AIFF("aiff", "audio/aiff", "aiff"),

	FLAC("flac", "audio/flac", "flac"),

	/** MPEG-1/2/2.5 Layer III, with or without an ID3v2 tag. */
	MP3("mp3", "audio/mpeg", "mp3"),

	/** ISO base media (MPEG-4) with an audio track: AAC or ALAC. */
	M4A("m4a", "audio/mp4", "m4a"),

	/** Vorbis in Ogg. */
	OGG("ogg", "audio/ogg", "ogg"),

	/** Opus in Ogg. */
	OPUS("opus", "audio/ogg", "opus");

	private final String code;

	private final String mediaType;

	private final String extension;

	AudioFormat(String code, String mediaType, String extension) {
		this.code = code;
		this.mediaType = mediaType;
		this.extension = extension;
	}

	/**
	 * The stored form, e.g. {@code wav}.
	 * @return the code
	 */
	public String code() {
		return this.code;
	}

	public String mediaType() {
		return this.mediaType;
	}

	/**
	 * The extension a download of the original gets.
	 * @return the extension, without a dot
	 */
	public String extension() {
		return this.extension;
	}

	public static Optional<AudioFormat> fromCode(String code) {
		for (AudioFormat format : values()) {
			if (format.code.equals(code)) {
				return Optional.of(format);
			}
		}
		return Optional.empty();
	}

}
