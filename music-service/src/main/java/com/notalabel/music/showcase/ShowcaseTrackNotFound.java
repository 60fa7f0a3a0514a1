package com.notalabel.music.showcase;

import org.springframework.http.HttpStatus;

import com.notalabel.shared.web.ProblemException;

/** No such track on that artist's showcase: unknown, private or another artist's. */
final class ShowcaseTrackNotFound extends ProblemException {

	ShowcaseTrackNotFound() {
		super(HttpStatus.NOT_FOUND, "showcase.track_not_found", "Track not found",
				"This artist shows no such track on their page.");
	}

}
