package com.notalabel.music.album;

import com.notalabel.types.events.music.AlbumUpdated;

/**
 * The release format, as stores classify it.
 */
public enum AlbumType {

	SINGLE, EP, ALBUM;

	AlbumUpdated.AlbumType toEvent() {
		return AlbumUpdated.AlbumType.valueOf(name());
	}

}
