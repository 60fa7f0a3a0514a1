package com.notalabel.payment.testing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.notalabel.test.events.ProducerStream;
import com.notalabel.test.http.TestHttp;
import com.notalabel.test.security.TestKeySet;
import com.notalabel.types.events.music.TrackUpdated;
import com.notalabel.types.id.TrackId;
import com.notalabel.types.id.UserId;

/**
 * Artists of the tests: each a user of their own with a token, and tracks that
 * music-service announced.
 */
public final class Artists {

	private final int port;

	private final ProducerStream music;

	public Artists(int port, ProducerStream music) {
		this.port = port;
		this.music = music;
	}

	public Artist create() {
		UUID id = UUID.randomUUID();
		String token = TestKeySet.shared().accessToken(id);
		return new Artist(UserId.of(id), TestHttp.on(this.port).withDefaults((request) -> request.bearer(token)));
	}

	/**
	 * A track of an artist, as music-service announces it; returns once payment-service
	 * has taken it in.
	 * @param owner the owner
	 * @param title its title
	 * @return the track
	 */
	public TrackId track(Artist owner, String title) {
		TrackId track = TrackId.newId();
		this.music.deliver(trackUpdated(track, owner.id(), title, false));
		return track;
	}

	public static TrackUpdated trackUpdated(TrackId track, UserId owner, String title, boolean deleted) {
		return new TrackUpdated(track, owner, title, null, null, false, null, null, List.of(),
				TrackUpdated.Status.READY, "wav", 1000, "0".repeat(64), "originals/" + owner + "/" + track, null,
				deleted, Instant.now());
	}

	/**
	 * @param id the user
	 * @param http a client that signs in as them
	 */
	public record Artist(UserId id, TestHttp http) {

	}

}
