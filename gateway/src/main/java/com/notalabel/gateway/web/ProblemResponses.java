package com.notalabel.gateway.web;

import java.util.LinkedHashMap;
import java.util.Map;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;

/**
 * Writes a {@link Problem} as the response, straight from a filter: refusals never go
 * through exceptions on the hot path.
 */
public final class ProblemResponses {

	private final JsonMapper json;

	public ProblemResponses(JsonMapper json) {
		this.json = json;
	}

	public Mono<Void> write(ServerWebExchange exchange, Problem problem) {
		ServerHttpResponse response = exchange.getResponse();
		if (response.isCommitted()) {
			return Mono.empty();
		}
		response.setStatusCode(problem.status());
		HttpHeaders headers = response.getHeaders();
		headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		headers.setCacheControl("no-store");
		problem.headers().forEach(headers::set);
		byte[] body = bytes(problem, exchange.getRequest().getPath().value(), EdgeRequest.of(exchange).requestId());
		headers.setContentLength(body.length);
		return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
	}

	/**
	 * The problem as the platform's problem+json document (ARCHITECTURE.md §3).
	 * @param problem the problem
	 * @param instance the request's path
	 * @param requestId the request's id
	 * @return the document's bytes
	 */
	byte[] bytes(Problem problem, String instance, String requestId) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", problem.type());
		body.put("title", problem.status().getReasonPhrase());
		body.put("status", problem.status().value());
		body.put("detail", problem.detail());
		body.put("instance", instance);
		body.put("code", problem.code());
		body.put("requestId", requestId);
		return this.json.writeValueAsBytes(body);
	}

}
