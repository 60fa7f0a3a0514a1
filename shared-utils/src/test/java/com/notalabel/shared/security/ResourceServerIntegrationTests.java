package com.notalabel.shared.security;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;
import java.util.function.UnaryOperator;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.notalabel.shared.testapp.SharedUtilsIntegrationTest;
import com.notalabel.shared.testapp.TestHttp;
import com.notalabel.shared.testapp.TestHttp.Response;
import com.notalabel.shared.testapp.TestJwks;

import static com.notalabel.shared.testapp.TestHttp.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service verifies every access token itself (ARCHITECTURE.md §4), whatever the gateway
 * did before.
 */
@SharedUtilsIntegrationTest
class ResourceServerIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestJwks jwks;

	TestHttp http;

	UUID userId;

	UUID sessionId;

	@BeforeEach
	void setUp() {
		this.http = new TestHttp(this.port);
		this.userId = UUID.randomUUID();
		this.sessionId = UUID.randomUUID();
	}

	Response me(String token) {
		return this.http.get("/probe/me", bearer(token));
	}

	static void assertRefused(Response response) {
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer error=\"invalid_token\"");
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().path("code").asString()).isEqualTo("auth.invalid_token");
		assertThat(response.json().path("requestId").asString()).isNotBlank();
	}

	@Test
	void exposesTheUserOfAValidTokenToTheController() {
		Response response = me(this.jwks.accessToken(this.userId, this.sessionId, "artist", "admin"));

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().path("id").asString()).isEqualTo(this.userId.toString());
		assertThat(response.json().path("sessionId").asString()).isEqualTo(this.sessionId.toString());
		assertThat(response.json().path("roles").valueStream().map((role) -> role.asString())).containsExactly("admin",
				"artist");
	}

	@Test
	void readsTheTokenFromTheAccessTokenCookie() {
		Response response = this.http.get("/probe/me", (request) -> request.header("Cookie",
				"theme=dark; nal_at=" + this.jwks.accessToken(this.userId, this.sessionId, "artist")));

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().path("id").asString()).isEqualTo(this.userId.toString());
	}

	@Test
	void answersAnAnonymousCallWithAChallenge() {
		Response response = this.http.get("/probe/me");

		assertThat(response.status()).isEqualTo(401);
		assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer");
		assertThat(response.json().path("code").asString()).isEqualTo("auth.unauthenticated");
	}

	@Test
	void forbidsWhatTheUsersRolesDoNotAllow() {
		Response response = this.http.get("/probe/admin",
				bearer(this.jwks.accessToken(this.userId, this.sessionId, "artist")));

		assertThat(response.status()).isEqualTo(403);
		assertThat(response.json().path("code").asString()).isEqualTo("auth.forbidden");
	}

	@Test
	void letsAStaleCookieThroughToPublicPaths() {
		Response response = this.http.get("/public/hello", (request) -> request.header("Cookie", "nal_at=garbage"));

		assertThat(response.status()).isEqualTo(200);
	}

	@Test
	void leavesProbesAndApiDocsOpen() {
		assertThat(this.http.get("/actuator/health/liveness").status()).isEqualTo(200);
		assertThat(this.http.get("/actuator/health/readiness").status()).isEqualTo(200);
		assertThat(this.http.get("/actuator/prometheus").status()).isEqualTo(200);
		assertThat(this.http.get("/v3/api-docs").status()).isEqualTo(200);
	}

	@Test
	void acceptsATokenSignedWithARotatedInKeyAfterRefetchingTheKeySet() {
		RSAKey next = TestJwks.newKey("key-" + UUID.randomUUID());
		String token = TestJwks.sign(next, this.jwks.header(next),
				this.jwks.claims(this.userId, this.sessionId).build());
		assertRefused(me(token));

		this.jwks.publish(next);
		int fetchesBefore = this.jwks.fetches();

		assertThat(me(token).status()).isEqualTo(200);
		assertThat(this.jwks.fetches()).isEqualTo(fetchesBefore + 1);
		assertThat(me(token).status()).as("served from the cache").isEqualTo(200);
		assertThat(this.jwks.fetches()).isEqualTo(fetchesBefore + 1);
	}

	@Nested
	class RefusedTokens {

		TestJwks jwks() {
			return ResourceServerIntegrationTests.this.jwks;
		}

		JWTClaimsSet.Builder claims() {
			return jwks().claims(ResourceServerIntegrationTests.this.userId,
					ResourceServerIntegrationTests.this.sessionId, "artist");
		}

		String signed(UnaryOperator<JWSHeader.Builder> header, JWTClaimsSet claims) {
			RSAKey key = jwks().signingKey();
			return TestJwks.sign(key, header.apply(jwks().header(key)), claims);
		}

		@Test
		void refusesAnExpiredToken() {
			Instant past = Instant.now().minusSeconds(7200);
			assertRefused(me(signed(UnaryOperator.identity(),
					claims().issueTime(Date.from(past)).expirationTime(Date.from(past.plusSeconds(60))).build())));
		}

		@Test
		void refusesATokenWithoutExpiry() {
			assertRefused(me(signed(UnaryOperator.identity(), claims().expirationTime(null).build())));
		}

		@Test
		void refusesAnotherIssuer() {
			assertRefused(me(signed(UnaryOperator.identity(), claims().issuer("https://evil.example").build())));
		}

		@Test
		void refusesAnotherAudience() {
			assertRefused(me(signed(UnaryOperator.identity(), claims().audience("some-other-api").build())));
		}

		@Test
		void refusesATokenThatIsNotAnAccessToken() {
			assertRefused(me(signed((header) -> header.type(JOSEObjectType.JWT), claims().build())));
		}

		@Test
		void refusesATokenWithoutSession() {
			assertRefused(me(signed(UnaryOperator.identity(), claims().claim("sid", null).build())));
		}

		@Test
		void refusesASubjectThatIsNotAUserId() {
			assertRefused(me(signed(UnaryOperator.identity(), claims().subject("admin").build())));
		}

		@Test
		void refusesAnUnsignedToken() {
			String token = new PlainJWT(claims().build()).serialize();
			assertRefused(me(token));
		}

		@Test
		void refusesAnHmacTokenKeyedWithThePublicKey() throws Exception {
			// The classic algorithm-confusion forgery: HS256 with the RSA public key as
			// secret.
			byte[] secret = jwks().signingKey().toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8);
			SignedJWT forged = new SignedJWT(
					new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(jwks().signingKey().getKeyID())
						.type(new JOSEObjectType("at+jwt"))
						.build(),
					claims().build());
			forged.sign(new MACSigner(secret));
			assertRefused(me(forged.serialize()));
		}

		@Test
		void refusesAKeyTheTokenBringsWithIt() {
			RSAKey attacker = TestJwks.newKey(jwks().signingKey().getKeyID());
			String token = TestJwks.sign(attacker, jwks().header(attacker).jwk(attacker.toPublicJWK()),
					claims().build());
			assertRefused(me(token));
		}

		@Test
		void refusesATokenSignedByAnUnknownKey() {
			RSAKey stranger = TestJwks.newKey("unknown-" + UUID.randomUUID());
			assertRefused(me(TestJwks.sign(stranger, jwks().header(stranger), claims().build())));
		}

		@Test
		void refusesATamperedPayload() {
			String[] parts = jwks()
				.accessToken(ResourceServerIntegrationTests.this.userId, ResourceServerIntegrationTests.this.sessionId,
						"artist")
				.split("\\.");
			String payload = Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString(claims().claim("roles", java.util.List.of("admin"))
					.build()
					.toString()
					.getBytes(StandardCharsets.UTF_8));
			assertRefused(me(parts[0] + "." + payload + "." + parts[2]));
		}

		@Test
		void refusesAnOversizedTokenBeforeParsingIt() {
			assertRefused(me("a".repeat(9000)));
		}

		@Test
		void refusesGarbage() {
			assertRefused(me("not.a.token"));
			Response response = ResourceServerIntegrationTests.this.http.send(HttpRequest
				.newBuilder(java.net.URI
					.create("http://127.0.0.1:" + ResourceServerIntegrationTests.this.port + "/probe/me"))
				.header("Authorization", "Bearer !!!"));
			assertThat(response.status()).isEqualTo(401);
		}

	}

}
