package com.notalabel.analytics.catalogue;

import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.notalabel.analytics.rollup.Rollups;
import com.notalabel.types.id.TrackId;
import com.notalabel.types.id.UserId;

/**
 * Credits lines kept unmatched to a track that gets their ISRC later: the artist's own
 * uploaded lines, and store lines that matched nobody. Their numbers join the roll-ups
 * then, in the transaction that records the track's new state.
 */
@Component
class LateMatching {

	private static final String COLUMNS = "owner_id, usage_date, track_id, store, country, city, units, currency,"
			+ " revenue_micros";

	private final JdbcClient jdbc;

	private final Rollups rollups;

	LateMatching(JdbcClient jdbc, Rollups rollups) {
		this.jdbc = jdbc;
		this.rollups = rollups;
	}

	void match(UserId owner, TrackId track, String isrc) {
		Map<String, Object> params = Map.of("owner", owner.value(), "track", track.value(), "isrc",
				Matcher.normaliseIsrc(isrc));
		// The artist's own lines already count for them everywhere but in the track's numbers.
		if (move("f.owner_id = :owner", params) > 0) {
			this.rollups.foldTracks("select " + COLUMNS + " from late_match", Map.of());
		}
		// A store's line whose ISRC another artist also claims stays unmatched, as on import.
		Long claimed = this.jdbc
			.sql("select count(*) from catalogue_track where isrc = :isrc and not deleted" + " and track_id <> :track")
			.params(params)
			.query(Long.class)
			.single();
		if (claimed == 0 && move("f.owner_id is null", params) > 0) {
			this.rollups.fold("select " + COLUMNS + " from late_match", Map.of());
		}
	}

	private int move(String whose, Map<String, Object> params) {
		this.jdbc.sql("drop table if exists late_match").update();
		this.jdbc
			.sql("create temp table late_match (owner_id uuid, usage_date date, track_id uuid, store text,"
					+ " country text, city text, units bigint, currency text, revenue_micros bigint) on commit drop")
			.update();
		return this.jdbc
			.sql("with moved as (update usage_fact f set track_id = :track, owner_id = :owner"
					+ " where f.isrc = :isrc and f.track_id is null and " + whose + " returning " + COLUMNS
					+ ") insert into late_match select * from moved")
			.params(params)
			.update();
	}

}
