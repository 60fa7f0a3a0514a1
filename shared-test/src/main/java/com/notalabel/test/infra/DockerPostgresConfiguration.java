package com.notalabel.test.infra;

import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.boot.testcontainers.context.ImportTestcontainers;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;

/**
 * The JVM's PostgreSQL container as a service connection. Reading the field starts the
 * container, which happens only when {@link InfrastructureImportSelector} imports this
 * class. Not a {@code @Configuration}, so that component scanning never finds it.
 */
@ImportTestcontainers
class DockerPostgresConfiguration {

	@ServiceConnection
	static final PostgreSQLContainer postgres = DockerInfrastructure.postgres();

}
