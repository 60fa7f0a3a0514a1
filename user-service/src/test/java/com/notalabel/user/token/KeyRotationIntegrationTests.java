package com.notalabel.user.token;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Supplier;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.threeten.extra.MutableClock;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.notalabel.test.infra.TestInfrastructure;
import com.notalabel.types.id.SessionId;
import com.notalabel.types.id.UserId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Key rotation across instances of a rolling deployment, on simulated time, against the
 * real registry table (its own migration, in a schema of its own). Verifiers behave like
 * the gateway's and every service's: they cache the key set for five minutes and refetch
 * for an unknown key at most every thirty seconds, from whichever instance answers.
 */
class KeyRotationIntegrationTests {

	private static final Duration LIFETIME = Duration.ofDays(1);

	private static final Duration LEAD = Duration.ofMinutes(10);

	private final MutableClock clock = MutableClock.of(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC);

	private final RsaSigningKey keyA = RsaSigningKey.generate();

	private final RsaSigningKey keyB = RsaSigningKey.generate();

	private JdbcClient jdbc;

	private SigningKeyRegistry registry;

	@BeforeEach
	void registryInASchemaOfItsOwn() throws IOException {
		this.jdbc = JdbcClient.create(TestInfrastructure.dataSource(TestInfrastructure.newSchema("key_rotation")));
		this.jdbc
			.sql(new ClassPathResource("db/migration/V5__signing_keys.sql").getContentAsString(StandardCharsets.UTF_8))
			.update();
		this.registry = new SigningKeyRegistry(this.jdbc);
	}

	@Test
	void rotatesToANewKeyWithoutAFailedVerificationAndRetiresTheOldOneAfterItsTokensExpired() throws Exception {
		KeyRing old = instance(this.keyA, null);
		Verifier gateway = new Verifier(this.clock, () -> old.publicKeys());
		assertThat(gateway.accepts(issue(old))).isTrue();

		// An attacker sends tokens naming unknown keys all along, so that the verifiers'
		// refetches for unknown keys are always used up: only their regular refresh of
		// the cached key set can pick a new key up.
		String forged = issue(instance(RsaSigningKey.generate(), null));
		this.jdbc.sql("delete from signing_key where kid <> ?").param(this.keyA.kid()).update();
		this.clock.add(Duration.ofMinutes(1));
		assertThat(gateway.accepts(forged)).isFalse();

		// A rolling deployment starts an instance that is given the next key; the old one
		// keeps running beside it. A second verifier asks either of them, alternately.
		KeyRing next = instance(this.keyA, this.keyB);
		Verifier balanced = new Verifier(this.clock, alternately(old, next));
		String lastTokenOfA = "";
		for (int step = 0; step < 4 * 30; step++) {
			// Each instance re-reads the registry every 30 s, on a schedule of its own.
			this.clock.add(Duration.ofSeconds(15));
			((step % 2 == 0) ? old : next).refresh();
			assertThat(gateway.accepts(forged)).isFalse();
			assertThat(balanced.accepts(forged)).isFalse();
			for (KeyRing instance : List.of(old, next)) {
				String token = issue(instance);
				assertThat(gateway.accepts(token)).as("at %s", this.clock.instant()).isTrue();
				assertThat(balanced.accepts(token)).as("at %s", this.clock.instant()).isTrue();
				if (instance.signer().kid().equals(this.keyA.kid())) {
					lastTokenOfA = token;
				}
			}
		}
		assertThat(lastTokenOfA).isNotEmpty();
		assertThat(next.signer().kid()).as("signs with the next key once it was published long enough")
			.isEqualTo(this.keyB.kid());
		assertThat(old.publicKeys().getKeyByKeyId(this.keyB.kid())).as("the old instance publishes it too").isNotNull();

		// The deployment completes: every instance has B as its signing key, none has A.
		KeyRing rotated = instance(this.keyB, null);
		Verifier afterwards = new Verifier(this.clock, () -> rotated.publicKeys());
		assertThat(afterwards.accepts(lastTokenOfA)).as("A's tokens keep working").isTrue();
		this.clock.add(LIFETIME.minus(Duration.ofMinutes(35)));
		rotated.refresh();
		assertThat(rotated.publicKeys().getKeyByKeyId(this.keyA.kid())).as("until they have expired").isNotNull();
		assertThat(afterwards.accepts(lastTokenOfA)).isTrue();

		this.clock.add(KeyRing.RETENTION_MARGIN.plus(Duration.ofMinutes(40)));
		rotated.refresh();
		assertThat(rotated.publicKeys().getKeys()).extracting(JWK::getKeyID).containsExactly(this.keyB.kid());
	}

