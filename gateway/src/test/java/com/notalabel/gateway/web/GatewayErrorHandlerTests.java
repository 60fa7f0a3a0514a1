package com.notalabel.gateway.web;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.Test;

import org.springframework.cloud.gateway.support.ServiceUnavailableException;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import static org.assertj.core.api.Assertions.assertThat;

class GatewayErrorHandlerTests {

	@Test
	void answersARefusedConnectionAndAnOpenBreakerAsUnavailable() {
		assertThat(GatewayErrorHandler.problemFor(new IllegalStateException(new ConnectException("refused"))).code())
			.isEqualTo("server.unavailable");
		assertThat(GatewayErrorHandler
			.problemFor(CallNotPermittedException.createCallNotPermittedException(CircuitBreaker.ofDefaults("x")))
			.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(GatewayErrorHandler.problemFor(new ServiceUnavailableException()).code())
			.isEqualTo("server.unavailable");
	}

	@Test
	void answersATimeoutAsAGatewayTimeout() {
		assertThat(GatewayErrorHandler
			.problemFor(new ResponseStatusException(HttpStatus.GATEWAY_TIMEOUT, "late", new TimeoutException()))
			.code()).isEqualTo("server.timeout");
	}

	@Test
	void keepsEveryInternalOutOfTheDetail() {
		Problem problem = GatewayErrorHandler.problemFor(new NullPointerException("secret.internal.Thing"));

		assertThat(problem.status()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
		assertThat(problem.detail()).doesNotContain("secret", "Null");
	}

}
