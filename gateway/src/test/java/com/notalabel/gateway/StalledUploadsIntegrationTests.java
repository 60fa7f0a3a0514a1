package com.notalabel.gateway;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import io.github.resilience4j.circuitbreaker.CircuitBreaker.State;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.notalabel.gateway.support.RawHttp;
import com.notalabel.gateway.support.StubService.Answer;
import com.notalabel.gateway.support.StubService;
import com.notalabel.test.security.TestKeySet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Clients on bad connections are their own problem: a body that stops arriving is a 408
 * for that client alone, a client that gives up costs nothing, and neither (nor a
 * service's refusal) counts against the service's breaker. The crowd here is larger than
 * the breaker's window, so that counting them would open it.
 */
class StalledUploadsIntegrationTests extends FaultyPlatformIntegrationTest {

	static final int CROWD = 8;

	@AfterEach
	void musicServiceAnswersNormallyAgain() {
		music.answerNormally("/api/v1/tracks");
		if (!isUp()) {
			music = StubService.startOn(musicPort);
		}
	}

	@Test
	void answersEveryStalledUploadWithItsOwnRequestTimeoutAndKeepsTheBreakerClosed() {
		List<String> responses = together(CROWD, () -> RawHttp.send(this.port, stalledUpload()));

		assertThat(responses).allSatisfy((response) -> {
			assertThat(RawHttp.status(response)).isEqualTo(408);
			assertThat(RawHttp.header(response, "Content-Type")).isEqualTo("application/problem+json");
			assertThat(RawHttp.header(response, "Connection")).isEqualTo("close");
			assertThat(RawHttp.body(response)).contains("\"code\":\"request.body_timeout\"", "\"status\":408",
					"\"requestId\":");
		});
		assertThat(breaker("music-uploads").getState()).isEqualTo(State.CLOSED);
		assertThat(breaker("music-uploads").getMetrics().getNumberOfFailedCalls()).isZero();
		upload().expectStatus().isOk();
	}

	@Test
	void cancelsTheServicesRequestOnceTheBodyStalls() {
		int brokenOff = music.brokenOff();

		String response = RawHttp.send(this.port, stalledUpload());

		assertThat(RawHttp.status(response)).isEqualTo(408);
		await().atMost(Duration.ofSeconds(5)).until(() -> music.brokenOff() > brokenOff);
	}

	@Test
	void waitsForABodyThatKeepsArrivingSlowly() {
		// Each piece arrives within the idle timeout (every eighth of it, leaving a loaded
		// machine's scheduling delays more room), the whole takes longer than it.
		byte[] piece = new byte[1024];
		long pieces = 12;
		long started = System.nanoTime();

		this.http.post()
			.uri("/api/v1/tracks")
			.header(HttpHeaders.AUTHORIZATION, bearer(TestKeySet.shared().token().value()))
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.body(Flux.interval(BODY_IDLE_TIMEOUT.dividedBy(8)).take(pieces).map((tick) -> piece), byte[].class)
			.exchange()
			.expectStatus()
			.isOk();

		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThan(BODY_IDLE_TIMEOUT);
	}

	@Test
	void doesNotCountUploadsThatTheirClientsAbandon() throws IOException {
		int begun = music.begun();
		int brokenOff = music.brokenOff();
		List<Socket> clients = IntStream.range(0, CROWD)
			.mapToObj((client) -> RawHttp.sendAndHold(this.port, stalledUpload()))
			.toList();
		// Every upload has reached music-service when its client gives up.
		await().atMost(Duration.ofSeconds(5)).until(() -> music.begun() >= begun + CROWD);

		for (Socket client : clients) {
			client.close();
		}

		await().atMost(Duration.ofSeconds(5)).until(() -> music.brokenOff() >= brokenOff + CROWD);
		upload().expectStatus().isOk();
		assertThat(breaker("music-uploads").getState()).isEqualTo(State.CLOSED);
		assertThat(breaker("music-uploads").getMetrics().getNumberOfFailedCalls()).isZero();
	}

	@Test
	void passesMusicServicesOwnRefusalsOfUploadsOnWithoutCountingThem() {
		music.answer("/api/v1/tracks",
				() -> new Answer(408, "application/problem+json", "{\"status\":408,\"code\":\"upload.body_timeout\"}"));
		for (int call = 0; call < CROWD; call++) {
			upload().expectStatus().isEqualTo(408).expectBody().jsonPath("$.code").isEqualTo("upload.body_timeout");
		}
		music.answer("/api/v1/tracks", () -> new Answer(400, "application/problem+json",
				"{\"status\":400,\"code\":\"upload.body_truncated\"}"));
		for (int call = 0; call < CROWD; call++) {
			upload().expectStatus().isEqualTo(400).expectBody().jsonPath("$.code").isEqualTo("upload.body_truncated");
		}

		assertThat(breaker("music-uploads").getState()).isEqualTo(State.CLOSED);
		assertThat(breaker("music-uploads").getMetrics().getNumberOfFailedCalls()).isZero();
	}

	@Test
	void stillOpensTheUploadBreakerWhenMusicServiceIsDown() {
		music.close();

		for (int call = 0; call < 4; call++) {
			upload().expectStatus().isEqualTo(502);
		}

		upload().expectStatus().isEqualTo(503).expectBody().jsonPath("$.code").isEqualTo("server.unavailable");
		assertThat(breaker("music-uploads").getState()).isEqualTo(State.OPEN);
	}

	@Test
	void answersABodyStalledPastTheRoutesResponseTimeoutAsTheClientsFault() {
		String head = "POST /api/v1/analytics/reports HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
				+ bearer(TestKeySet.shared().token().value()) + "\r\nContent-Type: application/json\r\n";

		List<String> responses = together(CROWD, () -> RawHttp.send(this.port, RawHttp.partialBody(head, 2048, 10)));

		assertThat(responses).allSatisfy((response) -> {
			assertThat(RawHttp.status(response)).isEqualTo(408);
			assertThat(RawHttp.body(response)).contains("\"code\":\"request.body_timeout\"");
		});
		assertThat(breaker("analytics-service").getState()).isEqualTo(State.CLOSED);
		assertThat(breaker("analytics-service").getMetrics().getNumberOfFailedCalls()).isZero();
	}

	private WebTestClient.ResponseSpec upload() {
		return this.http.post()
			.uri("/api/v1/tracks")
			.header(HttpHeaders.AUTHORIZATION, bearer(TestKeySet.shared().token().value()))
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.bodyValue(new byte[256 * 1024])
			.exchange();
	}

	/** An upload announcing a megabyte that sends four kilobytes and then nothing. */
	private static byte[] stalledUpload() {
		String head = "POST /api/v1/tracks HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
				+ bearer(TestKeySet.shared().token().value()) + "\r\nContent-Type: application/octet-stream\r\n";
		return RawHttp.partialBody(head, 1024 * 1024, 4096);
	}

	private static boolean isUp() {
		try (Socket socket = new Socket("127.0.0.1", musicPort)) {
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static <T> List<T> together(int clients, Supplier<T> client) {
		try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<T>> futures = IntStream.range(0, clients)
				.mapToObj((i) -> executor.submit(client::get))
				.toList();
			return futures.stream().map(StalledUploadsIntegrationTests::join).toList();
		}
	}

	private static <T> T join(Future<T> future) {
		try {
			return future.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex.getCause());
		}
	}

}
