package com.notalabel.user.token;

import java.time.Clock;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;

import com.notalabel.shared.security.ResourceServerProperties;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TokenProperties.class)
class AccessTokenConfiguration {

	@Bean
	KeyRing keyRing(TokenProperties properties, JdbcClient jdbc, Clock clock) {
		RsaSigningKey signing = properties.signingKey().isBlank()
				? LocalSigningKey.loadOrCreate(properties.localKeyFile())
				: RsaSigningKey.fromPem(properties.signingKey());
		RsaSigningKey next = properties.nextSigningKey().isBlank() ? null
				: RsaSigningKey.fromPem(properties.nextSigningKey());
		return new KeyRing(signing, next, new SigningKeyRegistry(jdbc), clock, properties.accessTokenLifetime(),
				properties.publishLead(), properties.refreshInterval());
	}

	@Bean
	AccessTokenIssuer accessTokenIssuer(KeyRing keys, JsonMapper mapper, ResourceServerProperties security,
			TokenProperties properties) {
		return new AccessTokenIssuer(keys, mapper, security.issuer(), security.audience(),
				properties.accessTokenLifetime());
	}

	@Bean
	KeyRingRefresh keyRingRefresh(KeyRing keys) {
		return new KeyRingRefresh(keys);
	}

	/**
	 * Keeps the key set current with what other instances publish and notes which key
	 * this one signs with.
	 */
	static final class KeyRingRefresh {

		private final KeyRing keys;

		KeyRingRefresh(KeyRing keys) {
			this.keys = keys;
		}

		@Scheduled(fixedDelayString = "${nal.tokens.refresh-interval:30s}",
				initialDelayString = "${nal.tokens.refresh-interval:30s}")
		void refresh() {
			this.keys.refresh();
		}

	}

}
