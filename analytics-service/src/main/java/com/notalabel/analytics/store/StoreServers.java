package com.notalabel.analytics.store;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The stores whose reports are picked up ({@code nal.analytics.stores[n].*}) and how
 * often ({@code nal.analytics.store-reports.*}).
 *
 * @param stores the stores' SFTP servers
 * @param storeReports when and where to look
 */
@Validated
@ConfigurationProperties("nal.analytics")
public record StoreServers(@Valid @DefaultValue List<Store> stores, @Valid @DefaultValue Reports storeReports) {

	/**
	 * One store's server.
	 *
	 * @param name the store, as its numbers are shown ({@code spotify})
	 * @param host the server
	 * @param port its port
	 * @param user the account the platform has there
	 * @param privateKey the platform's private key file (OpenSSH or PKCS#8 PEM), or
	 * {@code null} when the key itself is given
	 * @param privateKeyText the key itself (as compose passes a secret), or empty
	 * @param hostKey the server's public key as {@code known_hosts} gives it, without the
	 * host, or its SHA-256 fingerprint ({@code SHA256:...}): the only key the client
	 * accepts; empty accepts any (only for the reference stores on compose's own network,
	 * as distribution does)
	 */
	public record Store(@NotBlank String name, @NotBlank String host, @Min(1) @Max(65535) @DefaultValue("22") int port,
			@NotBlank String user, @Nullable Path privateKey, @DefaultValue("") String hostKey,
			@DefaultValue("") String privateKeyText) {

		@ConstructorBinding
		public Store {
			if (privateKey == null && privateKeyText.isBlank()) {
				throw new IllegalArgumentException("Store " + name + " needs a private key or a private key file");
			}
		}

		public Store(String name, String host, int port, String user, Path privateKey, String hostKey) {
			this(name, host, port, user, privateKey, hostKey, "");
		}

	}

	/**
	 * @param pollInterval how often each store's folder is looked at
	 * @param folder the folder, relative to the account's home
	 */
	public record Reports(@NotNull @DefaultValue("5m") Duration pollInterval,
			@NotBlank @DefaultValue("reports") String folder) {

	}

}