	@Test
	void doesNotSignWithTheNextKeyBeforeItWasPublishedForTheLeadTime() {
		KeyRing instance = instance(this.keyA, this.keyB);
		assertThat(instance.publicKeys().getKeyByKeyId(this.keyB.kid())).isNotNull();

		this.clock.add(LEAD.minusSeconds(1));
		instance.refresh();
		assertThat(instance.signer().kid()).isEqualTo(this.keyA.kid());

		this.clock.add(Duration.ofSeconds(1));
		instance.refresh();
		assertThat(instance.signer().kid()).isEqualTo(this.keyB.kid());
	}

	@Test
	void countsTheLeadTimeFromTheFirstInstanceThatPublishedTheKey() {
		instance(this.keyA, this.keyB);
		this.clock.add(LEAD);

		KeyRing startedLater = instance(this.keyA, this.keyB);

		assertThat(startedLater.signer().kid()).isEqualTo(this.keyB.kid());
	}

	@Test
	void keepsTheKeysItHoldsWhenTheRegistryCannotBeRead() {
		KeyRing instance = instance(this.keyA, null);
		this.jdbc.sql("drop table signing_key").update();
		this.clock.add(Duration.ofMinutes(1));

		instance.refresh();

		assertThat(instance.signer().kid()).isEqualTo(this.keyA.kid());
		assertThat(instance.publicKeys().getKeyByKeyId(this.keyA.kid())).isNotNull();
	}

	private KeyRing instance(RsaSigningKey signing, @Nullable RsaSigningKey nextKey) {
		KeyRing ring = new KeyRing(signing, nextKey, this.registry, this.clock, LIFETIME, LEAD, Duration.ofSeconds(30));
		ring.start();
		return ring;
	}

	private String issue(KeyRing instance) {
		return new AccessTokenIssuer(instance, JsonMapper.builder().build(), "not-a-label", "not-a-label-api", LIFETIME)
			.issue(UserId.newId(), SessionId.newId(), List.of("ARTIST"), this.clock.instant())
			.value();
	}

	private static Supplier<JWKSet> alternately(KeyRing first, KeyRing second) {
		int[] calls = { 0 };
		return () -> ((calls[0]++ % 2 == 0) ? first : second).publicKeys();
	}

	/**
	 * A verifier that caches the key set the way shared-utils' does.
	 */
	private static final class Verifier {

		private final Clock clock;

		private final Supplier<JWKSet> source;

		private JWKSet cached;

		private Instant fetchedAt;

		private Instant lastUnknownKeyFetch = Instant.MIN;

		Verifier(Clock clock, Supplier<JWKSet> source) {
			this.clock = clock;
			this.source = source;
			this.cached = source.get();
			this.fetchedAt = clock.instant();
		}

		boolean accepts(String token) throws ParseException, JOSEException {
			Instant now = this.clock.instant();
			if (now.isAfter(this.fetchedAt.plus(Duration.ofMinutes(5)))) {
				this.cached = this.source.get();
				this.fetchedAt = now;
			}
			SignedJWT jwt = SignedJWT.parse(token);
			JWK key = this.cached.getKeyByKeyId(jwt.getHeader().getKeyID());
			if (key == null && now.isAfter(this.lastUnknownKeyFetch.plus(Duration.ofSeconds(30)))) {
				this.lastUnknownKeyFetch = now;
				this.cached = this.source.get();
				this.fetchedAt = now;
				key = this.cached.getKeyByKeyId(jwt.getHeader().getKeyID());
			}
			return key != null && jwt.verify(new RSASSAVerifier(key.toRSAKey()))
					&& jwt.getJWTClaimsSet().getExpirationTime().toInstant().isAfter(now);
		}

	}

}
