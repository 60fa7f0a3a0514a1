package com.notalabel.user.login;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.notalabel.types.id.UserId;
import com.notalabel.user.opaque.OpaqueToken;

/**
 * Browsers that signed in to an account before. Their sign-ins are throttled on their own
 * counter, so that an attacker's failed guesses lock out only browsers the account has
 * never seen.
 */
@Service
public class KnownDevices {

	/** A browser unused for a year is forgotten; each sign-in extends it. */
	public static final Duration LIFETIME = Duration.ofDays(365);

	private final KnownDeviceRepository devices;

	private final Clock clock;

	KnownDevices(KnownDeviceRepository devices, Clock clock) {
		this.devices = devices;
		this.clock = clock;
	}

	/**
	 * Remembers the browser that just signed in, in the caller's transaction.
	 * @param account the account
	 * @return the device cookie's value
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public String remember(UserId account) {
		OpaqueToken token = OpaqueToken.generate();
		this.devices.save(new KnownDevice(token.hash(), account, this.clock.instant()));
		return token.value();
	}

	/**
	 * The hash of a device cookie, if it names a browser known to the account.
	 * @param cookie the presented cookie, or {@code null}
	 * @param account the account being signed in to, {@code null} for an unknown address
	 * (the lookup happens all the same, so that it takes as long)
	 * @return the hash, empty for an unknown, foreign or stale device
	 */
	@Transactional(readOnly = true)
	Optional<String> knownTo(@Nullable String cookie, @Nullable UserId account) {
		if (cookie == null || !OpaqueToken.isWellFormed(cookie)) {
			return Optional.empty();
		}
		Instant staleBefore = this.clock.instant().minus(LIFETIME);
		return this.devices.findById(OpaqueToken.hashOf(cookie))
			.filter((device) -> account != null && device.belongsTo(account)
					&& device.lastUsedAt().isAfter(staleBefore))
			.map((device) -> OpaqueToken.hashOf(cookie));
	}

	@Transactional(propagation = Propagation.MANDATORY)
	void signedIn(String tokenHash) {
		this.devices.findById(tokenHash).ifPresent((device) -> device.signedIn(this.clock.instant()));
	}

	/**
	 * @param account the account
	 * @return the browsers it knows, oldest first
	 */
	@Transactional(readOnly = true)
	public List<KnownDevice> of(UserId account) {
		return this.devices.findByAccountIdOrderByCreatedAt(account.value());
	}

	@Scheduled(fixedDelayString = "${nal.sessions.cleanup-interval:1h}", initialDelayString = "1m")
	@Transactional
	public void forgetStale() {
		this.devices.deleteUnusedSince(this.clock.instant().minus(LIFETIME));
	}

}
