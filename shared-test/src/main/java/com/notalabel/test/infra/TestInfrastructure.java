package com.notalabel.test.infra;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import com.redis.testcontainers.RedisContainer;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.util.ClassUtils;

/**
 * Real PostgreSQL and Redis for tests, started or created on first use, once per JVM.
 *
 * <p>
 * {@code NAL_TEST_INFRA} picks where they come from: {@code docker} (Testcontainers),
 * {@code local} (servers on this machine), or {@code auto}, the default: Docker when
 * Testcontainers finds a Docker engine, otherwise local. Local mode reads
 * <ul>
 * <li>{@code NAL_TEST_POSTGRES_URL} (default
 * {@code jdbc:postgresql://127.0.0.1:5432/postgres}), {@code NAL_TEST_POSTGRES_USER}
 * ({@code postgres}) and {@code NAL_TEST_POSTGRES_PASSWORD} (empty): a user who may
 * create databases;</li>
 * <li>{@code NAL_TEST_REDIS_URL} (default {@code redis://127.0.0.1:6379}): a server
 * without a password.</li>
 * </ul>
 * In both modes the run gets a database named {@code nal_test_<epochSeconds>_<random>}
 * and the Redis key prefix {@code nal-test:<epochSeconds>_<random>:}. Locally the
 * database is dropped and the keys deleted when the JVM exits, and what a killed run left
 * is removed by a later run once it is six hours old.
 *
 * <p>
 * Spring tests use {@link RealInfrastructure @RealInfrastructure},
 * {@link RealPostgres @RealPostgres} or {@link RealRedis @RealRedis} instead.
 */
public final class TestInfrastructure {

	private static final RunId runId = RunId.next(Instant.now());

	private static final Once<InfrastructureMode> mode = new Once<>(InfrastructureMode::fromEnvironment);

	private static final Once<PostgresServer> postgres = new Once<>(TestInfrastructure::startPostgres);

	private static final Once<RedisServer> redis = new Once<>(TestInfrastructure::startRedis);

	private static final Pattern NOT_IN_IDENTIFIER = Pattern.compile("[^a-z0-9_]+");

	private static final Map<String, DataSource> dataSources = new ConcurrentHashMap<>();

	private TestInfrastructure() {
	}

	/**
	 * Where the infrastructure comes from in this JVM.
	 * @return the mode {@code NAL_TEST_INFRA} chose
	 */
	public static InfrastructureMode mode() {
		return mode.get();
	}

	/**
	 * The run's database, created (or its container started) on the first call.
	 * @return how to reach it
	 */
	public static PostgresServer postgres() {
		return postgres.get();
	}

	/**
	 * The run's Redis, checked (or its container started) on the first call.
	 * @return how to reach it, and the prefix for every key the run writes
	 */
	public static RedisServer redis() {
		return redis.get();
	}

	/**
	 * Creates an empty schema in the run's database, for tests that need several isolated
	 * ones (one per test, or one per simulated service).
	 * @param hint what the schema is for; becomes the start of its name
	 * @return the name of the new schema, {@code <hint>_<random>}
	 */
	public static String newSchema(String hint) {
		String name = schemaName(hint, randomSuffix());
		PostgresServer server = postgres();
		try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), server.username(),
				server.password())) {
			LocalPostgres.execute(connection, "CREATE SCHEMA " + LocalPostgres.quote(name));
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create schema " + name + " in " + server, ex);
		}
		return name;
	}

	/**
	 * A small connection pool on the run's database whose connections use {@code schema}
	 * as their current schema. Asking again for the same schema returns the same pool;
	 * pools live until the JVM exits.
	 * @param schema an existing schema, such as one from {@link #newSchema(String)}
	 * @return the data source
	 */
	public static DataSource dataSource(String schema) {
		return dataSources.computeIfAbsent(schema, TestInfrastructure::createDataSource);
	}

	static String schemaName(String hint, String suffix) {
		String cleaned = NOT_IN_IDENTIFIER.matcher(hint.toLowerCase(Locale.ROOT)).replaceAll("_");
		if (cleaned.isEmpty() || !Character.isLetter(cleaned.charAt(0))) {
			cleaned = "s_" + cleaned;
		}
		// PostgreSQL cuts identifiers at 63 bytes, which could make two names equal.
		int room = 63 - suffix.length() - 1;
		return ((cleaned.length() > room) ? cleaned.substring(0, room) : cleaned) + "_" + suffix;
	}

	static RunId runId() {
		return runId;
	}

	private static String randomSuffix() {
		return Long.toString(ThreadLocalRandom.current().nextLong(Long.MAX_VALUE), Character.MAX_RADIX);
	}

	private static PostgresServer startPostgres() {
		return switch (mode()) {
			case DOCKER -> {
				PostgreSQLContainer container = DockerInfrastructure.postgres();
				yield new PostgresServer(container.getJdbcUrl(), container.getUsername(), container.getPassword());
			}
			case LOCAL -> LocalPostgres.create(runId);
		};
	}

	private static RedisServer startRedis() {
		return switch (mode()) {
			case DOCKER -> {
				RedisContainer container = DockerInfrastructure.redis();
				yield new RedisServer(container.getRedisHost(), container.getRedisPort(), LocalRedis.keyPrefix(runId));
			}
			case LOCAL -> LocalRedis.create(runId);
		};
	}

	private static DataSource createDataSource(String schema) {
		PostgresServer server = postgres();
		if (ClassUtils.isPresent("com.zaxxer.hikari.HikariDataSource", TestInfrastructure.class.getClassLoader())) {
			return Hikari.create(server, schema);
		}
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setURL(server.jdbcUrl());
		dataSource.setUser(server.username());
		dataSource.setPassword(server.password());
		dataSource.setCurrentSchema(schema);
		return dataSource;
	}

	/**
	 * Kept apart because HikariCP is optional: only code that runs with it links to it.
	 */
	private static final class Hikari {

		static DataSource create(PostgresServer server, String schema) {
			HikariConfig config = new HikariConfig();
			config.setPoolName("nal-test-" + schema);
			config.setJdbcUrl(server.jdbcUrl());
			config.setUsername(server.username());
			config.setPassword(server.password());
			config.addDataSourceProperty("currentSchema", schema);
			config.setMaximumPoolSize(4);
			config.setMinimumIdle(0);
			return new HikariDataSource(config);
		}

	}

}
