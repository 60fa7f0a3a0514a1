package com.notalabel.gateway.access;

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
 * How the gateway verifies access tokens ({@code nal.security.*}, the names the services
 * use for the same settings).
 *
 * @param jwksUri user-service's key set
 * @param issuer the required {@code iss}
 * @param audience the required {@code aud}
 * @param publicPaths requests that need no token, such as {@code POST /api/v1/auth/login}
 * or {@code GET /api/v1/artists/**}; a token they carry is still used for rate limiting
 * when it is valid, and ignored when it is not
 * @param accessTokenCookie the cookie that carries the access token for browsers
 * @param refreshTokenCookie the cookie that carries the refresh token; a request with it
 * is cookie-authenticated for the CSRF check
 * @param jwksCacheTtl how long a fetched key set is used before it is fetched again (in
 * the background, while the held keys keep working)
 * @param jwksRefetchInterval the least time between two fetches caused by an unknown
 * {@code kid}, so that forged key ids cannot make the gateway hammer user-service
 * @param jwksTimeout connect and response timeout of a key-set fetch
 * @param clockSkew tolerance on {@code exp}, {@code nbf} and {@code iat}, the services'
 * value
 * @param maxTokenLength longer tokens are refused before any parsing
 * @param verifiedTokenCacheSize how many verified tokens are remembered, each until it
 * expires
 */
@Validated
@ConfigurationProperties("nal.security")
public record AccessProperties(@NotNull @DefaultValue("http://localhost:3002/.well-known/jwks.json") URI jwksUri,
		@NotBlank @DefaultValue("not-a-label") String issuer,
		@NotBlank @DefaultValue("not-a-label-api") String audience, @DefaultValue List<String> publicPaths,
		@NotBlank @DefaultValue("nal_at") String accessTokenCookie,
		@NotBlank @DefaultValue("nal_rt") String refreshTokenCookie, @NotNull @DefaultValue("5m") Duration jwksCacheTtl,
		@NotNull @DefaultValue("30s") Duration jwksRefetchInterval, @NotNull @DefaultValue("2s") Duration jwksTimeout,
		@NotNull @DefaultValue("60s") Duration clockSkew, @Min(256) @DefaultValue("8192") int maxTokenLength,
		@Min(1) @DefaultValue("100000") long verifiedTokenCacheSize) {

}
