package com.notalabel.gateway;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import com.notalabel.gateway.support.StubPlatform;
import com.notalabel.test.security.AccessToken;
import com.notalabel.test.security.TestKeySet;

import static org.assertj.core.api.Assertions.assertThat;

class AccessTokenIntegrationTests extends GatewayIntegrationTest {

	private static final TestKeySet KEYS = TestKeySet.shared();

	private static final RSAKey KEY = KEYS.signingKey();

	@Autowired
	MeterRegistry meters;

	@Test
	void letsAValidBearerTokenThroughUnchanged() {
		String token = KEYS.token().value();
		String path = "/api/v1/tracks/" + UUID.randomUUID();

		get(path, token).expectStatus().isOk();

		assertThat(StubPlatform.music.receivedUnder(path)).singleElement()
			.satisfies((request) -> assertThat(request.header("authorization")).containsExactly(bearer(token)));
	}

	@Test
	void letsAValidCookieTokenThroughWithTheCookie() {
		String token = KEYS.token().value();
		String path = "/api/v1/albums/" + UUID.randomUUID();

		this.http.get().uri(path).cookie("nal_at", token).exchange().expectStatus().isOk();

		assertThat(StubPlatform.music.receivedUnder(path)).singleElement()
			.satisfies((request) -> assertThat(String.join(";", request.header("cookie"))).contains("nal_at=" + token));
	}

	@Test
	void acceptsATokenSignedByANewlyPublishedKey() {
		RSAKey rotated = TestKeySet.newKey("rotated-" + UUID.randomUUID());
		KEYS.publish(rotated);
		AccessToken token = KEYS.token();
		String signed = token.signedWith(rotated);

		get("/api/v1/tracks", signed).expectStatus().isOk();
	}

	@Test
	void verifiesARepeatedTokenOnlyOnce() {
		String token = KEYS.token().value();
		double before = verifications();

		for (int i = 0; i < 3; i++) {
			get("/api/v1/tracks", token).expectStatus().isOk();
		}

		assertThat(verifications() - before).isEqualTo(1);
	}

	@Test
	void letsAnonymousCallsReachPublicEndpoints() {
		String handle = "artist-" + UUID.randomUUID();

		this.http.get().uri("/api/v1/artists/" + handle).exchange().expectStatus().isOk();
		this.http.get().uri("/.well-known/jwks.json").exchange().expectStatus().isOk();

		assertThat(StubPlatform.users.receivedUnder("/api/v1/artists/" + handle)).hasSize(1);
	}

	@Test
	void ignoresAnInvalidTokenOnAPublicEndpoint() {
		get("/api/v1/artists/someone", "not-a-token").expectStatus().isOk();
	}

	private double verifications() {
		return this.meters.find("nal.gateway.access_tokens.verifications")
			.counters()
			.stream()
			.mapToDouble((counter) -> counter.count())
			.sum();
	}

	@Nested
	class Refusals {

		@Test
		void refusesACallWithoutATokenAsUnauthenticated() {
			String path = "/api/v1/tracks/" + UUID.randomUUID();

			AccessTokenIntegrationTests.this.http.get()
				.uri(path)
				.exchange()
				.expectStatus()
				.isUnauthorized()
				.expectHeader()
				.valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.code")
				.isEqualTo("auth.unauthenticated")
				.jsonPath("$.status")
				.isEqualTo(401)
				.jsonPath("$.instance")
				.isEqualTo(path)
				.jsonPath("$.requestId")
				.isNotEmpty();

			assertThat(StubPlatform.music.receivedUnder(path)).isEmpty();
		}

		@ParameterizedTest(name = "{0}")
		@MethodSource("com.notalabel.gateway.AccessTokenIntegrationTests#refusedTokens")
		void refusesAnInvalidToken(String what, String token) {
			String path = "/api/v1/tracks/" + UUID.randomUUID();

			get(path, token).expectStatus()
				.isUnauthorized()
				.expectHeader()
				.valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.code")
				.isEqualTo("auth.invalid_token")
				.jsonPath("$.type")
				.isEqualTo("https://notalabel.com/problems/auth/invalid_token");

			assertThat(StubPlatform.music.receivedUnder(path)).isEmpty();
		}

