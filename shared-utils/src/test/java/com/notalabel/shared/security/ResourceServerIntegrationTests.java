package com.notalabel.shared.security;

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
import com.notalabel.test.http.TestHttp;
import com.notalabel.test.http.Response;
import com.notalabel.test.security.TestKeySet;

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
	TestKeySet jwks;

	TestHttp http;

	UUID userId;

	UUID sessionId;

	@BeforeEach
	void setUp() {
		this.http = TestHttp.on(this.port);
		this.userId = UUID.randomUUID();
		this.sessionId = UUID.randomUUID();
	}

	Response me(String token) {
		return this.http.get("/probe/me").bearer(token).send();
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
		Response response = this.http.get("/probe/me")
			.header("Cookie", "theme=dark; nal_at=" + this.jwks.accessToken(this.userId, this.sessionId, "artist"))
			.send();

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().path("id").asString()).isEqualTo(this.userId.toString());
	}

	@Test
	void answersAnAnonymousCallWithAChallenge() {
		Response response = this.http.get("/probe/me").send();

		assertThat(response.status()).isEqualTo(401);
		assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer");
		assertThat(response.json().path("code").asString()).isEqualTo("auth.unauthenticated");
	}

	@Test
	void forbidsWhatTheUsersRolesDoNotAllow() {
		Response response = this.http.get("/probe/admin")
			.bearer(this.jwks.accessToken(this.userId, this.sessionId, "artist"))
			.send();

		assertThat(response.status()).isEqualTo(403);
		assertThat(response.json().path("code").asString()).isEqualTo("auth.forbidden");
	}

	@Test
	void letsAStaleCookieThroughToPublicPaths() {
		Response response = this.http.get("/public/hello").header("Cookie", "nal_at=garbage").send();

		assertThat(response.status()).isEqualTo(200);
	}

	@Test
	void leavesProbesAndApiDocsOpen() {
		assertThat(this.http.get("/actuator/health/liveness").send().status()).isEqualTo(200);
		assertThat(this.http.get("/actuator/health/readiness").send().status()).isEqualTo(200);
		assertThat(this.http.get("/actuator/prometheus").send().status()).isEqualTo(200);
		assertThat(this.http.get("/v3/api-docs").send().status()).isEqualTo(200);
	}

	@Test
	void acceptsATokenSignedWithARotatedInKeyAfterRefetchingTheKeySet() {
		RSAKey next = TestKeySet.newKey("key-" + UUID.randomUUID());
		String token = this.jwks.token(this.userId, this.sessionId).signedWith(next);
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

		TestKeySet jwks() {
			return ResourceServerIntegrationTests.this.jwks;
		}

		JWTClaimsSet.Builder claims() {
			return TestKeySet.claims(ResourceServerIntegrationTests.this.userId,
					ResourceServerIntegrationTests.this.sessionId, "artist");
		}

		String signed(UnaryOperator<JWSHeader.Builder> header, JWTClaimsSet claims) {
			RSAKey key = jwks().signingKey();
			return TestKeySet.sign(key, header.apply(TestKeySet.header(key)).build(), claims);
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
			// The classic algorithm-confusion forgery: HS256 with the RSA public key as secret.
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
			RSAKey attacker = TestKeySet.newKey(jwks().signingKey().getKeyID());
			String token = TestKeySet.sign(attacker, TestKeySet.header(attacker).jwk(attacker.toPublicJWK()).build(),
					claims().build());
			assertRefused(me(token));
		}

		@Test
		void refusesATokenSignedByAnUnknownKey() {
			RSAKey stranger = TestKeySet.newKey("unknown-" + UUID.randomUUID());
			assertRefused(me(TestKeySet.sign(stranger, TestKeySet.header(stranger).build(), claims().build())));
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
			Response response = ResourceServerIntegrationTests.this.http.get("/probe/me").bearer("!!!").send();
			assertThat(response.status()).isEqualTo(401);
		}

	}

}
