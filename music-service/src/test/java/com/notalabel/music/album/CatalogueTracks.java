package com.notalabel.music.album;

import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.notalabel.music.storage.ObjectKeys;
import com.notalabel.music.track.Track;
import com.notalabel.music.track.TrackRepository;
import com.notalabel.types.id.TrackId;
import com.notalabel.types.id.UserId;

/**
 * Puts tracks into an artist's catalogue directly, as an upload would leave them.
 */
public final class CatalogueTracks {

	private final TrackRepository tracks;

	public CatalogueTracks(TrackRepository tracks) {
		this.tracks = tracks;
	}

	public UUID add(UUID artist, String title) {
		return add(artist, title, true);
	}

	public UUID add(UUID artist, String title, boolean processed) {
		TrackId id = TrackId.newId();
		UserId owner = new UserId(artist);
		byte[] digest = new byte[32];
		ThreadLocalRandom.current().nextBytes(digest);
		Instant now = Instant.now();
		Track track = new Track(id, owner, title, "wav", 1_000_000, HexFormat.of().formatHex(digest),
				ObjectKeys.original(owner, id), "{}", now);
		if (processed) {
			track.processed(ObjectKeys.rendition(owner, id, "m4a"), now);
		}
		this.tracks.save(track);
		return id.value();
	}

}
