package com.notalabel.notification.erasure;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.notalabel.types.events.user.UserDeleted;

/**
 * Erases a deleted account's notifications, preferences, deliveries, push subscriptions,
 * mail records and address, in the event's transaction.
 */
@Service
public class PersonErasure {

	private static final Logger log = LoggerFactory.getLogger(PersonErasure.class);

	// Every table of the schema that names a person; a new one is added here.
	private static final List<String> STATEMENTS = List.of("delete from notification where user_id = ?",
			"delete from preference where user_id = ?", "delete from delivery where user_id = ?",
			"delete from push_subscription where user_id = ?", "delete from sent_mail where recipient_id = ?",
			"delete from unsubscribe_token where user_id = ?", "delete from digest_item where user_id = ?",
			"delete from digest where user_id = ?", "delete from recipient where user_id = ?");

	private final JdbcClient jdbc;

	PersonErasure(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void on(UserDeleted event) {
		int rows = 0;
		for (String statement : STATEMENTS) {
			rows += this.jdbc.sql(statement).param(event.userId().value()).update();
		}
		log.info("Erased {} rows of deleted user {}", rows, event.userId());
	}

}
