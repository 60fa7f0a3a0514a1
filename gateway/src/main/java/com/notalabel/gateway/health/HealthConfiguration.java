package com.notalabel.gateway.health;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.config.GatewayProperties;
import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import com.notalabel.gateway.revocation.RevokedSessions;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HealthProperties.class)
class HealthConfiguration {

	/**
	 * Every service the gateway routes to, by route id: the routes of application.yml.
	 */
	@Bean
	PlatformHealth platformHealth(GatewayProperties gateway, ReactiveRedisConnectionFactory redis,
			RevokedSessions revoked, HealthProperties properties) {
		Map<String, URI> services = new LinkedHashMap<>();
		for (RouteDefinition route : gateway.getRoutes()) {
			services.putIfAbsent(route.getId(), route.getUri());
		}
		return new PlatformHealth(services, redis, revoked, properties);
	}

	/**
	 * 200 when everything is up, 503 otherwise, with the details either way. Load
	 * balancers use the gateway's own {@code /readyz}: a service being down must not take
	 * the gateway out.
	 */
	@Bean
	RouterFunction<ServerResponse> platformHealthEndpoint(PlatformHealth health) {
		return RouterFunctions.route()
			.GET("/health", (request) -> health.report()
				.flatMap((report) -> ServerResponse
					.status(HealthReport.UP.equals(report.status()) ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
					.contentType(MediaType.APPLICATION_JSON)
					.header("Cache-Control", "no-store")
					.bodyValue(report)))
			.build();
	}

}
