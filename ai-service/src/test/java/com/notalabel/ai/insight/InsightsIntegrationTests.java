package com.notalabel.ai.insight;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;

import com.notalabel.ai.testing.AiServiceIntegrationTest;
import com.notalabel.ai.testing.Artists;
import com.notalabel.ai.testing.Artists.Artist;
import com.notalabel.test.http.Response;
import com.notalabel.types.event.EventCodec;
import com.notalabel.types.id.TrackId;
import com.notalabel.types.redis.RedisKeys;

import static com.notalabel.test.http.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

@AiServiceIntegrationTest
class InsightsIntegrationTests {

	private final Artists artists;

	@Autowired
	InsightsIntegrationTests(@LocalServerPort int port, StringRedisTemplate redis, EventCodec codec, RedisKeys keys) {
		this.artists = new Artists(port, redis, codec, keys);
	}

	@Test
	void namesTheGainSpotifyAppliesToTheTestTone() {
		Artist nova = this.artists.create();
		TrackId tone = this.artists.analysedTrack(nova, "Test tone", -23.0, -20.0);

		Response response = nova.http().get("/api/v1/ai/tracks/" + tone + "/insights").send();

		assertThat(response.status()).isEqualTo(200);
		JsonNode spotify = response.json().path("stores").get(0);
		assertThat(spotify.path("store").asString()).isEqualTo("spotify");
		assertThat(spotify.path("gainDb").asDouble()).isEqualTo(9.0);
		assertThat(spotify.path("truePeakAfterGainDbtp").asDouble()).isEqualTo(-11.0);
		assertThat(spotify.path("clips").asBoolean()).isFalse();
		assertThat(spotify.path("message").asString()).isEqualTo("Spotify will turn this up 9 dB.");
		assertThat(response.json().path("tempo").asString()).startsWith("122 BPM");
		assertThat(response.json().path("factIds").toString()).contains("track:" + tone + ":integrated_lufs");
	}

	@Test
	void answersAnotherArtistsTrackAsNotFound() {
		Artist nova = this.artists.create();
		TrackId theirs = this.artists.analysedTrack(this.artists.create(), "Theirs", -14.0, -1.5);

		assertProblem(nova.http().get("/api/v1/ai/tracks/" + theirs + "/insights").send(), 404, "ai.track_not_found");
	}

}
