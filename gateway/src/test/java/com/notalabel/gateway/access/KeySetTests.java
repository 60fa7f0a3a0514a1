package com.notalabel.gateway.access;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.threeten.extra.MutableClock;
import reactor.core.publisher.Mono;

import com.notalabel.gateway.support.StubService;
import com.notalabel.gateway.support.StubService.Answer;
import com.notalabel.test.security.TestKeySet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

class KeySetTests {

	private static final RSAKey FIRST = TestKeySet.shared().signingKey();

	private static final RSAKey SECOND = TestKeySet.newKey("second");

	private static final Duration TTL = Duration.ofMinutes(5);

	private static final Duration REFETCH = Duration.ofSeconds(30);

	private final StubService userService = StubService.start();

	private final AtomicReference<Answer> jwks = new AtomicReference<>(keySet(FIRST));

	private final MutableClock clock = MutableClock.of(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

	private final KeySet keys = new KeySet(URI.create(this.userService.url() + "/.well-known/jwks.json"), TTL, REFETCH,
			Duration.ofSeconds(2), this.clock);

	KeySetTests() {
		this.userService.answer("/.well-known/jwks.json", this.jwks::get);
	}

	@AfterEach
	void stop() {
		this.userService.close();
	}

	@Test
	void fetchesOnceForRequestsThatArriveTogether() {
		this.userService.delay("/.well-known/jwks.json", Duration.ofMillis(300));

		List<Object> verifiers = Mono
			.zip(this.keys.verifierFor(FIRST.getKeyID()), this.keys.verifierFor(FIRST.getKeyID()),
					(first, second) -> List.<Object>of(first, second))
			.block();

		assertThat(verifiers).hasSize(2);
		assertThat(this.keys.fetchCount()).isEqualTo(1);
	}

	@Test
	void fetchesAgainForAnUnknownKeyAtMostOncePerInterval() {
		this.keys.verifierFor(FIRST.getKeyID()).block();

		assertThat(this.keys.verifierFor("forged-1").blockOptional()).isEmpty();
		assertThat(this.keys.verifierFor("forged-2").blockOptional()).isEmpty();
		assertThat(this.keys.fetchCount()).isEqualTo(2);

		this.jwks.set(keySet(FIRST, SECOND));
		assertThat(this.keys.verifierFor(SECOND.getKeyID()).blockOptional()).isEmpty();
		this.clock.add(REFETCH);
		assertThat(this.keys.verifierFor(SECOND.getKeyID()).blockOptional()).isPresent();
		assertThat(this.keys.fetchCount()).isEqualTo(3);
	}

	@Test
	void refreshesInTheBackgroundOnceTheKeysAreOld() {
		this.keys.verifierFor(FIRST.getKeyID()).block();
		this.jwks.set(keySet(SECOND));
		this.clock.add(TTL);

		assertThat(this.keys.verifierFor(FIRST.getKeyID()).blockOptional()).isPresent();

		await().atMost(Duration.ofSeconds(5))
			.until(() -> this.keys.verifierFor(FIRST.getKeyID()).blockOptional().isEmpty());
		assertThat(this.keys.verifierFor(SECOND.getKeyID()).blockOptional()).isPresent();
	}

	@Nested
	class WhenUserServiceFails {

		@Test
		void keepsTheKeysItHolds() {
			KeySetTests.this.keys.verifierFor(FIRST.getKeyID()).block();
			KeySetTests.this.jwks.set(new Answer(500, "text/plain", "down"));
			KeySetTests.this.clock.add(TTL);

			for (int i = 0; i < 3; i++) {
				assertThat(KeySetTests.this.keys.verifierFor(FIRST.getKeyID()).blockOptional()).isPresent();
			}
		}

		@Test
		void cannotDecideWithoutKeysAndDoesNotRetryAtOnce() {
			KeySetTests.this.jwks.set(new Answer(500, "text/plain", "down"));

			assertThatExceptionOfType(KeySet.KeysUnavailable.class)
				.isThrownBy(() -> KeySetTests.this.keys.verifierFor(FIRST.getKeyID()).block());
			assertThatExceptionOfType(KeySet.KeysUnavailable.class)
				.isThrownBy(() -> KeySetTests.this.keys.verifierFor(FIRST.getKeyID()).block());
			assertThat(KeySetTests.this.keys.fetchCount()).isEqualTo(1);
		}

	}

	@Test
	void usesOnlyRsaSigningKeysOfAtLeast2048BitsWithAnId() throws JOSEException {
		List<JWK> published = List.of(FIRST.toPublicJWK(),
				new RSAKeyGenerator(1024, true).keyID("short").generate().toPublicJWK(),
				new RSAKeyGenerator(2048).keyID("encryption").keyUse(KeyUse.ENCRYPTION).generate().toPublicJWK(),
				new RSAKeyGenerator(2048).keyID("ps256").algorithm(JWSAlgorithm.PS256).generate().toPublicJWK(),
				new RSAKeyGenerator(2048).generate().toPublicJWK(),
				new ECKeyGenerator(Curve.P_256).keyID("ec").generate().toPublicJWK());

		KeySet.Snapshot snapshot = KeySet.parse(new JWKSet(published).toString(), 0);

		assertThat(snapshot.verifiers()).containsOnlyKeys(FIRST.getKeyID());
	}

	private static Answer keySet(RSAKey... keys) {
		List<JWK> published = Arrays.stream(keys).map(RSAKey::toPublicJWK).map(JWK.class::cast).toList();
		return new Answer(200, "application/json", new JWKSet(published).toString());
	}

}
