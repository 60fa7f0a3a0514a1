package com.notalabel.user.config;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import com.notalabel.shared.security.ResourceServerAutoConfiguration;
import com.notalabel.shared.security.ResourceServerProperties;
import com.notalabel.user.registration.RegistrationProperties;
import com.notalabel.user.session.SessionProperties;
import com.notalabel.user.session.Sessions;
import com.notalabel.user.session.UnrevokedSessionValidator;
import com.notalabel.user.token.KeyRing;

/**
 * The service's scheduled housekeeping, its settings, method security for admin
 * endpoints, and access-token verification.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableMethodSecurity
@EnableConfigurationProperties({ SessionProperties.class, RegistrationProperties.class })
class UserServiceConfiguration {

	/**
	 * Verifies access tokens like every service does (shared-utils: RS256 only, the
	 * platform's claim checks), but against the key ring in memory rather than this
	 * service's own key set over HTTP, and refusing tokens of sessions that have ended.
	 */
	@Bean
	JwtDecoder jwtDecoder(KeyRing keys, ResourceServerProperties security, Sessions sessions) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys).jwsAlgorithm(SignatureAlgorithm.RS256).build();
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
				ResourceServerAutoConfiguration.accessTokenValidator(security.issuer(), security.audience()),
				new UnrevokedSessionValidator(sessions)));
		return decoder;
	}

}
