package com.notalabel.test.infra;

/**
 * A PostgreSQL database that belongs to this test run only.
 *
 * @param jdbcUrl the URL of the run's database
 * @param username the user that owns it
 * @param password that user's password, empty when the server trusts local connections
 */
public record PostgresServer(String jdbcUrl, String username, String password) {

	@Override
	public String toString() {
		return "PostgresServer[" + this.jdbcUrl + " as " + this.username + "]";
	}

}
