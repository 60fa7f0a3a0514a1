package com.notalabel.shared.security;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How a service verifies access tokens ({@code nal.security.*}).
 *
 * @param jwksUri user-service's key set
 * @param issuer the required {@code iss}
 * @param audience the required {@code aud}
 * @param publicPaths path patterns reachable without a token, declared by each service
 * @param accessTokenCookie the cookie that carries the access token for browsers
 * @param jwksCacheTtl how long a fetched key set is trusted before it is fetched again
 * @param jwksRefetchInterval the least time between two refetches caused by an unknown
 * {@code kid}, so that forged key ids cannot make the service hammer user-service
 * @param jwksTimeout connect and read timeout of a key set fetch
 * @param maxTokenLength longer tokens are refused before any parsing
 */
@Validated
@ConfigurationProperties("nal.security")
public record ResourceServerProperties(
		@NotNull @DefaultValue("http://localhost:3002/.well-known/jwks.json") URI jwksUri,
		@NotBlank @DefaultValue("not-a-label") String issuer,
		@NotBlank @DefaultValue("not-a-label-api") String audience, @DefaultValue List<String> publicPaths,
		@NotBlank @DefaultValue("nal_at") String accessTokenCookie, @NotNull @DefaultValue("5m") Duration jwksCacheTtl,
		@NotNull @DefaultValue("30s") Duration jwksRefetchInterval, @NotNull @DefaultValue("2s") Duration jwksTimeout,
		@Min(256) @DefaultValue("8192") int maxTokenLength) {

}
