package com.notalabel.gateway;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.netty.channel.ChannelOption;
import org.junit.jupiter.api.Test;
import reactor.netty.http.client.HttpClient;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.gateway.config.HttpClientProperties;
import org.springframework.cloud.gateway.filter.NettyRoutingFilter;
import org.springframework.cloud.gateway.filter.headers.GRPCRequestHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.RemoveHopByHopHeadersFilter;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.notalabel.gateway.support.StubPlatform;
import com.notalabel.gateway.web.ProxiedRequestHeaders;
import com.notalabel.gateway.web.ProxiedResponseHeaders;
import com.notalabel.gateway.support.StubService.Received;
import com.notalabel.test.security.TestKeySet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What operators get from every route (ADR 28): requests counted per route and status, a
 * trace context on every call to a service, log events counted by level.
 */
class RouteObservabilityIntegrationTests extends GatewayIntegrationTest {

	private static final Pattern TRACEPARENT = Pattern.compile("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");

	@Autowired
	ApplicationContext context;

	@Test
	void countsTheAnswersOfEachRouteByStatus() {
		double answered = requests("music-service", "GET", "200");
		double refused = requests("music-service", "GET", "401");

		get("/api/v1/tracks/" + UUID.randomUUID(), TestKeySet.shared().token().value()).expectStatus().isOk();
		this.http.get().uri("/api/v1/tracks/" + UUID.randomUUID()).exchange().expectStatus().isUnauthorized();

		assertThat(requests("music-service", "GET", "200")).isEqualTo(answered + 1);
		assertThat(requests("music-service", "GET", "401")).isEqualTo(refused + 1);
	}

	@Test
	void countsTheGatewaysOwnAnswerForADeadService() {
		double failed = requests("payment-service", "GET", "502");

		get("/api/v1/payments/" + UUID.randomUUID(), TestKeySet.shared().token().value()).expectStatus().isEqualTo(502);

		assertThat(requests("payment-service", "GET", "502")).isEqualTo(failed + 1);
	}

	@Test
	void startsATraceForACallThatBringsNone() {
		String path = "/api/v1/tracks/" + UUID.randomUUID();

		get(path, TestKeySet.shared().token().value()).expectStatus().isOk();

		Received received = StubPlatform.music.receivedUnder(path).getFirst();
		assertThat(received.header("traceparent")).singleElement().asString().matches(TRACEPARENT);
	}

	@Test
	void passesTheCallersTraceOnUnchanged() {
		String path = "/api/v1/tracks/" + UUID.randomUUID();
		String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

		this.http.get()
			.uri(path)
			.header(HttpHeaders.AUTHORIZATION, bearer(TestKeySet.shared().token().value()))
			.header("traceparent", traceparent)
			.header("tracestate", "vendor=value")
			.exchange()
			.expectStatus()
			.isOk();

		Received received = StubPlatform.music.receivedUnder(path).getFirst();
		assertThat(received.header("traceparent")).containsExactly(traceparent);
		assertThat(received.header("tracestate")).containsExactly("vendor=value");
	}

	@Test
	void replacesAMalformedTraceAndDropsItsState() {
		String path = "/api/v1/tracks/" + UUID.randomUUID();

		this.http.get()
			.uri(path)
			.header(HttpHeaders.AUTHORIZATION, bearer(TestKeySet.shared().token().value()))
			.header("traceparent", "00-00000000000000000000000000000000-00f067aa0ba902b7-01")
			.header("tracestate", "vendor=value")
			.exchange()
			.expectStatus()
			.isOk();

		Received received = StubPlatform.music.receivedUnder(path).getFirst();
		assertThat(received.header("traceparent")).singleElement()
			.asString()
			.matches(TRACEPARENT)
			.doesNotContain("00000000000000000000000000000000");
		assertThat(received.header("tracestate")).isEmpty();
	}

	@Test
	void countsTheLogEventsItWrites() {
		double warnings = metric("logback_events_total", Map.of("level", "warn"));

		// A dead service's 502 is logged as a warning.
		get("/api/v1/payments/" + UUID.randomUUID(), TestKeySet.shared().token().value()).expectStatus().isEqualTo(502);

		assertThat(metric("logback_events_total", Map.of("level", "warn"))).isGreaterThan(warnings);
	}

	@Test
	void givesEveryRouteTheOneHttpClientWithItsConnectTimeout() {
		HttpClient shared = this.context.getBean(HttpClient.class);

		assertThat(shared.configuration().options().get(ChannelOption.CONNECT_TIMEOUT_MILLIS)).isEqualTo(500);
		// Otherwise Spring Cloud Gateway derives a new client from it for every request.
		assertThat(this.context.getBean(HttpClientProperties.class).getConnectTimeout()).isNull();
	}

	@Test
	void routesWithItsOwnHeaderFiltersInPlaceOfTheFrameworks() {
		assertThat(this.context.getBeansOfType(NettyRoutingFilter.class).values()).singleElement()
			.satisfies((routing) -> assertThat(routing.getHeadersFilters()).extracting(Object::getClass)
				.contains(ProxiedRequestHeaders.class, ProxiedResponseHeaders.class)
				.doesNotContain(RemoveHopByHopHeadersFilter.class, GRPCRequestHeadersFilter.class));
	}

	private double requests(String route, String method, String status) {
		return metric("nal_gateway_requests_seconds_count", Map.of("route", route, "method", method, "status", status));
	}

	/** A sample's value from the Prometheus scrape, 0 while the series does not exist. */
	private double metric(String name, Map<String, String> labels) {
		String scrape = WebTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + this.managementPort)
			.build()
			.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		Pattern sample = Pattern.compile("^" + Pattern.quote(name) + "\\{([^}]*)} (\\S+)$", Pattern.MULTILINE);
		Matcher matcher = sample.matcher(scrape);
		while (matcher.find()) {
			List<String> series = List.of(matcher.group(1).split(","));
			boolean matches = labels.entrySet()
				.stream()
				.allMatch((label) -> series.contains(label.getKey() + "=\"" + label.getValue() + "\""));
			if (matches) {
				return Double.parseDouble(matcher.group(2));
			}
		}
		return 0;
	}

}
