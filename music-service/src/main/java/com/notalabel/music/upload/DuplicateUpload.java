package com.notalabel.music.upload;

import org.springframework.http.HttpStatus;

import com.notalabel.shared.web.ProblemException;
import com.notalabel.types.id.TrackId;

/**
 * The artist has uploaded these exact bytes before; the problem names that track.
 */
final class DuplicateUpload extends ProblemException {

	DuplicateUpload(TrackId existing) {
		super(HttpStatus.CONFLICT, "upload.duplicate", "Track already uploaded",
				"You have already uploaded this exact file.");
		with("existingTrackId", existing.value());
	}

}
