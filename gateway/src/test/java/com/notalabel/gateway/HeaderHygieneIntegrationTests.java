package com.notalabel.gateway;

import java.net.InetSocketAddress;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import reactor.netty.http.client.HttpClient;

import org.springframework.http.HttpHeaders;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.notalabel.gateway.support.RawHttp;
import com.notalabel.gateway.support.StubPlatform;
import com.notalabel.gateway.support.StubService.Received;
import com.notalabel.test.security.TestKeySet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In these tests the gateway trusts 127.0.0.1 as its proxy (nginx); a client connecting
 * from 127.0.0.2 is anyone else.
 */
class HeaderHygieneIntegrationTests extends GatewayIntegrationTest {

	@Test
	void neverLetsAClientSpeakForTheGateway() {
		String path = "/api/v1/tracks/" + UUID.randomUUID();

		this.http.get()
			.uri(path)
			.header(HttpHeaders.AUTHORIZATION, bearer(TestKeySet.shared().token().value()))
			.header("X-User-Id", UUID.randomUUID().toString())
			.header("x-user-roles", "ADMIN")
			.header("X-Internal-Token", "let-me-in")
			.header("X-Nal-Service", "payment-service")
			.header("X-Real-IP", "10.9.9.9")
			.header("Forwarded", "for=10.9.9.9")
			.exchange()
			.expectStatus()
			.isOk();

		Received received = StubPlatform.music.receivedUnder(path).getFirst();
		assertThat(received.headers().keySet())
			.noneMatch((name) -> name.startsWith("x-user-") || name.startsWith("x-internal-")
					|| name.startsWith("x-nal-") || name.equals("x-real-ip") || name.equals("forwarded"));
	}

	@Test
	void passesNoHopByHopHeaderOn() {
		String path = "/api/v1/tracks/" + UUID.randomUUID();

		String response = RawHttp.send(this.port,
				"GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
						+ bearer(TestKeySet.shared().token().value())
						+ "\r\nConnection: close, X-Hop\r\nX-Hop: 1\r\nKeep-Alive: timeout=5\r\nTE: trailers\r\n"
						+ "Proxy-Authorization: Basic c2VjcmV0\r\nX-Kept: 2\r\n\r\n");

		assertThat(RawHttp.status(response)).isEqualTo(200);
		Received received = StubPlatform.music.receivedUnder(path).getFirst();
		assertThat(received.headers().keySet()).doesNotContain("x-hop", "keep-alive", "te", "proxy-authorization")
			.contains("x-kept", "authorization");
	}

	@Test
	void ignoresForwardingHeadersFromAnUntrustedClient() {
		String path = "/api/v1/tracks/" + UUID.randomUUID();

		from("127.0.0.2").get()
			.uri(path)
			.header(HttpHeaders.AUTHORIZATION, bearer(TestKeySet.shared().token().value()))
			.header("X-Forwarded-For", "203.0.113.7")
			.header("X-Forwarded-Host", "evil.example")
			.header("X-Request-Id", "chosen-by-the-client")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.value("X-Request-Id", (id) -> assertThat(id).isNotEqualTo("chosen-by-the-client"));

		Received received = StubPlatform.music.receivedUnder(path).getFirst();
		assertThat(received.header("x-forwarded-for")).containsExactly("127.0.0.2");
		assertThat(received.header("x-forwarded-host")).doesNotContain("evil.example");
		assertThat(received.header("x-request-id")).singleElement().isNotEqualTo("chosen-by-the-client");
	}

	@Test
	void believesItsTrustedProxyAboutTheClient() {
		String path = "/api/v1/tracks/" + UUID.randomUUID();

		this.http.get()
			.uri(path)
			.header(HttpHeaders.AUTHORIZATION, bearer(TestKeySet.shared().token().value()))
			.header("X-Forwarded-For", "198.51.100.1, 203.0.113.9")
			.header("X-Forwarded-Proto", "https")
			.header("X-Request-Id", "nginx-request-id-0001")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("X-Request-Id", "nginx-request-id-0001");

		Received received = StubPlatform.music.receivedUnder(path).getFirst();
		assertThat(received.header("x-forwarded-for")).containsExactly("203.0.113.9");
		assertThat(received.header("x-forwarded-proto")).containsExactly("https");
		assertThat(received.header("x-request-id")).containsExactly("nginx-request-id-0001");
	}

	@Test
	void sendsSecurityHeadersWithEveryAnswer() {
		get("/api/v1/tracks", TestKeySet.shared().token().value()).expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("X-Content-Type-Options", "nosniff")
			.expectHeader()
			.valueEquals("X-Frame-Options", "DENY")
			.expectHeader()
			.valueEquals("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
			.expectHeader()
			.valueEquals("Content-Security-Policy",
					"default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'")
			.expectHeader()
			.exists("X-Request-Id");
		this.http.get()
			.uri("/api/v1/tracks")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueEquals("X-Frame-Options", "DENY")
			.expectHeader()
			.exists("X-Request-Id");
	}

	private WebTestClient from(String localAddress) {
		HttpClient client = HttpClient.create().bindAddress(() -> new InetSocketAddress(localAddress, 0));
		return WebTestClient.bindToServer(new ReactorClientHttpConnector(client))
			.baseUrl("http://127.0.0.1:" + this.port)
			.build();
	}

}
