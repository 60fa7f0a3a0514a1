package com.notalabel.analytics.catalogue;

import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Matches report lines against the catalogue as it stood when the import began: by ISRC
 * to a track, otherwise by UPC to an album. Held in memory for one import (a few hundred
 * bytes per track), so that a million lines cost no query each.
 */
public final class Matcher {

	private final Map<String, Match> byIsrc;

	private final Map<String, Match> byUpc;

	private final @Nullable UUID scopeOwner;

	Matcher(Map<String, Match> byIsrc, Map<String, Match> byUpc, @Nullable UUID scopeOwner) {
		this.byIsrc = byIsrc;
		this.byUpc = byUpc;
		this.scopeOwner = scopeOwner;
	}

	/**
	 * @param isrc the line's ISRC, or {@code null}
	 * @param upc the line's UPC, or {@code null}
	 * @return the match, or {@code null} if the line matches nothing
	 */
	public @Nullable Match match(@Nullable String isrc, @Nullable String upc) {
		Match byUpc = (upc != null) ? this.byUpc.get(normaliseUpc(upc)) : null;
		if (isrc != null) {
			Match track = this.byIsrc.get(normaliseIsrc(isrc));
			if (track != null) {
				return (byUpc != null && byUpc.ownerId().equals(track.ownerId()))
						? new Match(track.ownerId(), track.trackId(), byUpc.albumId()) : track;
			}
		}
		return byUpc;
	}

	/**
	 * @return the artist whose upload this is, whose every line belongs to them matched
	 * or not; {@code null} for a store's report
	 */
	public @Nullable UUID scopeOwner() {
		return this.scopeOwner;
	}

	/**
	 * @param isrc an ISRC as reports write it, with or without hyphens
	 * @return its twelve characters, upper case
	 */
	public static String normaliseIsrc(String isrc) {
		if (isrc.length() == 12 && isNormal(isrc)) {
			return isrc;
		}
		return isrc.replace("-", "").strip().toUpperCase(java.util.Locale.ROOT);
	}

	private static boolean isNormal(String isrc) {
		for (int i = 0; i < isrc.length(); i++) {
			char c = isrc.charAt(i);
			if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
				return false;
			}
		}
		return true;
	}

	/** UPC-A and its EAN-13 form (a leading zero) are the same barcode. */
	static String normaliseUpc(String upc) {
		String digits = upc.strip();
		return (digits.length() == 13 && digits.charAt(0) == '0') ? digits.substring(1) : digits;
	}

}
