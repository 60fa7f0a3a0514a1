package com.notalabel.gateway.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class ProxiedResponseHeadersTests {

	private final MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/"));

	@Test
	void dropsTheHopByHopHeadersOfAServicesAnswer() {
		HttpHeaders answer = new HttpHeaders();
		answer.set("Content-Type", "application/json");
		answer.set("Connection", "keep-alive, X-Hop");
		answer.set("X-Hop", "1");
		answer.set("Keep-Alive", "timeout=5");
		answer.set("transfer-encoding", "chunked");
		answer.set("Upgrade", "h2c");

		HttpHeaders filtered = new ProxiedResponseHeaders().filter(answer, this.exchange);

		assertThat(filtered.headerNames()).containsExactly("Content-Type");
	}

	@Test
	void keepsAnAnswerWithoutThemAsItIs() {
		HttpHeaders answer = new HttpHeaders();
		answer.set("Content-Type", "application/json");
		answer.set("ETag", "\"1\"");

		HttpHeaders filtered = new ProxiedResponseHeaders().filter(answer, this.exchange);

		// Not copied: the same map, walked without a copy of its names.
		assertThat(filtered.asMultiValueMap()).isSameAs(answer.asMultiValueMap());
		Map<String, List<String>> walked = new LinkedHashMap<>();
		filtered.forEach(walked::put);
		Map<String, List<String>> walkedByHttpHeaders = new LinkedHashMap<>();
		answer.forEach(walkedByHttpHeaders::put);
		assertThat(walked).isEqualTo(walkedByHttpHeaders)
			.containsExactly(entry("Content-Type", List.of("application/json")), entry("ETag", List.of("\"1\"")));
		assertThat(filtered.headerNames()).containsExactly("Content-Type", "ETag");
		assertThat(filtered.headerNames().contains("content-type")).isTrue();
		assertThat(filtered.headerNames().contains("ETAG")).isTrue();
		assertThat(filtered.headerNames().contains("Connection")).isFalse();
	}

}
