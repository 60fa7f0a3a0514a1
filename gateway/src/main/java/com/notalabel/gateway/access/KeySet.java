package com.notalabel.gateway.access;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import io.netty.channel.ChannelOption;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.http.client.HttpClient;

/**
 * User-service's public keys, fetched without ever blocking a thread: the gateway asks
 * for a key on an event loop. Mirrors the services' {@code JwksKeySource}: the held keys
 * are used for {@code ttl} and then refreshed in the background (they keep working if the
 * refresh fails); a {@code kid} not held causes at most one fetch per
 * {@code refetchInterval}, so that a key rotation is picked up at once while forged key
 * ids cost user-service one request per interval. Concurrent requests share one fetch.
 */
final class KeySet {

	private static final Logger log = LoggerFactory.getLogger(KeySet.class);

	private static final int MAX_KEY_SET_BYTES = 64 * 1024;

	private static final int MIN_RSA_BITS = 2048;

	/** How long after a failed fetch no request waits for another one. */
	private static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(1);

	private final HttpClient http;

	private final URI uri;

	private final Duration ttl;

	private final Duration refetchInterval;

	private final Duration timeout;

	private final Clock clock;

	private final AtomicReference<Sinks.@Nullable One<Snapshot>> inFlight = new AtomicReference<>();

	private final AtomicLong lastUnknownKeyFetch = new AtomicLong(Long.MIN_VALUE / 2);

	private final AtomicInteger fetches = new AtomicInteger();

	private volatile long lastFailure = Long.MIN_VALUE / 2;

	private volatile @Nullable Snapshot snapshot;

	KeySet(URI uri, Duration ttl, Duration refetchInterval, Duration timeout, Clock clock) {
		this.uri = uri;
		this.ttl = ttl;
		this.refetchInterval = refetchInterval;
		this.timeout = timeout;
		this.clock = clock;
		this.http = HttpClient.create()
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, Math.toIntExact(timeout.toMillis()))
			.responseTimeout(timeout);
	}

	/**
	 * The verifier for a key.
	 * @param keyId the token's {@code kid}
	 * @return the key's verifier; empty if user-service does not publish such a key;
	 * {@link KeysUnavailable} if no keys could be fetched at all
	 */
	Mono<JWSVerifier> verifierFor(String keyId) {
		Snapshot held = this.snapshot;
		long now = this.clock.millis();
		if (held == null) {
			if (now - this.lastFailure < RETRY_AFTER_FAILURE.toMillis()) {
				return Mono.error(new KeysUnavailable(null));
			}
			return refresh().mapNotNull((keys) -> keys.verifiers().get(keyId))
				.onErrorMap((ex) -> !(ex instanceof KeysUnavailable), KeysUnavailable::new);
		}
		if (now - held.fetchedAt() >= this.ttl.toMillis() && now - this.lastFailure >= RETRY_AFTER_FAILURE.toMillis()) {
			refresh().subscribe(null, (ex) -> log
				.warn("Refreshing the key set from {} failed; keeping the keys held: {}", this.uri, ex.toString()));
		}
		JWSVerifier verifier = held.verifiers().get(keyId);
		if (verifier != null) {
			return Mono.just(verifier);
		}
		long last = this.lastUnknownKeyFetch.get();
		if (now - last < this.refetchInterval.toMillis() || !this.lastUnknownKeyFetch.compareAndSet(last, now)) {
			return Mono.empty();
		}
		return refresh().mapNotNull((keys) -> keys.verifiers().get(keyId)).onErrorResume((ex) -> Mono.empty());
	}

	/**
	 * Fetches the key set now, unless a fetch is under way, whose result it shares.
	 * @return the fresh keys
	 */
	Mono<Snapshot> refresh() {
		Sinks.One<Snapshot> mine = Sinks.one();
		Sinks.One<Snapshot> running = this.inFlight.compareAndExchange(null, mine);
		if (running != null) {
			return running.asMono();
		}
		this.fetches.incrementAndGet();
		fetch().subscribe((keys) -> {
			Snapshot previous = this.snapshot;
			if (previous == null || !previous.verifiers().keySet().equals(keys.verifiers().keySet())) {
				log.info("Access-token keys from {}: {}", this.uri, keys.verifiers().keySet());
			}
			this.snapshot = keys;
			this.inFlight.set(null);
			mine.tryEmitValue(keys);
		}, (ex) -> {
			this.lastFailure = this.clock.millis();
			this.inFlight.set(null);
			mine.tryEmitError(ex);
		});
		return mine.asMono();
	}

	int fetchCount() {
		return this.fetches.get();
	}

	private Mono<Snapshot> fetch() {
		return this.http.get().uri(this.uri.toString()).response((response, content) -> {
			if (response.status().code() != 200) {
				return Mono.error(new IOException("The key set answered " + response.status().code()));
			}
			return content.asByteArray().collect(ByteArrayOutputStream::new, (body, chunk) -> {
				if (body.size() + chunk.length > MAX_KEY_SET_BYTES) {
					throw new IllegalStateException("The key set is larger than " + MAX_KEY_SET_BYTES + " bytes");
				}
				body.writeBytes(chunk);
			});
		})
			.single()
			.timeout(this.timeout.multipliedBy(2))
			.map((body) -> parse(body.toString(StandardCharsets.UTF_8), this.clock.millis()));
	}

	/**
	 * The usable keys of a key set: RSA signing keys of at least 2048 bits with a key id,
	 * for RS256 if they name an algorithm.
	 */
	static Snapshot parse(String json, long fetchedAt) {
		JWKSet set;
		try {
			set = JWKSet.parse(json);
		}
		catch (ParseException ex) {
			throw new IllegalStateException("The key set does not parse: " + ex.getMessage(), ex);
		}
		Map<String, JWSVerifier> verifiers = new LinkedHashMap<>();
		for (JWK key : set.getKeys()) {
			if (key instanceof RSAKey rsa && rsa.getKeyID() != null
					&& (rsa.getKeyUse() == null || KeyUse.SIGNATURE.equals(rsa.getKeyUse()))
					&& (rsa.getAlgorithm() == null || JWSAlgorithm.RS256.equals(rsa.getAlgorithm()))
					&& rsa.size() >= MIN_RSA_BITS) {
				try {
					verifiers.put(rsa.getKeyID(), new RSASSAVerifier(rsa.toRSAPublicKey()));
				}
				catch (JOSEException ex) {
					log.warn("Ignored key {} of the key set: {}", rsa.getKeyID(), ex.getMessage());
				}
			}
		}
		return new Snapshot(Map.copyOf(verifiers), fetchedAt);
	}

	record Snapshot(Map<String, JWSVerifier> verifiers, long fetchedAt) {

	}

	/**
	 * No key set was ever fetched and the latest attempt failed: no token can be checked.
	 */
	static final class KeysUnavailable extends RuntimeException {

		KeysUnavailable(@Nullable Throwable cause) {
			super("No access-token keys are available", cause, false, false);
		}

	}

}