		@Test
		void refusesAnInvalidCookieTokenToo() {
			AccessTokenIntegrationTests.this.http.get()
				.uri("/api/v1/tracks")
				.cookie("nal_at", KEYS.token().with((claims) -> claims.issuer("someone-else")).value())
				.exchange()
				.expectStatus()
				.isUnauthorized();
		}

	}

	static Stream<Arguments> refusedTokens() throws JOSEException {
		AccessToken token = KEYS.token();
		RSAKey stranger = TestKeySet.newKey("unknown-" + UUID.randomUUID());
		String valid = token.value();
		String[] parts = valid.split("\\.");
		Instant now = Instant.now();
		ECKey ecKey = new ECKeyGenerator(Curve.P_256).keyID(KEY.getKeyID()).generate();
		return Stream.of(
				Arguments.of("alg none",
						base64Url("{\"alg\":\"none\",\"typ\":\"at+jwt\",\"kid\":\"" + KEY.getKeyID() + "\"}") + "."
								+ parts[1] + "."),
				Arguments.of("HS256 signed with the public key",
						TestKeySet.sign(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(KEY.getKeyID())
							.type(TestKeySet.ACCESS_TOKEN_TYPE)
							.build(), token.claims(), new MACSigner(KEY.toRSAPublicKey().getEncoded()))),
				Arguments
					.of("ES256",
							TestKeySet.sign(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(KEY.getKeyID())
								.type(TestKeySet.ACCESS_TOKEN_TYPE)
								.build(), token.claims(), new ECDSASigner(ecKey))),
				Arguments
					.of("tampered payload",
							parts[0] + "."
									+ base64Url(
											token.with((claims) -> claims.claim("roles", List.of("ADMIN")))
												.claims()
												.toString())
									+ "." + parts[2]),
				Arguments.of("tampered signature", parts[0] + "." + parts[1] + "." + flipped(parts[2])),
				Arguments
					.of("expired",
							token.with((claims) -> claims.issueTime(Date.from(now.minus(Duration.ofHours(2))))
								.expirationTime(Date.from(now.minus(Duration.ofMinutes(10))))).value()),
				Arguments.of("not yet valid",
						token.with((claims) -> claims.notBeforeTime(Date.from(now.plus(Duration.ofMinutes(10)))))
							.value()),
				Arguments.of("without exp", token.with((claims) -> claims.expirationTime(null)).value()),
				Arguments.of("wrong iss", token.with((claims) -> claims.issuer("https://evil.example")).value()),
				Arguments.of("wrong aud", token.with((claims) -> claims.audience("another-api")).value()),
				Arguments.of("wrong typ",
						TestKeySet.sign(TestKeySet.header(KEY).type(JOSEObjectType.JWT).build(), token.claims(),
								TestKeySet.signer(KEY))),
				Arguments.of("unknown kid",
						TestKeySet.sign(TestKeySet.header(stranger).build(), token.claims(),
								TestKeySet.signer(stranger))),
				Arguments
					.of("stranger's key under a known kid",
							TestKeySet.sign(TestKeySet.header(KEY).build(), token.claims(),
									TestKeySet.signer(stranger))),
				Arguments.of("its own key in jwk",
						TestKeySet.sign(TestKeySet.header(KEY).jwk(KEY.toPublicJWK()).build(), token.claims(),
								TestKeySet.signer(KEY))),
				Arguments.of("a key set in jku",
						TestKeySet.sign(
								TestKeySet.header(KEY).jwkURL(URI.create("https://evil.example/jwks.json")).build(),
								token.claims(), TestKeySet.signer(KEY))),
				Arguments.of("a certificate in x5u",
						TestKeySet.sign(
								TestKeySet.header(KEY).x509CertURL(URI.create("https://evil.example/cert.pem")).build(),
								token.claims(), TestKeySet.signer(KEY))),
				Arguments.of("sub not a UUID", token.with((claims) -> claims.subject("admin")).value()),
				Arguments.of("garbage", "not-a-token"), Arguments.of("three dots of garbage", "a.b.c"),
				Arguments.of("oversized", valid + "A".repeat(9000)));
	}

	private static String base64Url(String json) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
	}

	private static String flipped(String signature) {
		char first = signature.charAt(0);
		return ((first == 'A') ? 'B' : 'A') + signature.substring(1);
	}

}
