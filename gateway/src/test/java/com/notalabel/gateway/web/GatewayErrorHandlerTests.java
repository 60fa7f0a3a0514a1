package com.notalabel.gateway.web;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.netty.handler.ssl.NotSslRecordException;
import org.junit.jupiter.api.Test;
import reactor.netty.http.client.PrematureCloseException;

import org.springframework.cloud.gateway.support.ServiceUnavailableException;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import static org.assertj.core.api.Assertions.assertThat;

class GatewayErrorHandlerTests {

	@Test
	void answersAnOpenBreakerAsUnavailable() {
		assertThat(GatewayErrorHandler
			.problemFor(CallNotPermittedException.createCallNotPermittedException(CircuitBreaker.ofDefaults("x")),
					false)
			.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(GatewayErrorHandler.problemFor(new ServiceUnavailableException(), false).code())
			.isEqualTo("server.unavailable");
	}

	@Test
	void answersEveryFailureOfARoutedCallAsABadGateway() {
		for (Throwable failure : new Throwable[] { new IllegalStateException(new ConnectException("refused")),
				new UnknownHostException("nowhere.invalid"), new NotSslRecordException("not TLS"),
				new IOException("Connection reset by peer"), PrematureCloseException.TEST_EXCEPTION,
				new IllegalArgumentException("invalid version format: HELLO") }) {
			Problem problem = GatewayErrorHandler.problemFor(failure, true);

			assertThat(problem.status()).as(failure.toString()).isEqualTo(HttpStatus.BAD_GATEWAY);
			assertThat(problem.code()).isEqualTo("server.bad_gateway");
		}
	}

	@Test
	void answersATimeoutAsAGatewayTimeout() {
		assertThat(GatewayErrorHandler
			.problemFor(new ResponseStatusException(HttpStatus.GATEWAY_TIMEOUT, "late", new TimeoutException()), true)
			.code()).isEqualTo("server.timeout");
	}

	@Test
	void answersAClientsOwnFaultAsItsProblemEvenAfterRouting() {
		assertThat(GatewayErrorHandler.problemFor(new RequestBodyStalled(), true).status())
			.isEqualTo(HttpStatus.REQUEST_TIMEOUT);
		assertThat(GatewayErrorHandler.problemFor(new RequestTooLarge(10), true).status())
			.isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
	}

	@Test
	void answersAFailureBeforeRoutingAsItsOwnAndKeepsEveryInternalOutOfTheDetail() {
		Problem problem = GatewayErrorHandler.problemFor(new NullPointerException("secret.internal.Thing"), false);

		assertThat(problem.status()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
		assertThat(problem.detail()).doesNotContain("secret", "Null");
	}

}
