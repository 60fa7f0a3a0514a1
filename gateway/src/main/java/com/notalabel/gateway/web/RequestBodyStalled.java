package com.notalabel.gateway.web;

import org.springframework.http.HttpStatus;

/**
 * The client stopped sending its request body (a bad connection, a client that hung), or
 * took longer to send it than the route waits for an answer: the client's fault, never
 * the service's. The rest of the body will not be read, so the connection is closed.
 */
public final class RequestBodyStalled extends GatewayProblem {

	private static final Problem PROBLEM = new Problem(HttpStatus.REQUEST_TIMEOUT, "request.body_timeout",
			"The request body stopped arriving before it was complete.")
		.withHeader("Connection", "close");

	RequestBodyStalled() {
		super(PROBLEM);
	}

}
