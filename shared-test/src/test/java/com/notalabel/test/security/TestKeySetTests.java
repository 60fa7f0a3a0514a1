package com.notalabel.test.security;

import java.net.URI;
import java.util.Set;
import java.util.UUID;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.notalabel.test.http.TestHttp;

import static org.assertj.core.api.Assertions.assertThat;

class TestKeySetTests {

	private final TestKeySet keys = TestKeySet.create();

	@AfterEach
	void stop() {
		this.keys.close();
	}

	@Test
	void signsTokensAsUserServiceDoesThatVerifyAgainstTheServedKeySet() throws Exception {
		UUID user = UUID.randomUUID();
		UUID session = UUID.randomUUID();

		String token = this.keys.accessToken(user, session, "ARTIST");

		SignedJWT jwt = SignedJWT.parse(token);
		assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
		assertThat(jwt.getHeader().getKeyID()).isEqualTo(this.keys.signingKey().getKeyID());
		assertThat(jwt.getHeader().getType()).isEqualTo(new JOSEObjectType("at+jwt"));
		JWTClaimsSet claims = verifier(this.keys.uri()).process(token, null);
		assertThat(claims.getSubject()).isEqualTo(user.toString());
		assertThat(claims.getStringClaim("sid")).isEqualTo(session.toString());
		assertThat(claims.getStringListClaim("roles")).containsExactly("ARTIST");
		assertThat(claims.getJWTID()).isNotBlank();
		assertThat(this.keys.fetches()).isEqualTo(1);
	}

	@Test
	void publishesOnlyThePublicPartsOfItsKeys() {
		this.keys.publish(TestKeySet.newKey("next"));

		String served = TestHttp.at(this.keys.uri()).get("").send().body();

		assertThat(served).isEqualTo(this.keys.jwks()).contains("\"next\"").doesNotContain("\"d\"", "\"p\"");
	}

	@Test
	void answersUnavailableWhileTold() {
		this.keys.unavailable(true);

		assertThat(TestHttp.at(this.keys.uri()).get("").send().status()).isEqualTo(503);
	}

	private static DefaultJWTProcessor<SecurityContext> verifier(URI jwks) throws Exception {
		DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
		processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("at+jwt")));
		processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256,
				JWKSourceBuilder.create(jwks.toURL()).retrying(false).build()));
		processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(TestKeySet.AUDIENCE,
				new JWTClaimsSet.Builder().issuer(TestKeySet.ISSUER).build(),
				Set.of("sub", "sid", "roles", "iat", "exp", "jti")));
		return processor;
	}

}
