package com.notalabel.store;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * How a reference store runs.
 *
 * @param name the store's name, as its acknowledgements and logs give it
 * @param dpid the store's DDEX party id
 * @param directory where the store keeps what it receives ({@code sftp/}, the SFTP user's
 * home) and what it knows ({@code state/}: its host key, what it ingested)
 * @param host the address to listen on
 * @param port the port to listen on, 0 for any free one
 * @param user the one SFTP user
 * @param authorizedKeys an OpenSSH {@code authorized_keys} file with the public keys that
 * may log in as {@code user}, or {@code null}
 * @param password a password that lets {@code user} in, or {@code null} for keys alone
 * @param pollInterval how often the store looks for complete batches and due releases
 * @param clock the store's clock, which decides when a release is live
 */
public record StoreSettings(String name, String dpid, Path directory, String host, int port, String user,
		@Nullable Path authorizedKeys, @Nullable String password, Duration pollInterval, Clock clock) {

	public StoreSettings {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(dpid, "dpid");
		Objects.requireNonNull(directory, "directory");
		Objects.requireNonNull(host, "host");
		Objects.requireNonNull(user, "user");
		Objects.requireNonNull(pollInterval, "pollInterval");
		Objects.requireNonNull(clock, "clock");
		if (port < 0 || port > 65535) {
			throw new IllegalArgumentException("A port is 0 (any free one) to 65535, not " + port);
		}
		if (authorizedKeys == null && (password == null || password.isEmpty())) {
			throw new IllegalArgumentException("A store needs authorized keys or a password for " + user);
		}
		if (pollInterval.isNegative() || pollInterval.isZero()) {
			throw new IllegalArgumentException("The poll interval must be positive");
		}
	}

	/**
	 * Settings with the defaults for one machine: loopback, a one-second poll and the
	 * system clock.
	 * @param name the store's name
	 * @param dpid its DDEX party id
	 * @param directory its directory
	 * @param user the SFTP user
	 * @param authorizedKeys the keys that may log in
	 * @return the settings, on any free port
	 */
	public static StoreSettings local(String name, String dpid, Path directory, String user, Path authorizedKeys) {
		return new StoreSettings(name, dpid, directory, "127.0.0.1", 0, user, authorizedKeys, null,
				Duration.ofSeconds(1), Clock.systemUTC());
	}

	/**
	 * These settings on another port.
	 * @param port the port, 0 for any free one
	 * @return the settings
	 */
	public StoreSettings withPort(int port) {
		return new StoreSettings(this.name, this.dpid, this.directory, this.host, port, this.user, this.authorizedKeys,
				this.password, this.pollInterval, this.clock);
	}

	/**
	 * These settings with another poll interval and clock.
	 * @param pollInterval how often the store looks
	 * @param clock its clock
	 * @return the settings
	 */
	public StoreSettings withTiming(Duration pollInterval, Clock clock) {
		return new StoreSettings(this.name, this.dpid, this.directory, this.host, this.port, this.user,
				this.authorizedKeys, this.password, pollInterval, clock);
	}

	Path sftpRoot() {
		return this.directory.resolve("sftp");
	}

	Path stateDirectory() {
		return this.directory.resolve("state");
	}

}
