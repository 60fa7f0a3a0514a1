package com.notalabel.gateway.revocation;

import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;

/**
 * Part of readiness: an instance that has never loaded the revoked sessions would let
 * revoked tokens through, so it takes no traffic. Once loaded, losing Redis does not make
 * it unready: it keeps the sessions it holds and catches up when Redis is back.
 */
final class RevocationsHealthIndicator implements ReactiveHealthIndicator {

	private final RevokedSessions revoked;

	RevocationsHealthIndicator(RevokedSessions revoked) {
		this.revoked = revoked;
	}

	@Override
	public Mono<Health> health() {
		return Mono.just(this.revoked.isLoaded() ? Health.up().build() : Health.outOfService().build());
	}

}
