package com.notalabel.gateway.support;

import java.time.Duration;

import org.springframework.test.context.DynamicPropertyRegistry;

import com.notalabel.gateway.support.StubService.Answer;
import com.notalabel.test.security.TestKeySet;

/**
 * The services behind the gateway in its tests, shared by every test context:
 * <ul>
 * <li>user-service, which also publishes the signing keys;</li>
 * <li>music-service, also standing in for ai-service and notification-service;</li>
 * <li>analytics-service, slow under {@code /api/v1/analytics/slow};</li>
 * <li>distribution-service, dead until a test brings it up on its port;</li>
 * <li>payment-service, dead for good.</li>
 * </ul>
 */
public final class StubPlatform {

	public static final StubService users = StubService.start();

	public static final StubService music = StubService.start();

	public static final StubService analytics = StubService.start();

	public static final int distributionPort = StubService.deadPort();

	/** Nothing listens on port 1: every connection is refused at once. */
	public static final String DEAD_SERVICE = "http://127.0.0.1:1";

	/** The allowed browser origin. */
	public static final String APP_ORIGIN = "https://app.example.test";

	/**
	 * Limits small enough to reach in a test, large enough for the tests' other calls.
	 */
	public static final int USER_LIMIT = 40;

	public static final int LOGIN_LIMIT = 3;

	public static final int PLAYS_LIMIT = 5;

	public static final Duration ANALYTICS_TIMEOUT = Duration.ofMillis(500);

	static {
		// Generating the signing key takes a moment; done before any gateway asks for it.
		TestKeySet.shared().jwks();
		users.answer("/.well-known/jwks.json", () -> new Answer(200, "application/json", TestKeySet.shared().jwks()));
		music.answer("/v3/api-docs", () -> new Answer(200, "application/json",
				"{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"music-service\",\"version\":\"1\"},"
						+ "\"servers\":[{\"url\":\"http://10.1.2.3:3003\",\"description\":\"Generated server url\"}],"
						+ "\"paths\":{}}"));
		music.delay("/api/v1/albums/busy", Duration.ofMillis(300));
		analytics.delay("/api/v1/analytics/slow", ANALYTICS_TIMEOUT.multipliedBy(10));
	}

	private StubPlatform() {
	}

	/**
	 * Points the gateway's routes at the stubs and sets limits a test can reach.
	 */
	public static void routeTo(DynamicPropertyRegistry registry) {
		registry.add("USER_SERVICE_URL", users::url);
		registry.add("MUSIC_SERVICE_URL", music::url);
		registry.add("AI_SERVICE_URL", music::url);
		registry.add("NOTIFICATION_SERVICE_URL", music::url);
		registry.add("ANALYTICS_SERVICE_URL", analytics::url);
		registry.add("DISTRIBUTION_SERVICE_URL", () -> "http://127.0.0.1:" + distributionPort);
		registry.add("PAYMENT_SERVICE_URL", () -> DEAD_SERVICE);
		registry.add("ANALYTICS_SERVICE_RESPONSE_TIMEOUT_MS", ANALYTICS_TIMEOUT::toMillis);
		registry.add("ROUTE_CONNECT_TIMEOUT_MS", () -> 500);
		registry.add("JWKS_URI", () -> users.url() + "/.well-known/jwks.json");
		// Key rotation is tested here; the refetch limit in KeySetTests.
		registry.add("nal.security.jwks-refetch-interval", () -> "0s");
		registry.add("TRUSTED_PROXIES", () -> "127.0.0.1");
		registry.add("CORS_ALLOWED_ORIGINS", () -> APP_ORIGIN);
		registry.add("MAX_REQUEST_SIZE", () -> "64KB");
		registry.add("RATE_LIMIT_USER_LIMIT", () -> USER_LIMIT);
		registry.add("RATE_LIMIT_ADDRESS_LIMIT", () -> 500);
		registry.add("RATE_LIMIT_LOGIN_LIMIT", () -> LOGIN_LIMIT);
		registry.add("RATE_LIMIT_PLAYS_LIMIT", () -> PLAYS_LIMIT);
		registry.add("CIRCUIT_BREAKER_WINDOW", () -> 4);
		registry.add("CIRCUIT_BREAKER_MINIMUM_CALLS", () -> 4);
		registry.add("CIRCUIT_BREAKER_OPEN_FOR", () -> "3s");
		registry.add("CIRCUIT_BREAKER_TRIAL_CALLS", () -> 1);
		registry.add("nal.gateway.health.cache-for", () -> "100ms");
	}

}
