package com.notalabel.gateway.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.cloud.gateway.support.ServiceUnavailableException;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

/**
 * Every failure the gateway does not answer in a filter becomes problem+json here: a
 * service that cannot be reached or breaks off the exchange is 502, one whose circuit
 * breaker is open 503, a slow one 504, a client's own fault (a body too large, stalled or
 * broken off) its {@link GatewayProblem}, no route 404. No exception text reaches the
 * client. An answer already under way cannot be replaced: it is broken off instead, so
 * that the client never takes a truncated answer for a whole one.
 */
@Order(-2)
final class GatewayErrorHandler implements ErrorWebExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(GatewayErrorHandler.class);

	private final ProblemResponses problems;

	GatewayErrorHandler(ProblemResponses problems) {
		this.problems = problems;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
		if (exchange.getResponse().isCommitted()) {
			return Mono.error(error);
		}
		Problem problem = problemFor(error, ServerWebExchangeUtils.isAlreadyRouted(exchange));
		if (problem.status().is5xxServerError()) {
			log.warn("{} {} answered {} ({}), request {}, trace {}: {}", exchange.getRequest().getMethod(),
					exchange.getRequest().getPath().value(), problem.status().value(), problem.code(),
					EdgeRequest.of(exchange).requestId(),
					exchange.getAttributeOrDefault(TraceContext.TRACE_ID_ATTRIBUTE, "none"), String.valueOf(error));
		}
		keepOnlyEdgeHeaders(exchange.getResponse().getHeaders());
		exchange.getResponse().getHeaders().set(EdgeRequest.REQUEST_ID_HEADER, EdgeRequest.of(exchange).requestId());
		return this.problems.write(exchange, problem);
	}

	/**
	 * Drops whatever a service's half-received answer left behind, keeping what the
	 * gateway itself set: CORS (so that a browser can read the problem), rate-limit
	 * headers and the request id.
	 */
	private static void keepOnlyEdgeHeaders(HttpHeaders headers) {
		List<String> names = new ArrayList<>(headers.headerNames());
		for (String name : names) {
			String lower = name.toLowerCase(Locale.ROOT);
			if (!lower.startsWith("access-control-") && !lower.equals("vary") && !lower.startsWith("ratelimit-")) {
				headers.remove(name);
			}
		}
	}

	/**
	 * The answer for a failure.
	 * @param error what failed
	 * @param routed whether the request had been handed to a service's connection when it
	 * failed: from then on, whatever fails (refused, unresolvable, no TLS, reset, closed
	 * early, not HTTP) is the service's exchange failing, and never the gateway's 500
	 * @return the problem to answer
	 */
	static Problem problemFor(Throwable error, boolean routed) {
		for (Throwable cause = error; cause != null; cause = cause.getCause()) {
			if (cause instanceof GatewayProblem known) {
				return known.problem();
			}
			if (cause instanceof CallNotPermittedException || cause instanceof ServiceUnavailableException) {
				return Problem.unavailable();
			}
			if (cause instanceof TimeoutException
					|| cause instanceof org.springframework.cloud.gateway.support.TimeoutException) {
				return Problem.timeout();
			}
			if (cause instanceof DataBufferLimitException) {
				return new Problem(HttpStatus.CONTENT_TOO_LARGE, "request.too_large", "The request is too large.");
			}
		}
		if (error instanceof ResponseStatusException status) {
			return forStatus(status.getStatusCode());
		}
		if (routed) {
			return Problem.badGateway();
		}
		return new Problem(HttpStatus.INTERNAL_SERVER_ERROR, "server.error", "Something went wrong on our side.");
	}

	private static Problem forStatus(HttpStatusCode code) {
		HttpStatus status = HttpStatus.resolve(code.value());
		if (status == null) {
			status = code.is4xxClientError() ? HttpStatus.BAD_REQUEST : HttpStatus.INTERNAL_SERVER_ERROR;
		}
		return switch (status) {
			case NOT_FOUND -> new Problem(status, "resource.not_found", "There is nothing at this address.");
			case METHOD_NOT_ALLOWED ->
				new Problem(status, "request.method_not_allowed", "This address does not accept that method.");
			case CONTENT_TOO_LARGE -> new Problem(status, "request.too_large", "The request is too large.");
			case SERVICE_UNAVAILABLE -> Problem.unavailable();
			case GATEWAY_TIMEOUT -> Problem.timeout();
			case BAD_GATEWAY -> Problem.badGateway();
			default ->
				status.is4xxClientError() ? new Problem(status, "request.invalid", "The request cannot be processed.")
						: new Problem(HttpStatus.INTERNAL_SERVER_ERROR, "server.error",
								"Something went wrong on our side.");
		};
	}

}
