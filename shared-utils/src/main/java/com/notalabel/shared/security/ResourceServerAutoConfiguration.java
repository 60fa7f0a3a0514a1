package com.notalabel.shared.security;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import com.notalabel.shared.web.ProblemResponseWriter;
import com.notalabel.shared.web.WebDefaultsAutoConfiguration;

/**
 * Every service verifies access tokens itself (defence in depth: a service reached
 * directly still refuses an anonymous call). RS256 only, {@code typ: at+jwt},
 * {@code exp}, {@code iss}, {@code aud}, {@code sub} and {@code sid} required; keys from
 * user-service's JWKS. Stateless: no session, no CSRF token (the gateway checks
 * {@code Origin} for cookie requests).
 */
@AutoConfiguration(after = WebDefaultsAutoConfiguration.class, beforeName = {
		"org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
		"org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration" })
@ConditionalOnWebApplication(type = Type.SERVLET)
@EnableConfigurationProperties(ResourceServerProperties.class)
public final class ResourceServerAutoConfiguration {

	/**
	 * Always reachable: probes, metrics scraping, the API description and error
	 * dispatches.
	 */
	static final List<String> INFRASTRUCTURE_PATHS = List.of("/actuator/health", "/actuator/health/**",
			"/actuator/info", "/actuator/prometheus", "/v3/api-docs", "/v3/api-docs/**", "/error");

	@Bean
	@ConditionalOnMissingBean
	JwtDecoder jwtDecoder(ResourceServerProperties properties, ObjectProvider<Clock> clock) {
		JwksKeySource keys = new JwksKeySource(properties.jwksUri(), properties.jwksTimeout(),
				properties.jwksCacheTtl(), properties.jwksRefetchInterval(), clock.getIfAvailable(Clock::systemUTC));
		return accessTokenDecoder(keys, properties.issuer(), properties.audience());
	}

	static NimbusJwtDecoder accessTokenDecoder(JwksKeySource keys, String issuer, String audience) {
		JWSKeySelector<SecurityContext> rs256 = new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys);
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys)
			.jwsAlgorithm(SignatureAlgorithm.RS256)
			.jwtProcessorCustomizer((processor) -> processor.setJWSKeySelector((header, context) -> {
				// A token never chooses its own verification key.
				if (header.getJWK() != null || header.getJWKURL() != null || header.getX509CertURL() != null
						|| header.getX509CertChain() != null) {
					return List.of();
				}
				return rs256.selectJWSKeys(header, context);
			}))
			.build();
		decoder.setJwtValidator(accessTokenValidator(issuer, audience));
		return decoder;
	}

	/**
	 * RFC 9068's checks, minus {@code client_id}: these tokens are first-party and name
	 * no OAuth client. Public for user-service, which verifies with its own keys instead
	 * of fetching its own key set, and applies these same checks.
	 * @param issuer the required {@code iss}
	 * @param audience the required {@code aud}
	 * @return the validator
	 */
	public static OAuth2TokenValidator<Jwt> accessTokenValidator(String issuer, String audience) {
		List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
		validators.add(new JwtTypeValidator(AccessTokenClaims.TYPE));
		validators.add(new JwtTimestampValidator());
		validators.add(new JwtIssuerValidator(issuer));
		validators.add(new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
				(audiences) -> audiences != null && audiences.contains(audience)));
		for (String required : List.of(JwtClaimNames.EXP, JwtClaimNames.IAT, JwtClaimNames.JTI)) {
			validators.add(new JwtClaimValidator<Object>(required, Objects::nonNull));
		}
		validators.add(new JwtClaimValidator<String>(JwtClaimNames.SUB, ResourceServerAutoConfiguration::isUuid));
		validators.add(new JwtClaimValidator<Object>(AccessTokenClaims.SESSION_ID,
				(sid) -> sid instanceof String value && isUuid(value)));
		return new DelegatingOAuth2TokenValidator<>(validators);
	}

	private static boolean isUuid(String value) {
		if (value == null) {
			return false;
		}
		try {
			return Objects.equals(UUID.fromString(value).toString(), value.toLowerCase());
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	@Bean
	@ConditionalOnMissingBean(SecurityFilterChain.class)
	SecurityFilterChain nalSecurityFilterChain(HttpSecurity http, JwtDecoder decoder,
			ResourceServerProperties properties, ProblemResponseWriter writer) throws Exception {
		List<String> publicPatterns = new ArrayList<>(INFRASTRUCTURE_PATHS);
		publicPatterns.addAll(properties.publicPaths());
		RequestMatcher publicPaths = new OrRequestMatcher(publicPatterns.stream()
			.map((pattern) -> PathPatternRequestMatcher.withDefaults().matcher(pattern))
			.map(RequestMatcher.class::cast)
			.toList());
		ProblemAuthenticationEntryPoint entryPoint = new ProblemAuthenticationEntryPoint(writer);
		ProblemAccessDeniedHandler deniedHandler = new ProblemAccessDeniedHandler(writer);
		JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
		converter.setJwtGrantedAuthoritiesConverter(ResourceServerAutoConfiguration::authorities);
		http.csrf(AbstractHttpConfigurer::disable)
			.cors(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests((requests) -> requests.requestMatchers(publicPaths)
				.permitAll()
				.requestMatchers(HttpMethod.OPTIONS, "/**")
				.permitAll()
				.anyRequest()
				.authenticated())
			.oauth2ResourceServer((resourceServer) -> resourceServer
				.bearerTokenResolver(new AccessTokenResolver(properties.accessTokenCookie(),
						properties.maxTokenLength(), publicPaths))
				.jwt((jwt) -> jwt.decoder(decoder).jwtAuthenticationConverter(converter))
				.authenticationEntryPoint(entryPoint)
				.accessDeniedHandler(deniedHandler))
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(entryPoint).accessDeniedHandler(deniedHandler));
		return http.build();
	}

	private static Collection<GrantedAuthority> authorities(Jwt jwt) {
		List<String> roles = jwt.getClaimAsStringList(AccessTokenClaims.ROLES);
		if (roles == null) {
			return List.of();
		}
		return roles.stream().map((role) -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role)).toList();
	}

	@Bean
	WebMvcConfigurer currentUserArgument() {
		return new WebMvcConfigurer() {

			@Override
			public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
				resolvers.add(new CurrentUserArgumentResolver());
			}

		};
	}

}
