package com.notalabel.gateway.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

class OwnOriginTests {

	@ParameterizedTest
	@CsvSource({ "http://localhost:3001/docs, http://localhost:3001",
			"http://LOCALHOST:3001/docs, http://localhost:3001", "http://127.0.0.1:3001/docs, http://127.0.0.1:3001",
			"http://gateway/docs, http://gateway:80", "http://[::1]:3001/docs, http://[::1]:3001" })
	void isTheSchemeAndHostTheRequestWasSentTo(String url, String origin) {
		assertThat(OwnOrigin.matches(MockServerWebExchange.from(MockServerHttpRequest.get(url)), origin)).isTrue();
	}

	@ParameterizedTest
	@CsvSource({ "http://localhost:3001/docs, https://localhost:3001",
			"http://localhost:3001/docs, http://localhost:3002", "http://localhost:3001/docs, http://localhost",
			"http://localhost:3001/docs, http://evil.example:3001",
			"http://localhost:3001/docs, http://localhost:3001/docs", "http://localhost:3001/docs, null",
			"http://localhost:3001/docs, http://user@localhost:3001" })
	void isNoOtherOrigin(String url, String origin) {
		assertThat(OwnOrigin.matches(MockServerWebExchange.from(MockServerHttpRequest.get(url)), origin)).isFalse();
	}

	@Test
	void isWhatATrustedProxySaysTheClientAddressed() {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("http://gateway:3001/"));
		exchange.getAttributes()
			.put(EdgeRequest.ATTRIBUTE, EdgeRequest.of("request-1", null, "https", "app.notalabel.com"));

		assertThat(OwnOrigin.matches(exchange, "https://app.notalabel.com")).isTrue();
		assertThat(OwnOrigin.matches(exchange, "https://app.notalabel.com:443")).isTrue();
		assertThat(OwnOrigin.matches(exchange, "http://gateway:3001")).isFalse();
	}

}
