package com.notalabel.test.service;

import javax.sql.DataSource;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.notalabel.test.http.Response;
import com.notalabel.test.http.TestHttp;
import com.notalabel.test.infra.RealInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every service of the platform answers from the moment it boots, whatever it does:
 * probes that reflect its database and Redis, Prometheus metrics, its OpenAPI document, a
 * problem+json 401 for an anonymous call, and its own migrations in its own schema. A
 * service's boot test extends this class, naming the service, and so boots the whole
 * service on a real port against real infrastructure:
 *
 * <pre class="code">
 * class MusicServiceApplicationIntegrationTests extends ServiceDefaultsContract {
 *     MusicServiceApplicationIntegrationTests() {
 *         super("music-service", "music", "/api/v1/tracks");
 *     }
 * }
 * </pre>
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@RealInfrastructure
public abstract class ServiceDefaultsContract {

	private final String serviceName;

	private final String schema;

	private final String protectedPath;

	@LocalServerPort
	private int port;

	@Autowired
	private DataSource dataSource;

	@Autowired
	private Environment environment;

	/**
	 * @param serviceName the service's {@code spring.application.name}
	 * @param schema the PostgreSQL schema it owns
	 * @param protectedPath a path of its API that needs a signed-in user
	 */
	protected ServiceDefaultsContract(String serviceName, String schema, String protectedPath) {
		this.serviceName = serviceName;
		this.schema = schema;
		this.protectedPath = protectedPath;
	}

	@Test
	public void queuesACrowdOfNewConnectionsRatherThanDroppingThem() {
		// Tomcat's own backlog of 100 dropped a crowd's connections past the gateway's connect timeout.
		assertThat(this.environment.getProperty("server.tomcat.accept-count", Integer.class))
			.isGreaterThanOrEqualTo(1024);
	}

	@Test
	public void reportsItselfReadyOnceItsDatabaseAndRedisAnswer() {
		Response response = get("/actuator/health/readiness");

		assertThat(response.status()).isEqualTo(200);
		assertThat((String) JsonPath.read(response.body(), "$.status")).isEqualTo("UP");
	}

	@Test
	public void reportsItselfAlive() {
		Response response = get("/actuator/health/liveness");

		assertThat(response.status()).isEqualTo(200);
		assertThat((String) JsonPath.read(response.body(), "$.status")).isEqualTo("UP");
	}

	@Test
	public void exposesPrometheusMetricsTaggedWithItsName() {
		Response response = get("/actuator/prometheus");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).contains("jvm_memory_used_bytes")
			.contains("application=\"" + this.serviceName + "\"");
	}

	@Test
	public void describesItsApiAsOpenApi() {
		Response response = get("/v3/api-docs");

		assertThat(response.status()).isEqualTo(200);
		assertThat((String) JsonPath.read(response.body(), "$.openapi")).startsWith("3.");
	}

	@Test
	public void refusesAnAnonymousCallWithAProblem() {
		Response response = get(this.protectedPath);

		assertThat(response.status()).isEqualTo(401);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat((String) JsonPath.read(response.body(), "$.code")).isEqualTo("auth.unauthenticated");
		assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer");
	}

	@Test
	public void hidesActuatorEndpointsBeyondHealthInfoAndMetrics() {
		assertThat(get("/actuator/env").status()).isIn(401, 404);
		assertThat(get("/actuator/heapdump").status()).isIn(401, 404);
	}

	@Test
	public void migratesItsOwnSchema() {
		JdbcClient jdbc = JdbcClient.create(this.dataSource);
		assertThat(jdbc
			.sql("select count(*) from " + this.schema + ".flyway_schema_history where success and version = '1'")
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(jdbc
			.sql("select count(*) from information_schema.tables where table_schema = ?"
					+ " and table_name in ('event_outbox', 'processed_event')")
			.param(this.schema)
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	private Response get(String path) {
		return TestHttp.on(this.port).get(path).send();
	}

}
