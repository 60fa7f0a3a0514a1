package com.notalabel.payment;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.notalabel.test.infra.RealInfrastructure;
import com.notalabel.test.service.ServiceDefaultsContract;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@RealInfrastructure
class PaymentServiceApplicationIntegrationTests implements ServiceDefaultsContract {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Override
	public int port() {
		return this.port;
	}

	@Override
	public String protectedPath() {
		return "/api/v1/payouts";
	}

	@Override
	public String serviceName() {
		return "payment-service";
	}

	@Test
	void migratesItsOwnSchema() {
		assertThat(this.jdbc.sql("select count(*) from payment.flyway_schema_history where success and version = '1'")
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(this.jdbc
			.sql("select count(*) from information_schema.tables where table_schema = 'payment'"
					+ " and table_name in ('event_outbox', 'processed_event')")
			.query(Long.class)
			.single()).isEqualTo(2);
	}

}
