package com.notalabel.analytics.erasure;

import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.notalabel.analytics.rollup.UsageFacts;
import com.notalabel.types.events.user.UserDeleted;

/**
 * Erases everything analytics holds about a deleted account: its copies of the catalogue,
 * its imports with their lines, its roll-ups, plays and alerts. A store's report that
 * also held other artists' lines keeps those; the deleted artist's lines in it go.
 * Idempotent: a repeated event finds nothing left.
 */
@Component
public class AnalyticsErasure {

	private static final Logger log = LoggerFactory.getLogger(AnalyticsErasure.class);

	private static final List<String> TABLES = List.of("usage_rollup", "revenue_rollup", "play_event", "play_visitor",
			"track_alert", "release_status", "catalogue_track", "catalogue_album", "report_import");

	private final JdbcClient jdbc;

	private final UsageFacts facts;

	AnalyticsErasure(JdbcClient jdbc, UsageFacts facts) {
		this.jdbc = jdbc;
		this.facts = facts;
	}

	public void on(UserDeleted event) {
		UUID owner = event.userId().value();
		int rows = this.facts.erase(owner);
		for (String table : TABLES) {
			rows += this.jdbc.sql("delete from " + table + " where owner_id = :owner").param("owner", owner).update();
		}
		log.info("Erased the analytics of deleted account {}: {} rows", event.userId(), rows);
	}

}
