package com.notalabel.gateway;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.notalabel.gateway.support.GatewayCalls;
import com.notalabel.gateway.support.StubPlatform;
import com.notalabel.test.infra.RealRedis;
import com.notalabel.test.infra.RedisServer;
import com.notalabel.test.infra.TestInfrastructure;
import com.notalabel.types.redis.RedisKeys;

/**
 * The gateway in front of the stub platform, with the run's Redis: one application
 * context for every integration test class that extends this one.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@RealRedis
public abstract class GatewayIntegrationTest {

	/** Revoked before the gateway started: it must learn of it from the sorted set. */
	protected static final UUID REVOKED_BEFORE_START = UUID.randomUUID();

	/** In the sorted set, but its tokens have expired: the gateway need not hold it. */
	protected static final UUID REVOCATION_EXPIRED_BEFORE_START = UUID.randomUUID();

	static {
		revokeBeforeTheGatewayStarts();
	}

	@Autowired
	protected WebTestClient http;

	@LocalServerPort
	protected int port;

	@LocalManagementPort
	protected int managementPort;

	@DynamicPropertySource
	static void stubPlatform(DynamicPropertyRegistry registry) {
		StubPlatform.routeTo(registry);
	}

	protected static String bearer(String token) {
		return "Bearer " + token;
	}

	protected WebTestClient.ResponseSpec get(String path, String token) {
		return GatewayCalls.get(this.http, path, token);
	}

	private static void revokeBeforeTheGatewayStarts() {
		RedisServer server = TestInfrastructure.redis();
		String key = new RedisKeys(server.keyPrefix()).revokedSessions();
		RedisClient client = RedisClient.create(RedisURI.create(server.host(), server.port()));
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			Instant now = Instant.now();
			connection.sync().zadd(key, now.plus(Duration.ofHours(1)).toEpochMilli(), REVOKED_BEFORE_START.toString());
			connection.sync()
				.zadd(key, now.minus(Duration.ofMinutes(1)).toEpochMilli(), REVOCATION_EXPIRED_BEFORE_START.toString());
		}
		finally {
			client.shutdown();
		}
	}

}
