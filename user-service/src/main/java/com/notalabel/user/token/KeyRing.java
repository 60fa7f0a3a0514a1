package com.notalabel.user.token;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

import com.notalabel.user.token.SigningKeyRegistry.PublishedKey;

/**
 * The keys of this instance and the key set every instance publishes.
 *
 * <p>
 * Rotation without a failed request: a new key (the next key) is recorded in the shared
 * registry at once, so every instance publishes it within one refresh; it signs only
 * after {@link TokenProperties#publishLead()}, by which time every verifier's cached key
 * set has expired and been fetched again with it. The key it replaces stays published
 * until the last token it signed has expired: instances note in the registry, about once
 * a minute, which key they sign with, and a key is published until a token lifetime (plus
 * a margin) after that note stopped.
 *
 * <p>
 * Also the key source of this service's own token verification, so that it never fetches
 * its own key set over HTTP.
 * <p>
 * The keys are published and read when the service starts (a lifecycle phase before the
 * web server and the scheduled refresh), not when the bean is made: an image's AOT
 * training run builds every bean with no database to reach.
 */
public final class KeyRing implements JWKSource<SecurityContext>, SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(KeyRing.class);

	/** Covers the interval between notes, clock skew and a token signed just before. */
	static final Duration RETENTION_MARGIN = Duration.ofMinutes(10);

	/** Rows are kept this long after they stopped mattering, for the record. */
	private static final Duration REGISTRY_HISTORY = Duration.ofDays(7);

	private static final Duration ON_DEMAND_REFRESH_INTERVAL = Duration.ofSeconds(5);

	private final RsaSigningKey signingKey;

	private final @Nullable RsaSigningKey nextKey;

	private final SigningKeyRegistry registry;

	private final Clock clock;

	private final Duration publishLead;

	private final Duration retention;

	private final Duration noteInterval;

	private final ReentrantLock refreshing = new ReentrantLock();

	private volatile @Nullable State state;

	private volatile Instant lastOnDemandRefresh = Instant.MIN;

	KeyRing(RsaSigningKey signingKey, @Nullable RsaSigningKey nextKey, SigningKeyRegistry registry, Clock clock,
			Duration accessTokenLifetime, Duration publishLead, Duration noteInterval) {
		this.signingKey = signingKey;
		this.nextKey = nextKey;
		this.registry = registry;
		this.clock = clock;
		this.publishLead = publishLead;
		this.retention = accessTokenLifetime.plus(RETENTION_MARGIN);
		this.noteInterval = noteInterval;
	}

	/**
	 * Publishes this instance's keys and reads every instance's: the service does not
	 * start without them.
	 */
	@Override
	public void start() {
		this.state = load();
	}

	@Override
	public void stop() {
		// Nothing to release; the keys stay usable while the service drains.
	}

	@Override
	public boolean isRunning() {
		return this.state != null;
	}

	@Override
	public int getPhase() {
		// Before the web server, the scheduled refresh and the event consumers start.
		return 0;
	}

	private State state() {
		State current = this.state;
		if (current == null) {
			throw new IllegalStateException("The key ring is used before the service started");
		}
		return current;
	}

	/**
	 * The key that signs new tokens now.
	 * @return this instance's signing key, or its next key once that has been published
	 * long enough
	 */
	RsaSigningKey signer() {
		return state().signer();
	}

	/**
	 * The public keys a verifier accepts: this instance's own keys, and every key any
	 * instance published whose tokens may still be valid.
	 * @return the key set, public parts only
	 */
	public JWKSet publicKeys() {
		return state().published();
	}

	@Override
	public List<JWK> get(JWKSelector selector, @Nullable SecurityContext context) {
		List<JWK> matches = selector.select(state().published());
		if (!matches.isEmpty()) {
			return matches;
		}
		// Another instance may have just started with a key this one has not read yet; a
		// token naming an unknown key causes at most one reading per interval.
		Instant now = this.clock.instant();
		if (Duration.between(this.lastOnDemandRefresh, now).compareTo(ON_DEMAND_REFRESH_INTERVAL) < 0) {
			return matches;
		}
		this.lastOnDemandRefresh = now;
		refresh();
		return selector.select(state().published());
	}

	/**
	 * Publishes this instance's keys, notes which one signs and re-reads what every
	 * instance published. A failure keeps the keys held.
	 */
	public void refresh() {
		try {
			this.state = load();
		}
		catch (RuntimeException ex) {
			log.warn("Refreshing the signing keys failed; keeping the keys held: {}", ex.getMessage());
		}
	}

	private State load() {
		this.refreshing.lock();
		try {
			Instant now = this.clock.instant();
			this.registry.publish(this.signingKey, now);
			if (this.nextKey != null) {
				this.registry.publish(this.nextKey, now);
			}
			List<PublishedKey> registered = this.registry.all();
			RsaSigningKey signer = chooseSigner(registered, now);
			this.registry.markSigning(signer.kid(), now, now.minus(this.noteInterval));
			State loaded = new State(signer, published(registered, now));
			State previous = this.state;
			if (previous != null && !previous.signer().kid().equals(signer.kid())) {
				log.info("Access tokens are now signed with key {} instead of {}", signer.kid(),
						previous.signer().kid());
			}
			this.registry.forgetUnusedSince(now.minus(this.retention).minus(REGISTRY_HISTORY));
			return loaded;
		}
		finally {
			this.refreshing.unlock();
		}
	}

	private RsaSigningKey chooseSigner(List<PublishedKey> registered, Instant now) {
		RsaSigningKey next = this.nextKey;
		if (next == null) {
			return this.signingKey;
		}
		boolean publishedLongEnough = registered.stream()
			.anyMatch((key) -> key.kid().equals(next.kid()) && !key.publishedAt().plus(this.publishLead).isAfter(now));
		return publishedLongEnough ? next : this.signingKey;
	}

	private JWKSet published(List<PublishedKey> registered, Instant now) {
		Map<String, JWK> keys = new LinkedHashMap<>();
		keys.put(this.signingKey.kid(), this.signingKey.publicJwk());
		if (this.nextKey != null) {
			keys.put(this.nextKey.kid(), this.nextKey.publicJwk());
		}
		for (PublishedKey key : registered) {
			if (!keys.containsKey(key.kid()) && key.lastRelevantAt().plus(this.retention).isAfter(now)) {
				try {
					keys.put(key.kid(), JWK.parse(key.publicJwk()).toPublicJWK());
				}
				catch (ParseException ex) {
					log.error("Skipping the unreadable published key {}: {}", key.kid(), ex.getMessage());
				}
			}
		}
		return new JWKSet(List.copyOf(keys.values()));
	}

	private record State(RsaSigningKey signer, JWKSet published) {

	}

}
