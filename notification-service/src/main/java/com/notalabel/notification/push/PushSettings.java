package com.notalabel.notification.push;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Web Push ({@code nal.push.*}).
 *
 * @param publicKey the VAPID public key (base64url, an uncompressed P-256 point), or
 * empty to use the pair kept in the database
 * @param privateKey its private key (base64url, the raw 32-byte scalar), or empty
 * @param subject how push services can reach the operator: {@code mailto:} or
 * {@code https:}
 * @param ttl how long a push service keeps a message for a browser that is offline
 * @param timeout connect and answer timeout of one push
 * @param allowHttpEndpoints whether subscriptions may name plain-http endpoints: never in
 * production (browsers' push services are https, and an http endpoint is more likely a
 * way to make the service call into its own network); a local push-service peer needs it
 */
@Validated
@ConfigurationProperties("nal.push")
public record PushSettings(@DefaultValue("") String publicKey, @DefaultValue("") String privateKey,
		@NotBlank @DefaultValue("mailto:no-reply@notalabel.local") String subject,
		@NotNull @DefaultValue("1d") Duration ttl, @NotNull @DefaultValue("10s") Duration timeout,
		@DefaultValue("false") boolean allowHttpEndpoints) {

	public PushSettings {
		if (!subject.startsWith("mailto:") && !subject.startsWith("https://")) {
			throw new IllegalArgumentException("nal.push.subject (VAPID_SUBJECT) must start with mailto: or https://");
		}
		if (publicKey.isBlank() != privateKey.isBlank()) {
			throw new IllegalArgumentException("Set both VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY, or neither");
		}
	}

	boolean keysConfigured() {
		return !this.publicKey.isBlank();
	}

}
