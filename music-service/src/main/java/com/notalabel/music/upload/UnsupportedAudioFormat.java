package com.notalabel.music.upload;

import org.springframework.http.HttpStatus;

import com.notalabel.shared.web.ProblemException;

/**
 * The file's content is not audio in an accepted format, whatever its name or declared
 * type said. Nothing was kept.
 */
final class UnsupportedAudioFormat extends ProblemException {

	UnsupportedAudioFormat(String reason) {
		super(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "upload.unsupported_format", "Unsupported audio format",
				"Upload WAV, AIFF, FLAC, MP3, M4A (AAC or ALAC), Ogg Vorbis or Opus. " + reason);
		with("accepted", java.util.List.of("wav", "aiff", "flac", "mp3", "m4a", "ogg", "opus"));
		withHeader("Connection", "close");
	}

}
