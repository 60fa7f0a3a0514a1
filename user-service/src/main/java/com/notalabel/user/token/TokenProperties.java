package com.notalabel.user.token;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Access tokens and their keys ({@code nal.tokens.*}); issuer and audience are the
 * platform's {@code nal.security.*}.
 *
 * @param signingKey PKCS#8 PEM of the key that signs, from {@code JWT_SIGNING_KEY}; blank
 * on a developer's machine, where {@code localKeyFile} holds a generated one
 * @param nextSigningKey PKCS#8 PEM of the key that takes over, blank when none: published
 * at once, signing once it has been published for {@code publishLead}
 * @param localKeyFile where a run without {@code signingKey} keeps its generated key
 * @param accessTokenLifetime how long an access token is valid (ARCHITECTURE.md §4: a
 * day)
 * @param publishLead how long a new key is published before it signs: longer than any
 * verifier caches the key set (five minutes in shared-utils and the gateway), so that
 * none meets a token whose key it has not seen
 * @param refreshInterval how often an instance re-reads the keys every instance published
 */
@Validated
@ConfigurationProperties("nal.tokens")
public record TokenProperties(@DefaultValue("") String signingKey, @DefaultValue("") String nextSigningKey,
		@NotNull Path localKeyFile, @NotNull @DefaultValue("1d") Duration accessTokenLifetime,
		@NotNull @DefaultValue("10m") Duration publishLead, @NotNull @DefaultValue("30s") Duration refreshInterval) {

	@Override
	public String toString() {
		return "TokenProperties[signingKey=" + redacted(this.signingKey) + ", nextSigningKey="
				+ redacted(this.nextSigningKey) + ", localKeyFile=" + this.localKeyFile + ", accessTokenLifetime="
				+ this.accessTokenLifetime + ", publishLead=" + this.publishLead + ", refreshInterval="
				+ this.refreshInterval + "]";
	}

	private static String redacted(String pem) {
		return pem.isBlank() ? "<none>" : "<redacted>";
	}

}
