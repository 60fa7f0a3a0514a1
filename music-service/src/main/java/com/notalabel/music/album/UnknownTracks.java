package com.notalabel.music.album;

import java.util.List;

import org.springframework.http.HttpStatus;

import com.notalabel.shared.web.ProblemException;
import com.notalabel.shared.web.Problems;
import com.notalabel.shared.web.Problems.FieldError;

/**
 * A track list names tracks that are not in the artist's catalogue. A track of another
 * artist is reported exactly like one that does not exist: the errors repeat only what
 * the request sent.
 */
final class UnknownTracks extends ProblemException {

	UnknownTracks(List<FieldError> errors) {
		super(HttpStatus.BAD_REQUEST, "album.unknown_tracks", "Unknown tracks",
				"The track list names tracks that are not in your catalogue.");
		with(Problems.ERRORS, List.copyOf(errors));
	}

}
