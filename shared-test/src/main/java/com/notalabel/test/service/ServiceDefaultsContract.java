package com.notalabel.test.service;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every service of the platform answers from the moment it boots, whatever it does:
 * probes that reflect its database and Redis, Prometheus metrics, its OpenAPI document,
 * and a problem+json 401 for an anonymous call. A service's boot test implements this
 * interface on a {@code @SpringBootTest(webEnvironment = RANDOM_PORT)} with real
 * infrastructure and runs these checks over real HTTP.
 */
public interface ServiceDefaultsContract {

	/**
	 * The port the service under test listens on ({@code @LocalServerPort}).
	 * @return the port
	 */
	int port();

	/**
	 * A path of the service's API that needs a signed-in user.
	 * @return e.g. {@code /api/v1/tracks}
	 */
	String protectedPath();

	/**
	 * The service's {@code spring.application.name}.
	 * @return e.g. {@code music-service}
	 */
	String serviceName();

	@Test
	default void reportsItselfReadyOnceItsDatabaseAndRedisAnswer() {
		HttpResponse<String> response = get("/actuator/health/readiness");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat((String) JsonPath.read(response.body(), "$.status")).isEqualTo("UP");
	}

	@Test
	default void reportsItselfAlive() {
		HttpResponse<String> response = get("/actuator/health/liveness");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat((String) JsonPath.read(response.body(), "$.status")).isEqualTo("UP");
	}

	@Test
	default void exposesPrometheusMetricsTaggedWithItsName() {
		HttpResponse<String> response = get("/actuator/prometheus");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("jvm_memory_used_bytes").contains("application=\"" + serviceName() + "\"");
	}

	@Test
	default void describesItsApiAsOpenApi() {
		HttpResponse<String> response = get("/v3/api-docs");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat((String) JsonPath.read(response.body(), "$.openapi")).startsWith("3.");
	}

	@Test
	default void refusesAnAnonymousCallWithAProblem() {
		HttpResponse<String> response = get(protectedPath());

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat((String) JsonPath.read(response.body(), "$.code")).isEqualTo("auth.unauthenticated");
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
	}

	@Test
	default void hidesActuatorEndpointsBeyondHealthInfoAndMetrics() {
		assertThat(get("/actuator/env").statusCode()).isIn(401, 404);
		assertThat(get("/actuator/heapdump").statusCode()).isIn(401, 404);
	}

	private HttpResponse<String> get(String path) {
		try (HttpClient client = HttpClient.newHttpClient()) {
			return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path)).GET().build(),
					HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
