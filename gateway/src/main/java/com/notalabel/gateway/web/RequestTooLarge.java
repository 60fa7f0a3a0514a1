package com.notalabel.gateway.web;

import org.springframework.http.HttpStatus;

/**
 * A request body beyond its route's limit.
 */
public final class RequestTooLarge extends GatewayProblem {

	RequestTooLarge(long limit) {
		super(new Problem(HttpStatus.CONTENT_TOO_LARGE, "request.too_large",
				"The request body is larger than the " + limit + " bytes this endpoint accepts."));
	}

}
