package com.notalabel.gateway.support;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The calls the gateway's tests make again and again.
 */
public final class GatewayCalls {

	private GatewayCalls() {
	}

	/** A GET with the token as a bearer token. */
	public static WebTestClient.ResponseSpec get(WebTestClient http, String path, String token) {
		return http.get().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange();
	}

	/**
	 * A sign-in attempt, as nginx would forward it for a client at {@code clientAddress}
	 * (the tests trust 127.0.0.1 as their proxy).
	 */
	public static WebTestClient.ResponseSpec signIn(WebTestClient http, String clientAddress) {
		return http.post()
			.uri("/api/v1/auth/login")
			.header("X-Forwarded-For", clientAddress)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"email\":\"someone@example.test\",\"password\":\"wrong\"}")
			.exchange();
	}

}
