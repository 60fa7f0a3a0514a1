package com.notalabel.shared.testapp;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.notalabel.types.events.user.UserRegistered;

/**
 * The test application's event handler: a plain {@code on(Event)} method.
 */
public class RegistrationLog {

	private final JdbcClient jdbc;

	RegistrationLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void on(UserRegistered event) {
		this.jdbc.sql("insert into registration_log (user_id, email) values (?, ?)")
			.params(event.userId().value(), event.email())
			.update();
	}

	public long count(String email) {
		return this.jdbc.sql("select count(*) from registration_log where email = ?")
			.param(email)
			.query(Long.class)
			.single();
	}

}
