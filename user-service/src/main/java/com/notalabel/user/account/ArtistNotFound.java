package com.notalabel.user.account;

import org.springframework.http.HttpStatus;

import com.notalabel.shared.web.ProblemException;

final class ArtistNotFound extends ProblemException {

	ArtistNotFound() {
		super(HttpStatus.NOT_FOUND, "artist.not_found", "No artist has this handle.");
	}

}
