package com.notalabel.user.session;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import com.notalabel.test.http.Response;
import com.notalabel.test.http.SetCookie;
import com.notalabel.types.events.user.SessionRevoked.RevocationReason;
import com.notalabel.types.events.user.SessionRevoked;
import com.notalabel.user.UserServiceIntegrationTest;
import com.notalabel.user.opaque.OpaqueToken;
import com.notalabel.user.testing.Jwts;
import com.notalabel.user.testing.Person;
import com.notalabel.user.testing.UserServiceApi;

import static org.assertj.core.api.Assertions.assertThat;

@UserServiceIntegrationTest
class RefreshIntegrationTests {

	private final UserServiceApi api;

	RefreshIntegrationTests(@Autowired UserServiceApi api) {
		this.api = api;
	}

	@Test
	void exchangesTheRefreshTokenForANewPairWithTheSignInBody() {
		Person person = this.api.people().register();

		Response response = refresh(person.refreshToken());

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().propertyNames()).containsExactly("user", "accessToken", "expiresIn");
		assertThat(response.json().path("user").path("id").asString()).isEqualTo(person.id().toString());
		String accessToken = response.json().path("accessToken").asString();
		assertThat(accessToken).isNotEqualTo(person.accessToken())
			.isEqualTo(response.cookie("nal_at").orElseThrow().value());
		assertThat(Jwts.claims(accessToken).path("sid").asString()).isEqualTo(person.session().toString());
		SetCookie rotated = response.cookie("nal_rt").orElseThrow();
		assertThat(rotated.value()).isNotEqualTo(person.refreshToken());
		assertThat(rotated.maxAge()).as("the session's absolute end does not move").isLessThanOrEqualTo(30 * 86_400L);
		assertThat(refresh(rotated.value()).status()).isEqualTo(200);
	}

	@Test
	void givesTheSamePairToARotatedTokenThatComesBackWithinSeconds() {
		Person person = this.api.people().register();
		Response first = refresh(person.refreshToken());

		Response again = refresh(person.refreshToken());

		assertThat(again.status()).isEqualTo(200);
		assertThat(again.cookie("nal_rt").orElseThrow().value())
			.isEqualTo(first.cookie("nal_rt").orElseThrow().value());
		assertThat(again.json().path("accessToken").asString()).isEqualTo(first.json().path("accessToken").asString());
	}

	@Test
	void rotatesOnceForTwentyParallelRefreshesWithOneToken() throws Exception {
		Person person = this.api.people().register();
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Response>> responses = new ArrayList<>();
		try (ExecutorService clients = Executors.newFixedThreadPool(20)) {
			for (int client = 0; client < 20; client++) {
				responses.add(clients.submit(() -> {
					start.await();
					return refresh(person.refreshToken());
				}));
			}
			start.countDown();
		}

		List<String> refreshTokens = new ArrayList<>();
		List<String> accessTokens = new ArrayList<>();
		for (Future<Response> future : responses) {
			Response response = future.get();
			assertThat(response.status()).as(response.body()).isEqualTo(200);
			refreshTokens.add(response.cookie("nal_rt").orElseThrow().value());
			accessTokens.add(response.json().path("accessToken").asString());
		}
		assertThat(refreshTokens).containsOnly(refreshTokens.get(0));
		assertThat(accessTokens).containsOnly(accessTokens.get(0));
		assertThat(refreshTokensOf(person)).as("the first one and its one successor").isEqualTo(2);
		assertThat(this.api.http().get("/api/v1/users/me").bearer(accessTokens.get(0)).send().status()).isEqualTo(200);
	}

	@Nested
	class Refuses {

		@Test
		void aRotatedTokenAfterTheGracePeriodAndRevokesTheWholeSession() {
			Person person = RefreshIntegrationTests.this.api.people().register();
			Response rotated = refresh(person.refreshToken());
			String successor = rotated.cookie("nal_rt").orElseThrow().value();
			String successorAccessToken = rotated.json().path("accessToken").asString();
			endGracePeriodOf(person.refreshToken());

			Response reused = refresh(person.refreshToken());

			assertThat(reused.status()).isEqualTo(401);
			assertThat(reused.code()).isEqualTo("auth.invalid_refresh_token");
			assertThat(reused.cookie("nal_rt").orElseThrow().maxAge()).isZero();
			assertThat(refresh(successor).status()).as("the thief's or the owner's newer token").isEqualTo(401);
			assertThat(RefreshIntegrationTests.this.api.http()
				.get("/api/v1/users/me")
				.bearer(successorAccessToken)
				.send()
				.status()).isEqualTo(401);
			assertThat(RefreshIntegrationTests.this.api.events()
				.await(SessionRevoked.class, (event) -> event.sessionId().equals(person.session()))
				.reason()).isEqualTo(RevocationReason.REFRESH_TOKEN_REUSE);
		}

		@Test
		void aMissingOrUnknownTokenAndClearsTheCookies() {
			Response missing = RefreshIntegrationTests.this.api.http().post("/api/v1/auth/refresh").send();
			Response unknown = refresh(OpaqueToken.generate().value());
			Response malformed = refresh("not a token");

			for (Response response : List.of(missing, unknown, malformed)) {
				assertThat(response.status()).isEqualTo(401);
				assertThat(response.code()).isEqualTo("auth.invalid_refresh_token");
				assertThat(response.cookie("nal_at").orElseThrow().maxAge()).isZero();
				assertThat(response.cookie("nal_rt").orElseThrow().maxAge()).isZero();
				assertThat(response.cookie("nal_rt").orElseThrow().attribute("Path")).isEqualTo("/api/v1/auth");
			}
		}

		@Test
		void aSessionPastItsAbsoluteEnd() {
			Person person = RefreshIntegrationTests.this.api.people().register();
			RefreshIntegrationTests.this.api.jdbc()
				.sql("update users.session set expires_at = now() - interval '1 second' where id = ?")
				.param(person.session().value())
				.update();

			assertThat(refresh(person.refreshToken()).status()).isEqualTo(401);
		}

	}

	private Response refresh(String refreshToken) {
		return this.api.http().post("/api/v1/auth/refresh").cookie("nal_rt", refreshToken).send();
	}

	private void endGracePeriodOf(String refreshToken) {
		this.api.jdbc()
			.sql("update users.refresh_token set rotated_at = rotated_at - interval '1 minute' where token_hash = ?")
			.param(OpaqueToken.hashOf(refreshToken))
			.update();
	}

	private long refreshTokensOf(Person person) {
		return this.api.jdbc()
			.sql("select count(*) from users.refresh_token where session_id = ?")
			.param(person.session().value())
			.query(Long.class)
			.single();
	}

}
