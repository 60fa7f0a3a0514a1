package com.notalabel.test.infra;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A database of the run's own on the PostgreSQL server named by the environment: created
 * on first use, dropped when the JVM exits.
 */
final class LocalPostgres {

	static final String DATABASE_PREFIX = "nal_test_";

	private static final String JDBC_PREFIX = "jdbc:postgresql://";

	private LocalPostgres() {
	}

	static PostgresServer create(RunId runId) {
		Admin admin = Admin.fromEnvironment();
		String database = DATABASE_PREFIX + runId;
		try (Connection connection = admin.connect()) {
			dropStaleDatabases(connection, Instant.now());
			execute(connection, "CREATE DATABASE " + quote(database));
		}
		catch (SQLException ex) {
			throw new IllegalStateException(
					"Could not create the test database " + database + " on " + admin.url() + " as " + admin.username()
							+ ". Start PostgreSQL, set NAL_TEST_POSTGRES_URL, NAL_TEST_POSTGRES_USER"
							+ " and NAL_TEST_POSTGRES_PASSWORD, or run with Docker (NAL_TEST_INFRA=docker).",
					ex);
		}
		AtExit.run(() -> dropQuietly(admin, database));
		return new PostgresServer(withDatabase(admin.url(), database), admin.username(), admin.password());
	}

	/**
	 * Drops the databases of runs that were killed before their shutdown hook ran.
	 * @param connection an administrator's connection
	 * @param now the current time
	 * @return the names of the dropped databases
	 * @throws SQLException if the databases cannot be listed
	 */
	static List<String> dropStaleDatabases(Connection connection, Instant now) throws SQLException {
		List<String> stale = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet databases = statement
					.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE 'nal\\_test\\_%'")) {
			while (databases.next()) {
				String name = databases.getString(1);
				RunId.parse(name.substring(DATABASE_PREFIX.length()))
					.filter((runId) -> runId.isStale(now))
					.ifPresent((runId) -> stale.add(name));
			}
		}
		List<String> dropped = new ArrayList<>();
		for (String name : stale) {
			try {
				execute(connection, "DROP DATABASE IF EXISTS " + quote(name) + " WITH (FORCE)");
				dropped.add(name);
			}
			catch (SQLException ex) {
				// Another run sweeping at the same moment; whoever wins, it is gone.
			}
		}
		return dropped;
	}

	/**
	 * Points a PostgreSQL JDBC URL at another database, keeping hosts and parameters.
	 * @param url
	 * {@code jdbc:postgresql://host[:port][,host2[:port2]][/database][?parameters]}
	 * @param database the database to use instead
	 * @return the URL of {@code database}
	 */
	static String withDatabase(String url, String database) {
		if (!url.startsWith(JDBC_PREFIX)) {
			throw new IllegalStateException(
					"NAL_TEST_POSTGRES_URL must look like jdbc:postgresql://host:port/database, not " + url);
		}
		int query = url.indexOf('?');
		String parameters = (query >= 0) ? url.substring(query) : "";
		String withoutParameters = (query >= 0) ? url.substring(0, query) : url;
		int slash = withoutParameters.indexOf('/', JDBC_PREFIX.length());
		String hosts = (slash >= 0) ? withoutParameters.substring(0, slash) : withoutParameters;
		return hosts + "/" + database + parameters;
	}

	static String quote(String identifier) {
		return "\"" + identifier.replace("\"", "\"\"") + "\"";
	}

	static void execute(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private static void dropQuietly(Admin admin, String database) {
		try (Connection connection = admin.connect()) {
			execute(connection, "DROP DATABASE IF EXISTS " + quote(database) + " WITH (FORCE)");
		}
		catch (SQLException ex) {
			// Logging may already be shut down; a later run drops it once it is stale.
			System.err.println("Could not drop test database " + database + ": " + ex.getMessage());
		}
	}

	/**
	 * Where to create run databases, and as whom.
	 *
	 * @param url JDBC URL of a database the user can connect to
	 * @param username a user allowed to create and drop databases
	 * @param password the user's password
	 */
	record Admin(String url, String username, String password) {

		static Admin fromEnvironment() {
			return new Admin(env("NAL_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/postgres"),
					env("NAL_TEST_POSTGRES_USER", "postgres"), env("NAL_TEST_POSTGRES_PASSWORD", ""));
		}

		Connection connect() throws SQLException {
			return DriverManager.getConnection(this.url, this.username, this.password);
		}

		private static String env(String name, String fallback) {
			return Objects.requireNonNullElse(System.getenv(name), fallback);
		}

	}

}
