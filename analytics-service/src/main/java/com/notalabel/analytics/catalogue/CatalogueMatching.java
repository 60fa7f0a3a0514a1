package com.notalabel.analytics.catalogue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Builds the matcher for an import: an artist's upload matches only that artist's tracks
 * and albums; a store's report matches everyone's. An ISRC or UPC claimed by two artists
 * matches neither: the line is kept unmatched rather than credited to the wrong one.
 */
@Component
public class CatalogueMatching {

	private final JdbcClient jdbc;

	CatalogueMatching(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @param owner the uploading artist, or {@code null} for a store's report
	 * @return the matcher
	 */
	public Matcher matcherFor(@Nullable UUID owner) {
		String ownerFilter = (owner != null) ? " and owner_id = :owner" : "";
		Map<String, Match> byIsrc = new HashMap<>();
		Set<String> ambiguous = new HashSet<>();
		var tracks = this.jdbc
			.sql("select isrc, owner_id, track_id from catalogue_track where isrc is not null and not deleted"
					+ ownerFilter);
		if (owner != null) {
			tracks = tracks.param("owner", owner);
		}
		tracks.query((rs, n) -> {
			String isrc = Matcher.normaliseIsrc(rs.getString(1));
			Match match = new Match(rs.getObject(2, UUID.class), rs.getObject(3, UUID.class), null);
			if (byIsrc.putIfAbsent(isrc, match) != null) {
				ambiguous.add(isrc);
			}
			return isrc;
		}).list();
		ambiguous.forEach(byIsrc::remove);
		Map<String, Match> byUpc = new HashMap<>();
		Set<String> ambiguousUpc = new HashSet<>();
		var albums = this.jdbc
			.sql("select upc, owner_id, album_id from catalogue_album where upc is not null and not deleted"
					+ ownerFilter);
		if (owner != null) {
			albums = albums.param("owner", owner);
		}
		albums.query((rs, n) -> {
			String upc = Matcher.normaliseUpc(rs.getString(1));
			Match match = new Match(rs.getObject(2, UUID.class), null, rs.getObject(3, UUID.class));
			if (byUpc.putIfAbsent(upc, match) != null && !byUpc.get(upc).ownerId().equals(match.ownerId())) {
				ambiguousUpc.add(upc);
			}
			return upc;
		}).list();
		ambiguousUpc.forEach(byUpc::remove);
		return new Matcher(byIsrc, byUpc, owner);
	}

}
