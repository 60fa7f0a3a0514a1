package com.notalabel.shared.events;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.notalabel.shared.testapp.RegistrationLog;
import com.notalabel.shared.testapp.SharedUtilsIntegrationTest;
import com.notalabel.test.http.TestHttp;
import com.notalabel.test.security.TestKeySet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A service gets the bus by depending on shared-utils: a {@code @Transactional} method
 * publishes, and a handler declared in {@code EventSubscriptions} runs.
 */
@SharedUtilsIntegrationTest
class EventBusAutoConfigurationIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestKeySet jwks;

	@Autowired
	RegistrationLog log;

	@Autowired
	EventConsumer consumer;

	@Autowired
	JdbcClient jdbc;

	@Test
	void deliversAnEventPublishedInARequestToTheSubscribedHandler() {
		String email = "artist-" + UUID.randomUUID() + "@example.com";
		TestHttp http = TestHttp.on(this.port);

		int status = http.post("/probe/registrations?email=" + email)
			.body("application/json", "")
			.bearer(this.jwks.accessToken(UUID.randomUUID(), UUID.randomUUID(), "artist"))
			.send()
			.status();

		assertThat(status).isEqualTo(202);
		await().atMost(Duration.ofSeconds(10)).until(() -> this.log.count(email) == 1);
		assertThat(this.jdbc.sql("select count(*) from event_outbox").query(Long.class).single()).isZero();
		assertThat(this.consumer.group()).isEqualTo("user-service");
		assertThat(this.consumer.streams()).singleElement().asString().endsWith("nal:events:user-service");
		String metrics = http.get("/actuator/prometheus").send().body();
		assertThat(metrics).contains("nal_events_published_total", "nal_events_consumed_total",
				"nal_events_consumer_lag", "nal_events_outbox_backlog");
	}

	@Test
	void keepsTheBusTablesUnderTheirOwnMigrationHistory() {
		assertThat(this.jdbc.sql("select count(*) from nal_events_schema_history where success")
			.query(Long.class)
			.single()).isPositive();
		assertThat(this.jdbc.sql("select count(*) from flyway_schema_history where script = 'V1__test_tables.sql'")
			.query(Long.class)
			.single()).isEqualTo(1);
	}

}
