package com.notalabel.analytics.catalogue;

import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.notalabel.analytics.rollup.Rollups;
import com.notalabel.analytics.rollup.UsageFacts;
import com.notalabel.types.id.TrackId;
import com.notalabel.types.id.UserId;

/**
 * Credits lines kept unmatched to a track that gets their ISRC later: the artist's own
 * uploaded lines, and store lines that matched nobody. Their numbers join the roll-ups
 * then, in the transaction that records the track's new state.
 */
@Component
class LateMatching {

	private final JdbcClient jdbc;

	private final Rollups rollups;

	private final UsageFacts facts;

	LateMatching(JdbcClient jdbc, Rollups rollups, UsageFacts facts) {
		this.jdbc = jdbc;
		this.rollups = rollups;
		this.facts = facts;
	}

	void match(UserId owner, TrackId track, String isrc) {
		String normalised = Matcher.normaliseIsrc(isrc);
		// The artist's own lines already count for them everywhere but in the track's numbers.
		if (this.facts.credit(owner.value(), track.value(), normalised, true) > 0) {
			this.rollups.foldTracks("select * from credited_lines", Map.of());
		}
		// A store's line whose ISRC another artist also claims stays unmatched, as on import.
		Long claimed = this.jdbc
			.sql("select count(*) from catalogue_track where isrc = :isrc and not deleted" + " and track_id <> :track")
			.param("isrc", normalised)
			.param("track", track.value())
			.query(Long.class)
			.single();
		if (claimed == 0 && this.facts.credit(owner.value(), track.value(), normalised, false) > 0) {
			this.rollups.fold("select * from credited_lines", Map.of());
		}
	}

}
