package com.notalabel.user.token;

import java.net.URI;
import java.net.URL;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.notalabel.test.http.Response;
import com.notalabel.user.UserServiceIntegrationTest;
import com.notalabel.user.testing.Jwts;
import com.notalabel.user.testing.Person;
import com.notalabel.user.testing.UserServiceApi;

import static org.assertj.core.api.Assertions.assertThat;

@UserServiceIntegrationTest
class AccessTokenIntegrationTests {

	private final UserServiceApi api;

	private final int port;

	private final KeyRing keys;

	AccessTokenIntegrationTests(@Autowired UserServiceApi api, @LocalServerPort int port, @Autowired KeyRing keys) {
		this.api = api;
		this.port = port;
		this.keys = keys;
	}

	@Test
	void publishesOnlyPublicRs256KeysNamedByTheirThumbprint() {
		Response response = this.api.http().get("/.well-known/jwks.json").send();

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("Cache-Control")).isEqualTo("max-age=60, public");
		JsonNode current = null;
		for (JsonNode key : response.json().path("keys")) {
			assertThat(key.propertyNames()).containsExactlyInAnyOrder("kty", "e", "use", "kid", "alg", "n");
			assertThat(key.path("alg").asString()).isEqualTo("RS256");
			assertThat(key.path("use").asString()).isEqualTo("sig");
			if (key.path("kid").asString().equals(this.keys.signer().kid())) {
				current = key;
			}
		}
		assertThat(current).as("the key that signs now").isNotNull();
	}

	/**
	 * The JWT library of every verifier, Nimbus, against the key set fetched over HTTP.
	 */
	@Test
	void issuesTokensThatAnotherJwtLibraryVerifiesAgainstThePublishedKeys() throws Exception {
		Person person = this.api.people().register();
		DefaultJWTProcessor<SecurityContext> verifier = new DefaultJWTProcessor<>();
		verifier.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("at+jwt")));
		verifier.setJWSKeySelector(
				new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, new ImmutableJWKSet<>(JWKSet.load(jwksUrl()))));

		JWTClaimsSet claims = verifier.process(person.accessToken(), null);

		assertThat(claims.getIssuer()).isEqualTo("not-a-label");
		assertThat(claims.getAudience()).containsExactly("not-a-label-api");
		assertThat(claims.getSubject()).isEqualTo(person.id().toString());
		assertThat(claims.getStringClaim("sid")).isEqualTo(person.session().toString());
		assertThat(claims.getStringListClaim("roles")).containsExactly("ARTIST");
		assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()).isEqualTo(86_400_000L);
		assertThat(UUID.fromString(claims.getJWTID())).isNotNull();
		assertThat(claims.getClaims().keySet()).containsExactlyInAnyOrder("iss", "aud", "sub", "sid", "roles", "iat",
				"exp", "jti");
		JsonNode header = Jwts.header(person.accessToken());
		assertThat(header.path("alg").asString()).isEqualTo("RS256");
		assertThat(header.path("typ").asString()).isEqualTo("at+jwt");
		assertThat(header.path("kid").asString()).isEqualTo(this.keys.signer().kid());
		assertThat(header.propertyNames()).containsExactlyInAnyOrder("alg", "typ", "kid");
	}

	@Nested
	class Refuses {

		@Test
		void aTokenSignedByAnotherKeyUnderTheSameKid() throws Exception {
			Person person = AccessTokenIntegrationTests.this.api.people().register();

			assertRefused(sign(claims(person, Instant.now().plusSeconds(600), "not-a-label-api"),
					RsaSigningKey.generate(), AccessTokenIntegrationTests.this.keys.signer().kid(), "at+jwt"));
		}

		@Test
		void anExpiredTokenOrOneForAnotherAudienceOrOfAnotherType() throws Exception {
			Person person = AccessTokenIntegrationTests.this.api.people().register();
			RsaSigningKey key = AccessTokenIntegrationTests.this.keys.signer();

			assertThat(status(
					sign(claims(person, Instant.now().plusSeconds(600), "not-a-label-api"), key, key.kid(), "at+jwt")))
				.as("the control: a well-formed token")
				.isEqualTo(200);
			assertRefused(
					sign(claims(person, Instant.now().minusSeconds(120), "not-a-label-api"), key, key.kid(), "at+jwt"));
			assertRefused(
					sign(claims(person, Instant.now().plusSeconds(600), "another-api"), key, key.kid(), "at+jwt"));
			assertRefused(
					sign(claims(person, Instant.now().plusSeconds(600), "not-a-label-api"), key, key.kid(), "JWT"));
		}

		@Test
		void anHs256TokenKeyedWithThePublicKey() throws Exception {
			Person person = AccessTokenIntegrationTests.this.api.people().register();
			RsaSigningKey key = AccessTokenIntegrationTests.this.keys.signer();
			SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(key.kid())
				.type(new JOSEObjectType("at+jwt"))
				.build(), claims(person, Instant.now().plusSeconds(600), "not-a-label-api"));
			forged.sign(new MACSigner(key.publicKey().getEncoded()));

			assertRefused(forged.serialize());
		}

		@Test
		void anUnsignedToken() {
			Person person = AccessTokenIntegrationTests.this.api.people().register();
			String[] parts = person.accessToken().split("\\.");
			String none = java.util.Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString("{\"alg\":\"none\",\"typ\":\"at+jwt\"}".getBytes());

			assertRefused(none + "." + parts[1] + ".");
		}

		private void assertRefused(String token) {
			Response response = AccessTokenIntegrationTests.this.api.http()
				.get("/api/v1/users/me")
				.bearer(token)
				.send();
			assertThat(response.status()).isEqualTo(401);
			assertThat(response.code()).isEqualTo("auth.invalid_token");
		}

		private int status(String token) {
			return AccessTokenIntegrationTests.this.api.http().get("/api/v1/users/me").bearer(token).send().status();
		}

	}

	private URL jwksUrl() throws Exception {
		return URI.create("http://127.0.0.1:" + this.port + "/.well-known/jwks.json").toURL();
	}

	private static JWTClaimsSet claims(Person person, Instant expiresAt, String audience) {
		return new JWTClaimsSet.Builder().issuer("not-a-label")
			.audience(List.of(audience))
			.subject(person.id().toString())
			.claim("sid", person.session().toString())
			.claim("roles", List.of("ARTIST"))
			.issueTime(Date.from(expiresAt.minusSeconds(3600)))
			.expirationTime(Date.from(expiresAt))
			.jwtID(UUID.randomUUID().toString())
			.build();
	}

	private static String sign(JWTClaimsSet claims, RsaSigningKey key, String kid, String type) throws Exception {
		SignedJWT jwt = new SignedJWT(
				new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).type(new JOSEObjectType(type)).build(), claims);
		jwt.sign(new RSASSASigner(key.privateKey()));
		return jwt.serialize();
	}

}
