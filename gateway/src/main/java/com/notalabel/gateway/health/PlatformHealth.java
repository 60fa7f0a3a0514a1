package com.notalabel.gateway.health;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.netty.channel.ChannelOption;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.util.function.Tuples;

import org.springframework.data.redis.connection.ReactiveRedisConnection;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;

import com.notalabel.gateway.revocation.RevokedSessions;

/**
 * Probes every service's readiness in parallel, Redis, and the gateway's own readiness
 * (it holds the revoked sessions), and serves the result to everyone for a short while.
 */
final class PlatformHealth {

	private final Map<String, URI> services;

	private final ReactiveRedisConnectionFactory redis;

	private final RevokedSessions revoked;

	private final HttpClient http;

	private final HealthProperties properties;

	private final Mono<HealthReport> report;

	PlatformHealth(Map<String, URI> services, ReactiveRedisConnectionFactory redis, RevokedSessions revoked,
			HealthProperties properties) {
		this.services = new LinkedHashMap<>(services);
		this.redis = redis;
		this.revoked = revoked;
		this.properties = properties;
		this.http = HttpClient.create()
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, Math.toIntExact(properties.timeout().toMillis()))
			.responseTimeout(properties.timeout());
		this.report = Mono.defer(this::probe).cache(properties.cacheFor());
	}

	Mono<HealthReport> report() {
		return this.report;
	}

	private Mono<HealthReport> probe() {
		Mono<Map<String, String>> services = Flux.fromIterable(this.services.entrySet())
			.flatMapSequential((service) -> probe(service.getValue())
				.map((up) -> Tuples.of(service.getKey(), up ? HealthReport.UP : HealthReport.DOWN)))
			.collectMap((result) -> result.getT1(), (result) -> result.getT2(), LinkedHashMap::new);
		return Mono.zip(services, redisUp())
			.map((results) -> HealthReport.of(this.revoked.isLoaded(), results.getT2(), results.getT1()));
	}

	private Mono<Boolean> probe(URI service) {
		String readiness = service.toString().replaceAll("/+$", "") + this.properties.readinessPath();
		return this.http.get()
			.uri(readiness)
			.response((response, body) -> body.then(Mono.just(response.status().code() / 100 == 2)))
			.next()
			.timeout(this.properties.timeout())
			.onErrorReturn(false)
			.defaultIfEmpty(false);
	}

	private Mono<Boolean> redisUp() {
		return Mono.usingWhen(Mono.fromSupplier(this.redis::getReactiveConnection),
				(connection) -> connection.ping().map("PONG"::equalsIgnoreCase), ReactiveRedisConnection::closeLater)
			.timeout(Duration.ofSeconds(1))
			.onErrorReturn(false)
			.defaultIfEmpty(false);
	}

}
