package com.notalabel.shared.security;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.threeten.extra.MutableClock;

import com.notalabel.test.security.TestKeySet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class JwksKeySourceTests {

	private final TestKeySet keys = TestKeySet.create();

	private final String k1 = this.keys.signingKey().getKeyID();

	private final MutableClock clock = MutableClock.of(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);

	private final JwksKeySource source = new JwksKeySource(this.keys.uri(), Duration.ofSeconds(2),
			Duration.ofMinutes(5), Duration.ofSeconds(30), this.clock);

	@AfterEach
	void stopKeyServer() {
		this.keys.close();
	}

	private List<JWK> select(String kid) throws Exception {
		JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build();
		return this.source.get(new JWKSelector(JWKMatcher.forJWSHeader(header)), null);
	}

	@Test
	void cachesTheKeySet() throws Exception {
		assertThat(select(this.k1)).hasSize(1);
		assertThat(select(this.k1)).hasSize(1);
		this.clock.add(Duration.ofMinutes(4));
		assertThat(select(this.k1)).hasSize(1);

		assertThat(this.keys.fetches()).isEqualTo(1);
	}

	@Test
	void refetchesAtMostOncePerIntervalForUnknownKeyIds() throws Exception {
		assertThat(select(this.k1)).hasSize(1);

		assertThat(select("forged-1")).isEmpty();
		assertThat(select("forged-2")).isEmpty();
		this.clock.add(Duration.ofSeconds(29));
		assertThat(select("forged-3")).isEmpty();
		assertThat(this.keys.fetches()).as("the first fetch and one refetch").isEqualTo(2);

		this.clock.add(Duration.ofSeconds(2));
		assertThat(select("forged-4")).isEmpty();
		assertThat(select("forged-5")).isEmpty();
		assertThat(this.keys.fetches()).isEqualTo(3);
	}

	@Test
	void picksUpARotatedKeyOnFirstSight() throws Exception {
		assertThat(select(this.k1)).hasSize(1);
		this.keys.publish(TestKeySet.newKey("k2"));

		assertThat(select("k2")).hasSize(1);
		assertThat(select(this.k1)).as("old key still verifies").hasSize(1);
		assertThat(this.keys.fetches()).isEqualTo(2);
	}

	@Test
	void refreshesTheKeySetWhenItExpires() throws Exception {
		assertThat(select(this.k1)).hasSize(1);
		this.clock.add(Duration.ofMinutes(6));

		assertThat(select(this.k1)).hasSize(1);
		assertThat(this.keys.fetches()).isEqualTo(2);
	}

	@Test
	void keepsTheKeysItHoldsWhenARefreshFails() throws Exception {
		assertThat(select(this.k1)).hasSize(1);
		this.keys.unavailable(true);
		this.clock.add(Duration.ofMinutes(6));

		assertThat(select(this.k1)).hasSize(1);
	}

	@Test
	void failsWhenTheFirstFetchFails() {
		this.keys.unavailable(true);

		assertThatExceptionOfType(KeySourceException.class).isThrownBy(() -> select(this.k1));
	}

}
