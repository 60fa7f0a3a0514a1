package com.notalabel.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jspecify.annotations.Nullable;

/**
 * The platform's PostgreSQL: the machine's when it answers
 * (PLATFORM_POSTGRES_HOST/PORT/USER/ PASSWORD, by default 127.0.0.1:5432 as
 * {@code postgres}), otherwise real PostgreSQL binaries from Maven (zonky) with their
 * data under {@code .platform/data/postgres}. Either way the database {@code notalabel}
 * gets the services' roles and schemas from {@code roles.sql}.
 */
final class Postgres implements AutoCloseable {

	static final String DATABASE = "notalabel";

	private final String host;

	private final int port;

	private final String adminUser;

	private final String adminPassword;

	private final @Nullable EmbeddedPostgres embedded;

	private Postgres(String host, int port, String adminUser, String adminPassword,
			@Nullable EmbeddedPostgres embedded) {
		this.host = host;
		this.port = port;
		this.adminUser = adminUser;
		this.adminPassword = adminPassword;
		this.embedded = embedded;
	}

	static Postgres start(Layout layout) throws IOException {
		String host = env("PLATFORM_POSTGRES_HOST", "127.0.0.1");
		int port = Integer.parseInt(env("PLATFORM_POSTGRES_PORT", "5432"));
		String user = env("PLATFORM_POSTGRES_USER", "postgres");
		String password = env("PLATFORM_POSTGRES_PASSWORD", "");
		if (Ports.answers(host, port) && canConnect(host, port, user, password)) {
			Console.log("PostgreSQL: using the one at " + host + ":" + port);
			return new Postgres(host, port, user, password, null);
		}
		if ("root".equals(System.getProperty("user.name"))) {
			throw new IllegalStateException("No PostgreSQL answers at " + host + ":" + port
					+ ", and PostgreSQL's own binaries refuse to run as root: start the machine's PostgreSQL,"
					+ " point PLATFORM_POSTGRES_* at one, or run ./platform as another user");
		}
		int embeddedPort = Ports.preferring(port);
		Console.log("PostgreSQL: starting embedded binaries on 127.0.0.1:" + embeddedPort);
		Files.createDirectories(layout.data("postgres"));
		EmbeddedPostgres embedded = EmbeddedPostgres.builder()
			.setPort(embeddedPort)
			.setDataDirectory(layout.data("postgres"))
			.setCleanDataDirectory(false)
			.setRegisterShutdownHook(false)
			.setPGStartupWait(Duration.ofSeconds(60))
			.setOutputRedirector(java.lang.ProcessBuilder.Redirect.appendTo(layout.log("postgres").toFile()))
			.setErrorRedirector(java.lang.ProcessBuilder.Redirect.appendTo(layout.log("postgres").toFile()))
			.start();
		return new Postgres("127.0.0.1", embeddedPort, "postgres", "", embedded);
	}

	boolean embedded() {
		return this.embedded != null;
	}

	String endpoint() {
		return this.host + ":" + this.port;
	}

	String jdbcUrl() {
		return "jdbc:postgresql://" + this.host + ":" + this.port + "/" + DATABASE;
	}

	/**
	 * Creates the database if it is missing and gives every service its role and schema.
	 */
	void provision() throws SQLException {
		try (Connection admin = connect("postgres");
				PreparedStatement exists = admin.prepareStatement("select 1 from pg_database where datname = ?")) {
			exists.setString(1, DATABASE);
			try (ResultSet rows = exists.executeQuery()) {
				if (!rows.next()) {
					try (Statement create = admin.createStatement()) {
						create.execute("create database " + DATABASE);
					}
				}
			}
		}
		try (Connection database = connect(DATABASE); Statement roles = database.createStatement()) {
			roles.execute(rolesSql());
		}
	}

	private Connection connect(String database) throws SQLException {
		return DriverManager.getConnection("jdbc:postgresql://" + this.host + ":" + this.port + "/" + database,
				credentials(this.adminUser, this.adminPassword));
	}

	private static boolean canConnect(String host, int port, String user, String password) {
		try (Connection ignored = DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/postgres",
				credentials(user, password))) {
			return true;
		}
		catch (SQLException ex) {
			Console.log("PostgreSQL at " + host + ":" + port + " refuses " + user + ": " + ex.getMessage());
			return false;
		}
	}

	private static Properties credentials(String user, String password) {
		Properties properties = new Properties();
		properties.setProperty("user", user);
		if (!password.isEmpty()) {
			properties.setProperty("password", password);
		}
		properties.setProperty("connectTimeout", "5");
		return properties;
	}

	private static String rolesSql() {
		try (InputStream sql = Objects.requireNonNull(Postgres.class.getResourceAsStream("/roles.sql"),
				"roles.sql is missing from the runner's jar")) {
			return new String(sql.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value == null || value.isBlank()) ? fallback : value;
	}

	@Override
	public void close() throws IOException {
		if (this.embedded != null) {
			this.embedded.close();
		}
	}

}
