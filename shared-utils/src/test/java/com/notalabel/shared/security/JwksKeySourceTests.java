package com.notalabel.shared.security;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.notalabel.shared.testapp.TestJwks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class JwksKeySourceTests {

	private HttpServer server;

	private final List<RSAKey> published = new CopyOnWriteArrayList<>();

	private final AtomicInteger requests = new AtomicInteger();

	private volatile boolean failing;

	private MutableClock clock;

	private JwksKeySource source;

	@BeforeEach
	void startKeyServer() throws IOException {
		this.published.add(TestJwks.newKey("k1"));
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/jwks.json", (exchange) -> {
			this.requests.incrementAndGet();
			if (this.failing) {
				exchange.sendResponseHeaders(503, -1);
				exchange.close();
				return;
			}
			byte[] body = new JWKSet(this.published.stream().map((key) -> (JWK) key.toPublicJWK()).toList()).toString()
				.getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		this.server.start();
		this.clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
		this.source = new JwksKeySource(
				URI.create("http://127.0.0.1:" + this.server.getAddress().getPort() + "/jwks.json"),
				Duration.ofSeconds(2), Duration.ofMinutes(5), Duration.ofSeconds(30), this.clock);
	}

	@AfterEach
	void stopKeyServer() {
		this.server.stop(0);
	}

	private List<JWK> select(String kid) throws Exception {
		JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build();
		return this.source.get(new JWKSelector(JWKMatcher.forJWSHeader(header)), null);
	}

	@Test
	void cachesTheKeySet() throws Exception {
		assertThat(select("k1")).hasSize(1);
		assertThat(select("k1")).hasSize(1);
		this.clock.advance(Duration.ofMinutes(4));
		assertThat(select("k1")).hasSize(1);

		assertThat(this.requests).hasValue(1);
	}

	@Test
	void refetchesAtMostOncePerIntervalForUnknownKeyIds() throws Exception {
		assertThat(select("k1")).hasSize(1);

		assertThat(select("forged-1")).isEmpty();
		assertThat(select("forged-2")).isEmpty();
		this.clock.advance(Duration.ofSeconds(29));
		assertThat(select("forged-3")).isEmpty();
		assertThat(this.requests).as("the first fetch and one refetch").hasValue(2);

		this.clock.advance(Duration.ofSeconds(2));
		assertThat(select("forged-4")).isEmpty();
		assertThat(select("forged-5")).isEmpty();
		assertThat(this.requests).hasValue(3);
	}

	@Test
	void picksUpARotatedKeyOnFirstSight() throws Exception {
		assertThat(select("k1")).hasSize(1);
		this.published.add(TestJwks.newKey("k2"));

		assertThat(select("k2")).hasSize(1);
		assertThat(select("k1")).as("old key still verifies").hasSize(1);
		assertThat(this.requests).hasValue(2);
	}

	@Test
	void refreshesTheKeySetWhenItExpires() throws Exception {
		assertThat(select("k1")).hasSize(1);
		this.clock.advance(Duration.ofMinutes(6));

		assertThat(select("k1")).hasSize(1);
		assertThat(this.requests).hasValue(2);
	}

	@Test
	void keepsTheKeysItHoldsWhenARefreshFails() throws Exception {
		assertThat(select("k1")).hasSize(1);
		this.failing = true;
		this.clock.advance(Duration.ofMinutes(6));

		assertThat(select("k1")).hasSize(1);
	}

	@Test
	void failsWhenTheFirstFetchFails() {
		this.failing = true;

		assertThatExceptionOfType(com.nimbusds.jose.KeySourceException.class).isThrownBy(() -> select("k1"));
	}

	static final class MutableClock extends Clock {

		private volatile Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
