package com.notalabel.ai.testing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import org.springframework.data.redis.core.StringRedisTemplate;

import com.notalabel.test.events.ProducerStream;
import com.notalabel.test.http.TestHttp;
import com.notalabel.test.security.TestKeySet;
import com.notalabel.types.event.EventCodec;
import com.notalabel.types.events.analytics.AnalyticsRolledUp;
import com.notalabel.types.events.analytics.MilestoneReached;
import com.notalabel.types.events.analytics.SpikeDetected;
import com.notalabel.types.events.music.TrackProcessed;
import com.notalabel.types.events.music.TrackProcessed.AnalysisSummary;
import com.notalabel.types.events.music.TrackUpdated;
import com.notalabel.types.events.user.UserProfileUpdated;
import com.notalabel.types.id.TrackId;
import com.notalabel.types.id.UserId;
import com.notalabel.types.redis.RedisKeys;

/**
 * Artists for the tests, signed in, and what the other services announce about them,
 * delivered through their real streams.
 */
public final class Artists {

	private final int port;

	private final ProducerStream users;

	private final ProducerStream music;

	private final ProducerStream analytics;

	public Artists(int port, StringRedisTemplate redis, EventCodec codec, RedisKeys keys) {
		this.port = port;
		this.users = new ProducerStream(redis, codec, keys, "user-service", "ai-service");
		this.music = new ProducerStream(redis, codec, keys, "music-service", "ai-service");
		this.analytics = new ProducerStream(redis, codec, keys, "analytics-service", "ai-service");
	}

	public Artist create() {
		UUID id = UUID.randomUUID();
		String token = TestKeySet.shared().accessToken(id);
		return new Artist(UserId.of(id), TestHttp.on(this.port).withDefaults((request) -> request.bearer(token)));
	}

	public ProducerStream users() {
		return this.users;
	}

	public ProducerStream music() {
		return this.music;
	}

	public ProducerStream analytics() {
		return this.analytics;
	}

	public void profile(Artist artist, String name, String bio) {
		this.users.deliver(new UserProfileUpdated(artist.id(), name, "nova", bio, List.of("synth-pop", "electronic"),
				"Lisbon", List.of(new UserProfileUpdated.ProfileLink("Bandcamp", "https://nova.bandcamp.com")), null,
				Instant.now()));
	}

	/**
	 * A track, uploaded and analysed.
	 * @return the track
	 */
	public TrackId analysedTrack(Artist artist, String title, double lufs, double truePeak) {
		TrackId track = TrackId.newId();
		this.music.deliver(trackUpdated(track, artist.id(), title, false));
		this.music.deliver(new TrackProcessed(track, artist.id(),
				new AnalysisSummary(215.4, 48000, 24, 2, lufs, truePeak, 6.8, 122.0, "A minor", true), Instant.now()));
		return track;
	}

	public void milestone(Artist artist, TrackId track, String title, long milestone, long total) {
		this.analytics.deliver(new MilestoneReached(artist.id(), track, title, milestone, total, Instant.now()));
	}

	public void spike(Artist artist, TrackId track, String title, long value, double baseline) {
		this.analytics.deliver(new SpikeDetected(artist.id(), track, title, "streams", SpikeDetected.Granularity.DAY,
				LocalDate.parse("2026-11-27"), value, baseline, Instant.now()));
	}

	/**
	 * What analytics publishes after an import: the track's numbers and the artist's
	 * countries.
	 */
	public void rolledUp(Artist artist, TrackId track, long streams, long latestMonth, long monthBefore,
			List<AnalyticsRolledUp.CountryNumbers> countries) {
		this.analytics.deliver(new AnalyticsRolledUp(artist.id(), List.of(LocalDate.parse("2026-03-31")),
				List.of(track), "import", Instant.now(), List.of(new AnalyticsRolledUp.TrackNumbers(track, streams, 0,
						YearMonth.parse("2026-03"), latestMonth, monthBefore)),
				countries));
	}

	public static TrackUpdated trackUpdated(TrackId track, UserId owner, String title, boolean deleted) {
		return new TrackUpdated(track, owner, title, null, null, false, "Electronic", "en", List.of(),
				TrackUpdated.Status.READY, "wav", 1000, "0".repeat(64), "originals/" + owner + "/" + track,
				new TrackUpdated.AudioFacts("wav", "pcm_s24le", true, false, 48000, 24, 2, 215.4, null, null), deleted,
				Instant.now());
	}

	/**
	 * @param id the user
	 * @param http a client that signs in as them
	 */
	public record Artist(UserId id, TestHttp http) {

	}

}
