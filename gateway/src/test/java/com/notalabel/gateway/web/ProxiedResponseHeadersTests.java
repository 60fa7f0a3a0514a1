package com.notalabel.gateway.web;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

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

		assertThat(new ProxiedResponseHeaders().filter(answer, this.exchange)).isSameAs(answer);
	}

}
