package com.notalabel.ai.thread;

import java.util.UUID;

import org.springframework.http.HttpStatus;

import com.notalabel.shared.web.ProblemException;

/**
 * No thread of the artist has this id; another artist's thread reads the same.
 */
final class ThreadNotFound extends ProblemException {

	ThreadNotFound(UUID id) {
		super(HttpStatus.NOT_FOUND, "ai.thread_not_found", "Thread not found", "No thread " + id + " of yours.");
	}

}
