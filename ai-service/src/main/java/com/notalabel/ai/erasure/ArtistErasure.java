package com.notalabel.ai.erasure;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.notalabel.types.events.user.UserDeleted;

/**
 * Erases everything ai-service holds about a deleted account: its facts, its threads with
 * their messages, and the record of its calls to the provider. The account's id is kept,
 * so that a late event about it records no fact again.
 */
@Component
public class ArtistErasure {

	private static final Logger log = LoggerFactory.getLogger(ArtistErasure.class);

	private final JdbcClient jdbc;

	ArtistErasure(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void on(UserDeleted event) {
		java.util.UUID owner = event.userId().value();
		this.jdbc.sql("insert into erased_artist (owner_id, erased_at) values (?, ?) on conflict do nothing")
			.params(owner, java.sql.Timestamp.from(event.deletedAt()))
			.update();
		int facts = this.jdbc.sql("delete from fact where owner_id = ?").param(owner).update();
		int threads = this.jdbc.sql("delete from thread where owner_id = ?").param(owner).update();
		int calls = this.jdbc.sql("delete from provider_call where owner_id = ?").param(owner).update();
		log.info("Erased account {}: {} facts, {} threads with their messages, {} provider call records",
				event.userId(), facts, threads, calls);
	}

}
