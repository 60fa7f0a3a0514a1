package com.notalabel.music.album;

import org.springframework.http.HttpStatus;

import com.notalabel.shared.web.ProblemException;

/**
 * No such album in the artist's catalogue, which is also the answer for another artist's.
 */
public final class AlbumNotFound extends ProblemException {

	public AlbumNotFound() {
		super(HttpStatus.NOT_FOUND, "album.not_found", "Album not found", "There is no such album in your catalogue.");
	}

}
