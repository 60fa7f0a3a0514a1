package com.notalabel.test.infra;

import com.redis.testcontainers.RedisContainer;

import org.springframework.boot.testcontainers.context.ImportTestcontainers;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;

/**
 * The JVM's Redis container as a service connection. Reading the field starts the
 * container, which happens only when {@link InfrastructureImportSelector} imports this
 * class. Not a {@code @Configuration}, so that component scanning never finds it.
 */
@ImportTestcontainers
class DockerRedisConfiguration {

	@ServiceConnection
	static final RedisContainer redis = DockerInfrastructure.redis();

}
