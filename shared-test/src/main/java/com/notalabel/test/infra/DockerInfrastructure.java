package com.notalabel.test.infra;

import com.redis.testcontainers.RedisContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The JVM's one PostgreSQL and one Redis container, started on first use.
 */
final class DockerInfrastructure {

	static final DockerImageName POSTGRES_IMAGE = DockerImageName.parse("postgres:17-alpine");

	static final DockerImageName REDIS_IMAGE = DockerImageName.parse("redis:7-alpine");

	private static final Once<PostgreSQLContainer> postgres = new Once<>(DockerInfrastructure::startPostgres);

	private static final Once<RedisContainer> redis = new Once<>(DockerInfrastructure::startRedis);

	private DockerInfrastructure() {
	}

	static PostgreSQLContainer postgres() {
		return postgres.get();
	}

	static RedisContainer redis() {
		return redis.get();
	}

	private static PostgreSQLContainer startPostgres() {
		PostgreSQLContainer container = new SharedPostgreSQLContainer()
			.withDatabaseName(LocalPostgres.DATABASE_PREFIX + TestInfrastructure.runId());
		container.start();
		return container;
	}

	private static RedisContainer startRedis() {
		RedisContainer container = new SharedRedisContainer();
		container.start();
		return container;
	}

	/**
	 * Every Spring context that imports the container registers it as a bean and stops it
	 * when the context closes, while other cached contexts still use it. It lives as long
	 * as the JVM instead; Ryuk removes it then.
	 */
	static final class SharedPostgreSQLContainer extends PostgreSQLContainer {

		SharedPostgreSQLContainer() {
			super(POSTGRES_IMAGE);
		}

		@Override
		public void stop() {
		}

	}

	/**
	 * Outlives the Spring contexts that use it, for the same reason as
	 * {@link SharedPostgreSQLContainer}.
	 */
	static final class SharedRedisContainer extends RedisContainer {

		SharedRedisContainer() {
			super(REDIS_IMAGE);
		}

		@Override
		public void stop() {
		}

	}

}
