package com.notalabel.gateway.access;

import java.util.List;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;

import com.notalabel.gateway.ratelimit.RateLimitDecision;
import com.notalabel.gateway.ratelimit.RateLimitPolicies;
import com.notalabel.gateway.ratelimit.RateLimitPolicy;
import com.notalabel.gateway.ratelimit.RateLimiter;
import com.notalabel.gateway.revocation.RevokedSessions;
import com.notalabel.gateway.web.EdgeRequest;
import com.notalabel.gateway.web.Problem;
import com.notalabel.gateway.web.ProblemResponses;

/**
 * Decides whether a routed request reaches its service: the CSRF origin check, the access
 * token (from {@code Authorization: Bearer} or the access-token cookie, verified or found
 * in the cache of verified tokens), its session against the revoked ones, and a rate
 * limit: the user's bucket, the client address's bucket without a valid token, or a
 * strict per-address bucket on the sign-in endpoints and the play beacon. A request
 * refused for its token still draws from its address's bucket, so that guessing tokens is
 * rate-limited too.
 *
 * <p>
 * The common case (a token seen before, a bucket with tokens, a policy that is not
 * {@linkplain RateLimitPolicy#exact() exact}) completes synchronously: no Redis round
 * trip, no signature check, no extra reactive stage.
 */
final class AccessFilter implements GlobalFilter, Ordered {

	/** Before the route filters (the circuit breaker): a refusal never reaches them. */
	static final int ORDER = -100;

	private static final Problem UNAUTHENTICATED = new Problem(HttpStatus.UNAUTHORIZED, "auth.unauthenticated",
			"Sign in to continue.")
		.withHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");

	private static final Problem INVALID_TOKEN = new Problem(HttpStatus.UNAUTHORIZED, "auth.invalid_token",
			"The access token is invalid or has expired. Sign in again.")
		.withHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");

	private static final Problem KEYS_UNAVAILABLE = new Problem(HttpStatus.SERVICE_UNAVAILABLE, "auth.unavailable",
			"Sign-in cannot be checked right now. Try again shortly.")
		.withHeader(HttpHeaders.RETRY_AFTER, "5");

	private static final Problem CROSS_SITE = Problem.originNotAllowed();

	private final AccessTokenVerifier verifier;

	private final VerifiedTokens verified;

	private final RevokedSessions revoked;

	private final RateLimiter limiter;

	private final RateLimitPolicies policies;

	private final PublicPaths publicPaths;

	private final CsrfOriginCheck csrf;

	private final ProblemResponses problems;

	private final String accessTokenCookie;

	private final int maxTokenLength;

	AccessFilter(AccessTokenVerifier verifier, VerifiedTokens verified, RevokedSessions revoked, RateLimiter limiter,
			RateLimitPolicies policies, PublicPaths publicPaths, CsrfOriginCheck csrf, ProblemResponses problems,
			String accessTokenCookie, int maxTokenLength) {
		this.verifier = verifier;
		this.verified = verified;
		this.revoked = revoked;
		this.limiter = limiter;
		this.policies = policies;
		this.publicPaths = publicPaths;
		this.csrf = csrf;
		this.problems = problems;
		this.accessTokenCookie = accessTokenCookie;
		this.maxTokenLength = maxTokenLength;
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		HttpMethod method = request.getMethod();
		PathContainer path = request.getPath().pathWithinApplication();
		boolean open = this.publicPaths.matches(method, path);
		if (this.csrf.refuses(exchange)) {
			return this.problems.write(exchange, CROSS_SITE);
		}
		String token = accessToken(request);
		if (token == null) {
			return open ? admitAnonymous(exchange, chain, method, path) : refuse(exchange, UNAUTHENTICATED);
		}
		if (token.isEmpty() || token.length() > this.maxTokenLength) {
			return open ? admitAnonymous(exchange, chain, method, path) : refuse(exchange, INVALID_TOKEN);
		}
		TokenDigest digest = TokenDigest.of(token);
		VerifiedAccessToken known = this.verified.get(digest);
		if (known != null) {
			return admit(exchange, chain, known, open, method, path);
		}
		return this.verifier.verify(token).flatMap((verification) -> switch (verification) {
			case Verification.Accepted accepted -> {
				this.verified.put(digest, accepted.token());
				yield admit(exchange, chain, accepted.token(), open, method, path);
			}
			case Verification.Refused refused ->
				open ? admitAnonymous(exchange, chain, method, path) : refuse(exchange, INVALID_TOKEN);
			case Verification.Undecidable undecidable ->
				open ? admitAnonymous(exchange, chain, method, path) : this.problems.write(exchange, KEYS_UNAVAILABLE);
		});
	}

