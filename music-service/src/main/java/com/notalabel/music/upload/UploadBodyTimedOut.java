package com.notalabel.music.upload;

import java.time.Duration;

import org.springframework.http.HttpStatus;

import com.notalabel.shared.web.ProblemException;

/**
 * The request body stopped arriving: nothing came for
 * {@code server.tomcat.connection-timeout} (a client on a bad connection). The client's
 * failure, not the service's, so a gateway's circuit breaker does not count it. Nothing
 * was kept.
 */
final class UploadBodyTimedOut extends ProblemException {

	UploadBodyTimedOut(Duration timeout) {
		super(HttpStatus.REQUEST_TIMEOUT, "upload.body_timeout", "Upload timed out",
				"Nothing of the upload arrived for " + timeout.toSeconds()
						+ " seconds, so it was stopped. Please try again on a steadier connection.");
		with("timeoutSeconds", timeout.toSeconds());
		withHeader("Connection", "close");
	}

}
