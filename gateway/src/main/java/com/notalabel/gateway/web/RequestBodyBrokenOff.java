package com.notalabel.gateway.web;

import org.springframework.http.HttpStatus;

/**
 * The client's connection failed while its request body was arriving: the client closed
 * or reset it, usually because it gave up. Nobody may be left to read the answer; it
 * matters that the service is not blamed for it.
 */
public final class RequestBodyBrokenOff extends GatewayProblem {

	private static final Problem PROBLEM = new Problem(HttpStatus.BAD_REQUEST, "request.body_incomplete",
			"The connection failed before the request body was complete.")
		.withHeader("Connection", "close");

	RequestBodyBrokenOff() {
		super(PROBLEM);
	}

}