	private Mono<Void> admit(ServerWebExchange exchange, GatewayFilterChain chain, VerifiedAccessToken token,
			boolean open, HttpMethod method, PathContainer path) {
		if (this.revoked.isRevoked(token.sessionId())) {
			return open ? admitAnonymous(exchange, chain, method, path) : refuse(exchange, INVALID_TOKEN);
		}
		RateLimitPolicy strict = this.policies.strictFor(method, path);
		if (strict != null) {
			return admitStrictly(exchange, chain, strict);
		}
		return admitWithin(exchange, chain,
				this.limiter.acquire(this.policies.authenticated(), token.rateLimitSubject()));
	}

	private Mono<Void> admitAnonymous(ServerWebExchange exchange, GatewayFilterChain chain, HttpMethod method,
			PathContainer path) {
		RateLimitPolicy strict = this.policies.strictFor(method, path);
		if (strict != null) {
			return admitStrictly(exchange, chain, strict);
		}
		return admitWithin(exchange, chain, this.limiter.acquire(this.policies.anonymous(), addressSubject(exchange)));
	}

	private Mono<Void> admitStrictly(ServerWebExchange exchange, GatewayFilterChain chain, RateLimitPolicy strict) {
		if (!strict.exact()) {
			return admitWithin(exchange, chain, this.limiter.acquire(strict, addressSubject(exchange)));
		}
		return this.limiter.acquireExactly(strict, addressSubject(exchange))
			.flatMap((decision) -> admitWithin(exchange, chain, decision));
	}

	private Mono<Void> admitWithin(ServerWebExchange exchange, GatewayFilterChain chain, RateLimitDecision decision) {
		decision.writeTo(exchange.getResponse().getHeaders());
		if (!decision.allowed()) {
			return this.problems.write(exchange, tooManyRequests(decision));
		}
		return chain.filter(exchange);
	}

	private Mono<Void> refuse(ServerWebExchange exchange, Problem problem) {
		RateLimitDecision decision = this.limiter.acquire(this.policies.anonymous(), addressSubject(exchange));
		decision.writeTo(exchange.getResponse().getHeaders());
		return this.problems.write(exchange, decision.allowed() ? problem : tooManyRequests(decision));
	}

	private static Problem tooManyRequests(RateLimitDecision decision) {
		return new Problem(HttpStatus.TOO_MANY_REQUESTS, "request.rate_limited",
				"Too many requests. Try again in " + decision.retryAfterSeconds() + " seconds.");
	}

	private static String addressSubject(ServerWebExchange exchange) {
		return "address:" + EdgeRequest.of(exchange).clientKey();
	}

	/**
	 * The bearer token, else the access-token cookie. Another {@code Authorization}
	 * scheme is not a token (and not the gateway's business).
	 */
	private @Nullable String accessToken(ServerHttpRequest request) {
		String authorization = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
		if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return authorization.substring(7).strip();
		}
		if (!request.getHeaders().containsHeader(HttpHeaders.COOKIE)) {
			return null;
		}
		List<HttpCookie> cookies = request.getCookies().get(this.accessTokenCookie);
		if (cookies == null || cookies.isEmpty() || cookies.get(0).getValue().isBlank()) {
			return null;
		}
		return cookies.get(0).getValue();
	}

}
