package com.notalabel.test.infra;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What local mode leaves behind on shared servers, and what it removes.
 */
class LocalCleanupIntegrationTests {

	private final Instant now = Instant.now();

	private final RunId killed = RunId.next(this.now.minus(Duration.ofHours(7)));

	private final RunId concurrent = RunId.next(this.now.minus(Duration.ofHours(1)));

	private final RedisClient redisClient = RedisClient.create();

	@BeforeEach
	void onlyInLocalMode() {
		assumeTrue(TestInfrastructure.mode() == InfrastructureMode.LOCAL, "cleanup of shared servers is local only");
	}

	@AfterEach
	void closeClient() {
		this.redisClient.shutdown();
	}

	@Test
	void dropsTheDatabasesOfRunsKilledMoreThanSixHoursAgoButNotOfRunsStillGoing() throws SQLException {
		// This run's database, created on first use: not left to whichever test ran before.
		TestInfrastructure.postgres();
		String stale = LocalPostgres.DATABASE_PREFIX + this.killed;
		String recent = LocalPostgres.DATABASE_PREFIX + this.concurrent;
		try (Connection admin = LocalPostgres.Admin.fromEnvironment().connect()) {
			LocalPostgres.execute(admin, "CREATE DATABASE " + stale);
			LocalPostgres.execute(admin, "CREATE DATABASE " + recent);
			try {
				List<String> dropped = LocalPostgres.dropStaleDatabases(admin, this.now);

				assertThat(dropped).contains(stale).doesNotContain(recent);
				assertThat(databases(admin)).doesNotContain(stale)
					.contains(recent, LocalPostgres.DATABASE_PREFIX + TestInfrastructure.runId());
			}
			finally {
				LocalPostgres.execute(admin, "DROP DATABASE IF EXISTS " + stale);
				LocalPostgres.execute(admin, "DROP DATABASE IF EXISTS " + recent);
			}
		}
	}

	@Test
	void deletesTheKeysOfFinishedRunsButNotOfRunsStillGoing() {
		RunId current = RunId.next(this.now);
		try (StatefulRedisConnection<String, String> connection = this.redisClient.connect(uri())) {
			RedisCommands<String, String> redis = connection.sync();
			redis.set(LocalRedis.keyPrefix(current) + "a", "1");
			redis.set(LocalRedis.keyPrefix(this.killed) + "a", "1");
			redis.set(LocalRedis.keyPrefix(this.killed) + "b", "1");
			redis.set(LocalRedis.keyPrefix(this.concurrent) + "a", "1");
			try {
				long deleted = LocalRedis.delete(uri(), (key) -> LocalRedis.isFinished(key, current, this.now));

				assertThat(deleted).isGreaterThanOrEqualTo(3);
				assertThat(redis.exists(LocalRedis.keyPrefix(current) + "a", LocalRedis.keyPrefix(this.killed) + "a",
						LocalRedis.keyPrefix(this.killed) + "b"))
					.isZero();
				assertThat(redis.exists(LocalRedis.keyPrefix(this.concurrent) + "a")).isOne();
			}
			finally {
				redis.del(LocalRedis.keyPrefix(this.concurrent) + "a");
			}
		}
	}

	@Test
	void dropsTheDatabaseAndDeletesTheKeysWhenTheJvmExits() throws IOException, InterruptedException, SQLException {
		Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), ChildRun.class.getName())
			.redirectErrorStream(true)
			.start();
		String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(child.exitValue()).as(output).isZero();
		String database = valueOf(output, "database=");
		String key = valueOf(output, "key=");

		try (StatefulRedisConnection<String, String> connection = this.redisClient.connect(uri());
				Connection admin = LocalPostgres.Admin.fromEnvironment().connect()) {
			assertThat(databases(admin)).doesNotContain(database);
			assertThat(connection.sync().exists(key)).isZero();
		}
	}

	private RedisURI uri() {
		RedisServer server = TestInfrastructure.redis();
		return RedisURI.create(server.host(), server.port());
	}

	private static List<String> databases(Connection admin) {
		return new ArrayList<>(new JdbcTemplate(new SingleConnectionDataSource(admin, true))
			.queryForList("SELECT datname FROM pg_database", String.class));
	}

	private static String valueOf(String output, String label) {
		return output.lines()
			.filter((line) -> line.startsWith(label))
			.map((line) -> line.substring(label.length()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No " + label + " in the child's output:\n" + output));
	}

	/**
	 * A test run in miniature: uses the database and Redis, then lets the JVM exit.
	 */
	static final class ChildRun {

		public static void main(String[] args) throws SQLException {
			PostgresServer postgres = TestInfrastructure.postgres();
			String schema = TestInfrastructure.newSchema("child");
			new JdbcTemplate(TestInfrastructure.dataSource(schema)).execute("CREATE TABLE kept_open (id int)");
			RedisServer server = TestInfrastructure.redis();
			String key = server.keyPrefix() + "left-behind";
			RedisClient client = RedisClient.create(RedisURI.create(server.host(), server.port()));
			try (StatefulRedisConnection<String, String> connection = client.connect()) {
				connection.sync().set(key, "1");
			}
			finally {
				client.shutdown();
			}
			try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(),
					postgres.password())) {
				System.out.println("database=" + connection.getCatalog());
			}
			System.out.println("key=" + key);
		}

	}

}
