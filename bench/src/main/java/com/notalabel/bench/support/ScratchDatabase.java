package com.notalabel.bench.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A database of its own for the service a benchmark starts, created on a PostgreSQL
 * server and dropped on {@link #close()}. The server comes from {@code BENCH_POSTGRES}
 * (default {@code jdbc:postgresql://127.0.0.1:5432/postgres}),
 * {@code BENCH_POSTGRES_USER} and {@code BENCH_POSTGRES_PASSWORD} (default
 * {@code postgres}): a role that may create databases.
 */
public final class ScratchDatabase implements AutoCloseable {

	private final String serverUrl;

	private final String user;

	private final String password;

	private final String name;

	private ScratchDatabase(String serverUrl, String user, String password, String name) {
		this.serverUrl = serverUrl;
		this.user = user;
		this.password = password;
		this.name = name;
	}

	/**
	 * @param prefix the name's start, e.g. {@code nal_bench_login}
	 * @return the new, empty database
	 */
	public static ScratchDatabase create(String prefix) throws SQLException {
		ScratchDatabase database = new ScratchDatabase(
				Settings.text("BENCH_POSTGRES", "jdbc:postgresql://127.0.0.1:5432/postgres"),
				Settings.text("BENCH_POSTGRES_USER", "postgres"), Settings.text("BENCH_POSTGRES_PASSWORD", "postgres"),
				prefix + "_" + Long.toHexString(System.nanoTime()));
		database.execute("create database " + database.name);
		return database;
	}

	public String name() {
		return this.name;
	}

	/**
	 * @return the JDBC URL of this database on the same server
	 */
	public String url() {
		return this.serverUrl.substring(0, this.serverUrl.lastIndexOf('/') + 1) + this.name;
	}

	public String user() {
		return this.user;
	}

	public String password() {
		return this.password;
	}

	/**
	 * @return a connection to this database; close it
	 */
	public Connection connect() throws SQLException {
		return DriverManager.getConnection(url(), this.user, this.password);
	}

	/**
	 * Drops the database, with the connections a service still holds.
	 */
	@Override
	public void close() throws SQLException {
		execute("drop database if exists " + this.name + " with (force)");
	}

	private void execute(String statement) throws SQLException {
		try (Connection connection = DriverManager.getConnection(this.serverUrl, this.user, this.password);
				Statement sql = connection.createStatement()) {
			sql.execute(statement);
		}
	}

}
