package com.notalabel.gateway.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class RequestPathFirewallTests {

	@ParameterizedTest
	@ValueSource(strings = { "/", "/api/v1/tracks", "/api/v1/tracks/", "/api/v1/artists/caf%C3%A9",
			"/api/v1/tracks/0190a6e4-7c3a-7b2e-9f4d-1a2b3c4d5e6f", "/.well-known/jwks.json", "/api/v1/a.b/c..d",
			"/api/v1/tracks/x%20y", "/api/v1/...", "/api/v1/.hidden" })
	void acceptsPathsInNormalForm(String path) {
		assertThat(RequestPathFirewall.accepts(path)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "api/v1/tracks", "//api/v1/tracks", "/api//v1", "/api/v1/./tracks", "/api/v1/.",
			"/api/v1/../tracks", "/api/v1/..", "/api/v1/%2e%2e/tracks", "/api/v1/%2E/tracks", "/api/v1/.%2e/x",
			"/api/v1/a%2fb", "/api/v1/a%2Fb", "/api/v1/a%5cb", "/api/v1/a\\b", "/api/v1/a;b", "/api/v1/a%3bb",
			"/api/v1/a%252e", "/api/v1/a%00", "/api/v1/a%0a", "/api/v1/a%", "/api/v1/a%2", "/api/v1/a%zz",
			"/api/v1/a b", "/api/v1/\u00e9" })
	void refusesEverythingElse(String path) {
		assertThat(RequestPathFirewall.accepts(path)).isFalse();
	}

}
