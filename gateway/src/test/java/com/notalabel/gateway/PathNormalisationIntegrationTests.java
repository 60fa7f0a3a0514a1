package com.notalabel.gateway;

import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.notalabel.gateway.support.RawHttp;
import com.notalabel.gateway.support.StubPlatform;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /api/v1/artists/**} is public; {@code /api/v1/users/me} is not, and is served by
 * the same service. A path that a service would normalise differently from the gateway
 * must not smuggle a private request through a public prefix.
 */
class PathNormalisationIntegrationTests extends GatewayIntegrationTest {

	@ParameterizedTest
	@ValueSource(strings = { "/api/v1/artists/../{private}", "/api/v1/artists/%2e%2e/{private}",
			"/api/v1/artists/%2E%2E/{private}", "/api/v1/artists/.%2e/{private}", "/api/v1/artists/..;/{private}",
			"/api/v1/artists;x=y/../{private}", "/api/v1/artists/x/..%2f..%2f{private}", "//api/v1/{private}",
			"/api/v1//{private}", "/api/v1/./{private}", "/api/v1/artists/%252e%252e/{private}",
			"/api/v1/artists/..%5c{private}", "/api/v1/{private};.css", "/api/v1/artists/%2e%2e%2f{private}" })
	void neverLetsATrickPathPastAuthentication(String trick) {
		String secret = UUID.randomUUID().toString();

		String response = RawHttp.get(this.port, trick.replace("{private}", "users/" + secret));

		assertThat(RawHttp.status(response)).isIn(400, 401);
		assertThat(StubPlatform.users.received((request) -> request.rawPath().contains(secret))).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/v1/artists/../users/me", "/api/v1/artists/%2e%2e/users/me",
			"/api/v1/artists;x=y/../users/me", "//api/v1/users/me" })
	void refusesAPathNotInNormalFormAsABadRequest(String trick) {
		String response = RawHttp.get(this.port, trick);

		assertThat(RawHttp.status(response)).isEqualTo(400);
		assertThat(response).contains("application/problem+json").contains("\"code\":\"request.invalid_path\"");
	}

}
