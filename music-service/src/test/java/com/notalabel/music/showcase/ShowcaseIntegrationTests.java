package com.notalabel.music.showcase;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.notalabel.music.album.AlbumsClient;
import com.notalabel.music.album.CatalogueTracks;
import com.notalabel.music.testing.MusicServiceIntegrationTest;
import com.notalabel.music.track.TrackRepository;
import com.notalabel.test.http.Response;

import static org.assertj.core.api.Assertions.assertThat;

@MusicServiceIntegrationTest
class ShowcaseIntegrationTests {

	private final AlbumsClient http;

	private final CatalogueTracks catalogue;

	private final UUID artist = UUID.randomUUID();

	ShowcaseIntegrationTests(@LocalServerPort int port, @Autowired TrackRepository tracks) {
		this.http = new AlbumsClient(port);
		this.catalogue = new CatalogueTracks(tracks);
	}

	@Test
	void showsTheListedTracksToAnyoneInTheArtistsOrderAndNothingElse() {
		UUID single = this.catalogue.add(this.artist, "Night Drive");
		UUID demo = this.catalogue.add(this.artist, "Demo");
		UUID intro = this.catalogue.add(this.artist, "Intro");

		Response replaced = replace(this.artist, List.of(intro, single));

		assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
		Response shown = this.http.request(null, "GET", "/api/v1/showcase/" + this.artist).send();
		assertThat(shown.status()).as(shown.body()).isEqualTo(200);
		assertThat(shown.header("Cache-Control")).contains("public");
		assertThat(shown.json().path("tracks").findValuesAsString("title")).containsExactly("Intro", "Night Drive");
		assertThat(shown.json().path("tracks").get(1).path("stream").asString())
			.isEqualTo("/api/v1/showcase/" + this.artist + "/" + single + "/stream");
		assertThat(this.http.get(this.artist, "/api/v1/showcase").json()).isEqualTo(shown.json());

		Response stream = this.http.request(null, "GET", "/api/v1/showcase/" + this.artist + "/" + single + "/stream")
			.send();
		assertThat(stream.status()).as(stream.body()).isEqualTo(302);
		assertThat(stream.header("Location")).contains(".m4a");
		// A track the artist keeps private is as unknown to the public as one that does not exist.
		Response hidden = this.http.request(null, "GET", "/api/v1/showcase/" + this.artist + "/" + demo + "/stream")
			.send();
		assertThat(hidden.status()).as(hidden.body()).isEqualTo(404);
		assertThat(hidden.json().path("code").asString()).isEqualTo("showcase.track_not_found");
	}

	@Test
	void refusesTracksThatCannotBeShownAndChangesNothing() {
		UUID shown = this.catalogue.add(this.artist, "Shown");
		replace(this.artist, List.of(shown));
		UUID processing = this.catalogue.add(this.artist, "Still processing", false);
		UUID anothers = this.catalogue.add(UUID.randomUUID(), "Another artist's");

		Response refused = replace(this.artist, List.of(shown, processing, anothers, shown));

		assertThat(refused.status()).as(refused.body()).isEqualTo(400);
		assertThat(refused.json().path("errors").findValuesAsString("field")).containsExactly("trackIds[1]",
				"trackIds[2]", "trackIds[3]");
		assertThat(refused.json().path("errors").findValuesAsString("message")).containsExactly(
				"is still being processed: it can be shown once it plays", "is not a track in your catalogue",
				"is listed twice");
		assertThat(this.http.get(this.artist, "/api/v1/showcase").json().path("tracks").findValuesAsString("title"))
			.containsExactly("Shown");
		assertThat(
				this.http.request(null, "PUT", "/api/v1/showcase").json(Map.of("trackIds", List.of())).send().status())
			.isEqualTo(401);
		Response notAnArtist = this.http.request(null, "GET", "/api/v1/showcase/not-an-id").send();
		assertThat(notAnArtist.status()).isEqualTo(400);
		assertThat(notAnArtist.contentType()).startsWith("application/problem+json");
		Response notAList = this.http.json(this.artist, "PUT", "/api/v1/showcase", Map.of("trackIds", "all"));
		assertThat(notAList.status()).as(notAList.body()).isEqualTo(400);
		assertThat(notAList.contentType()).startsWith("application/problem+json");
		assertThat(notAList.body()).doesNotContain("Exception", "java.");
	}

	@Test
	void aDeletedTrackLeavesTheShowcase() {
		UUID kept = this.catalogue.add(this.artist, "Kept");
		UUID deleted = this.catalogue.add(this.artist, "Deleted");
		replace(this.artist, List.of(deleted, kept));

		Response deletion = this.http.delete(this.artist, "/api/v1/tracks/" + deleted);

		assertThat(deletion.status()).as(deletion.body()).isEqualTo(204);
		assertThat(this.http.request(null, "GET", "/api/v1/showcase/" + this.artist)
			.send()
			.json()
			.path("tracks")
			.findValuesAsString("title")).containsExactly("Kept");
	}

	private Response replace(UUID owner, List<UUID> tracks) {
		return this.http.json(owner, "PUT", "/api/v1/showcase", Map.of("trackIds", Arrays.asList(tracks.toArray())));
	}

}
