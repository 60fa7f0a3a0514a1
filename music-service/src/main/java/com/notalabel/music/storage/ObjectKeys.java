package com.notalabel.music.storage;

import com.notalabel.types.id.AlbumId;
import com.notalabel.types.id.TrackId;
import com.notalabel.types.id.UserId;

/**
 * The bucket's layout (ARCHITECTURE.md §6). Keys are made here from ids only, never from
 * anything a client sent, and everything of one artist shares a prefix per kind so that
 * erasure can list it.
 */
public final class ObjectKeys {

	private ObjectKeys() {
	}

	public static String original(UserId owner, TrackId track) {
		return "originals/" + owner + "/" + track;
	}

	public static String rendition(UserId owner, TrackId track, String extension) {
		return "renditions/" + owner + "/" + track + "." + extension;
	}

	public static String artwork(UserId owner, AlbumId album, String variant) {
		return "artwork/" + owner + "/" + album + "/" + variant;
	}

	public static String artworkPrefix(UserId owner, AlbumId album) {
		return "artwork/" + owner + "/" + album + "/";
	}

	/**
	 * Every prefix under which an artist's objects live.
	 * @param owner the artist
	 * @return the prefixes, each ending in {@code /}
	 */
	public static java.util.List<String> ownerPrefixes(UserId owner) {
		return java.util.List.of("originals/" + owner + "/", "renditions/" + owner + "/", "artwork/" + owner + "/");
	}

}
