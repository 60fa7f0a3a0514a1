package com.notalabel.gateway;

import java.time.Duration;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.notalabel.gateway.routing.RouteCircuitBreakers;
import com.notalabel.gateway.support.MisbehavingService;
import com.notalabel.gateway.support.StubPlatform;
import com.notalabel.gateway.support.StubService;
import com.notalabel.test.infra.RealRedis;

/**
 * The gateway in front of services that fail in every way a network lets them, one
 * application context for the test classes that extend this one:
 * <ul>
 * <li>music-service answers (uploads included), and can be stopped and started again on
 * its port;</li>
 * <li>notification-service misbehaves as the request path asks
 * ({@link MisbehavingService});</li>
 * <li>distribution-service is reached over TLS, and answers the handshake with plain
 * text;</li>
 * <li>ai-service has a host name that does not resolve;</li>
 * <li>payment-service refuses every connection;</li>
 * <li>analytics-service is slower than its route's timeout under
 * {@code /api/v1/analytics/slow}, which is shorter than the request body idle
 * timeout.</li>
 * </ul>
 * Every breaker starts each test closed.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@RealRedis
abstract class FaultyPlatformIntegrationTest {

	static final MisbehavingService misbehaving = MisbehavingService.start();

	static final int musicPort = StubService.deadPort();

	static volatile StubService music = StubService.startOn(musicPort);

	/**
	 * How long the gateway waits for more of a request body that has stopped arriving.
	 */
	static final Duration BODY_IDLE_TIMEOUT = Duration.ofMillis(800);

	/** The analytics route's response timeout: shorter than the body idle timeout. */
	static final Duration ANALYTICS_TIMEOUT = Duration.ofMillis(300);

	@Autowired
	WebTestClient http;

	@Autowired
	RouteCircuitBreakers circuitBreakers;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void faultyPlatform(DynamicPropertyRegistry registry) {
		StubPlatform.routeTo(registry);
		registry.add("MUSIC_SERVICE_URL", () -> "http://127.0.0.1:" + musicPort);
		registry.add("NOTIFICATION_SERVICE_URL", misbehaving::url);
		registry.add("DISTRIBUTION_SERVICE_URL", () -> "https://127.0.0.1:" + misbehaving.port());
		registry.add("AI_SERVICE_URL", () -> "http://nal-no-such-service.invalid:3004");
		registry.add("ANALYTICS_SERVICE_RESPONSE_TIMEOUT_MS", ANALYTICS_TIMEOUT::toMillis);
		registry.add("REQUEST_BODY_IDLE_TIMEOUT", BODY_IDLE_TIMEOUT::toString);
	}

	@BeforeEach
	void closeEveryBreaker() {
		this.circuitBreakers.registry().getAllCircuitBreakers().forEach(CircuitBreaker::reset);
	}

	CircuitBreaker breaker(String route) {
		return this.circuitBreakers.breakerOf(route);
	}

	static String bearer(String token) {
		return "Bearer " + token;
	}

}
