package com.notalabel.shared.security;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.ResourceRetriever;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * User-service's public keys, cached. A token whose {@code kid} is not in the cache
 * causes at most one refetch per {@code refetchInterval} (a key rotation is picked up at
 * once, a flood of forged key ids costs user-service one request per interval). If a
 * refresh fails, the keys already held keep working.
 *
 * <p>
 * Spring Security's JWK-set builder fixes Nimbus's rate limiter off, and Nimbus's own
 * limiter allows two fetches per interval, hence this class.
 */
final class JwksKeySource implements JWKSource<SecurityContext> {

	private static final Logger log = LoggerFactory.getLogger(JwksKeySource.class);

	private static final int MAX_JWKS_BYTES = 64 * 1024;

	private final URL url;

	private final ResourceRetriever retriever;

	private final Duration ttl;

	private final Duration refetchInterval;

	private final Clock clock;

	private final ReentrantLock lock = new ReentrantLock();

	private final AtomicInteger fetches = new AtomicInteger();

	private volatile @Nullable Snapshot snapshot;

	private @Nullable Instant lastUnknownKeyRefetch;

	JwksKeySource(URI uri, Duration timeout, Duration ttl, Duration refetchInterval, Clock clock) {
		try {
			this.url = uri.toURL();
		}
		catch (MalformedURLException ex) {
			throw new IllegalArgumentException("JWKS URI " + uri + " is not a URL", ex);
		}
		int millis = Math.toIntExact(timeout.toMillis());
		this.retriever = new DefaultResourceRetriever(millis, millis, MAX_JWKS_BYTES);
		this.ttl = ttl;
		this.refetchInterval = refetchInterval;
		this.clock = clock;
	}

	@Override
	public List<JWK> get(JWKSelector selector, @Nullable SecurityContext context) throws KeySourceException {
		Snapshot current = current();
		List<JWK> matches = selector.select(current.keys());
		if (!matches.isEmpty()) {
			return matches;
		}
		this.lock.lock();
		try {
			Snapshot latest = this.snapshot;
			if (latest != null && latest != current) {
				matches = selector.select(latest.keys());
				if (!matches.isEmpty()) {
					return matches;
				}
			}
			Instant now = this.clock.instant();
			if (this.lastUnknownKeyRefetch != null
					&& Duration.between(this.lastUnknownKeyRefetch, now).compareTo(this.refetchInterval) < 0) {
				return List.of();
			}
			this.lastUnknownKeyRefetch = now;
			Snapshot refreshed = fetch(now);
			this.snapshot = refreshed;
			return selector.select(refreshed.keys());
		}
		finally {
			this.lock.unlock();
		}
	}

	private Snapshot current() throws KeySourceException {
		Snapshot held = this.snapshot;
		Instant now = this.clock.instant();
		if (held != null && now.isBefore(held.fetchedAt().plus(this.ttl))) {
			return held;
		}
		this.lock.lock();
		try {
			held = this.snapshot;
			if (held != null && now.isBefore(held.fetchedAt().plus(this.ttl))) {
				return held;
			}
			try {
				Snapshot fresh = fetch(now);
				this.snapshot = fresh;
				return fresh;
			}
			catch (KeySourceException ex) {
				if (held == null) {
					throw ex;
				}
				log.warn("Refreshing the key set from {} failed; keeping the keys held: {}", this.url, ex.getMessage());
				return held;
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	private Snapshot fetch(Instant now) throws KeySourceException {
		this.fetches.incrementAndGet();
		try {
			JWKSet keys = JWKSet.parse(this.retriever.retrieveResource(this.url).getContent());
			return new Snapshot(keys, now);
		}
		catch (IOException | ParseException ex) {
			throw new KeySourceException("Cannot fetch the key set from " + this.url + ": " + ex.getMessage(), ex);
		}
	}

	int fetchCount() {
		return this.fetches.get();
	}

	private record Snapshot(JWKSet keys, Instant fetchedAt) {

	}

}
