package com.notalabel.audio.inspection;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What a file's own tags say, whatever the tag format: only what pre-fills a track's
 * metadata or helps the artist compare. Every text is cleaned of control characters and
 * at most {@value TagLimits#MAX_VALUE_CHARS} characters long.
 *
 * @param title the title
 * @param artist the (main) artist
 * @param album the album
 * @param isrc the ISRC as written in the tag, not validated
 * @param year the year of the recording or release
 * @param genre the genre, ID3v1 genre numbers resolved to names
 * @param trackNumber the position on its album
 * @param picture whether a picture (cover art) is embedded
 */
public record Tags(@Nullable String title, @Nullable String artist, @Nullable String album, @Nullable String isrc,
		@Nullable Integer year, @Nullable String genre, @Nullable Integer trackNumber, boolean picture) {

	public static final Tags NONE = new Tags(null, null, null, null, null, null, null, false);

	/**
	 * The tags as a JSON object's members, without the absent ones.
	 * @return the members, in a stable order
	 */
	public Map<String, Object> asMap() {
		Map<String, Object> map = new LinkedHashMap<>();
		put(map, "title", this.title);
		put(map, "artist", this.artist);
		put(map, "album", this.album);
		put(map, "isrc", this.isrc);
		put(map, "year", this.year);
		put(map, "genre", this.genre);
		put(map, "trackNumber", this.trackNumber);
		map.put("picture", this.picture);
		return map;
	}

	private static void put(Map<String, Object> map, String name, @Nullable Object value) {
		if (value != null) {
			map.put(name, value);
		}
	}

}
