package com.notalabel.test.infra;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import javax.sql.DataSource;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TestInfrastructureIntegrationTests {

	@Test
	void givesTheRunADatabaseOfItsOwn() throws SQLException {
		PostgresServer server = TestInfrastructure.postgres();

		try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), server.username(),
				server.password())) {
			assertThat(connection.getCatalog()).isEqualTo("nal_test_" + TestInfrastructure.runId());
		}
	}

	@Test
	void createsTheDatabaseOnlyOnce() {
		assertThat(TestInfrastructure.postgres()).isSameAs(TestInfrastructure.postgres());
	}

	@Test
	void givesEachNewSchemaADataSourceThatSeesOnlyThatSchema() {
		String tracks = TestInfrastructure.newSchema("tracks");
		String albums = TestInfrastructure.newSchema("tracks");
		JdbcTemplate inTracks = new JdbcTemplate(TestInfrastructure.dataSource(tracks));
		JdbcTemplate inAlbums = new JdbcTemplate(TestInfrastructure.dataSource(albums));

		inTracks.execute("CREATE TABLE item (title text)");
		inTracks.update("INSERT INTO item VALUES ('Blue in Green')");

		assertThat(tracks).isNotEqualTo(albums).startsWith("tracks_");
		assertThat(inTracks.queryForObject("SELECT current_schema()", String.class)).isEqualTo(tracks);
		assertThat(inTracks.queryForObject("SELECT title FROM item", String.class)).isEqualTo("Blue in Green");
		assertThatExceptionOfType(RuntimeException.class)
			.isThrownBy(() -> inAlbums.queryForObject("SELECT count(*) FROM item", Integer.class))
			.withMessageContaining("item");
	}

	@Test
	void reusesThePoolOfASchema() {
		String schema = TestInfrastructure.newSchema("pooled");

		DataSource dataSource = TestInfrastructure.dataSource(schema);

		assertThat(TestInfrastructure.dataSource(schema)).isSameAs(dataSource);
	}

	@Test
	void givesTheRunARedisKeyPrefixOfItsOwn() {
		RedisServer server = TestInfrastructure.redis();
		RedisClient client = RedisClient.create(RedisURI.create(server.host(), server.port()));
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			String key = server.keyPrefix() + "greeting";
			connection.sync().set(key, "hello");

			assertThat(server.keyPrefix()).isEqualTo("nal-test:" + TestInfrastructure.runId() + ":");
			assertThat(connection.sync().get(key)).isEqualTo("hello");
		}
		finally {
			client.shutdown();
		}
	}

}
