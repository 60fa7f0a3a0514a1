package com.notalabel.music.analysis;

import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import com.notalabel.music.processing.ProcessingQueue;
import com.notalabel.music.processing.TestCatalogue;
import com.notalabel.music.processing.TestHttp;
import com.notalabel.music.storage.ObjectStorage;
import com.notalabel.music.testing.MusicServiceIntegrationTest;
import com.notalabel.music.track.TrackRepository;
import com.notalabel.types.id.TrackId;
import com.notalabel.types.id.UserId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the analysis endpoints answer before there is an analysis, and to whom. The
 * analysis of a processed track is in {@code ProcessingIntegrationTests}.
 */
@MusicServiceIntegrationTest
class AnalysisIntegrationTests {

	private final TestCatalogue catalogue;

	private final TestHttp http;

	private final JsonMapper json;

	private final UUID artist = UUID.randomUUID();

	AnalysisIntegrationTests(@Autowired TrackRepository tracks, @Autowired ObjectStorage storage,
			@Autowired ProcessingQueue queue, @Autowired PlatformTransactionManager transactionManager,
			@Autowired JdbcClient jdbc, @Autowired JsonMapper json, @Autowired Environment environment) {
		this.catalogue = new TestCatalogue(tracks, storage, queue, transactionManager, jdbc);
		this.http = new TestHttp(environment.getRequiredProperty("local.server.port", Integer.class));
		this.json = json;
	}

	@ParameterizedTest
	@ValueSource(strings = { "analysis", "waveform" })
	void answersThatATrackInProcessingIsNotReadyYet(String resource) {
		TrackId track = this.catalogue.storeUnprocessed(new UserId(this.artist));

		HttpResponse<String> response = get(track, resource, this.artist);

		assertThat(response.statusCode()).isEqualTo(409);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(problemCode(response)).isEqualTo("track.not_ready");
	}

	@Nested
	class AnswersNotFound {

		@ParameterizedTest
		@ValueSource(strings = { "analysis", "waveform" })
		void forAnotherArtistsTrackExactlyAsForAMissingOne(String resource) {
			AnalysisIntegrationTests outer = AnalysisIntegrationTests.this;
			TrackId theirs = outer.catalogue.storeUnprocessed(new UserId(UUID.randomUUID()));

			HttpResponse<String> another = outer.get(theirs, resource, outer.artist);
			HttpResponse<String> missing = outer.get(TrackId.newId(), resource, outer.artist);

			assertThat(another.statusCode()).isEqualTo(404);
			assertThat(outer.problemCode(another)).isEqualTo("track.not_found");
			assertThat(outer.problem(another).path("detail")).isEqualTo(outer.problem(missing).path("detail"));
			assertThat(missing.statusCode()).isEqualTo(404);
		}

	}

	@Nested
	class RefusesAWaveformResolution {

		@ParameterizedTest
		@ValueSource(strings = { "0", "-5", "201", "fine" })
		void outsideOneToTwoHundredPixelsPerSecond(String pixelsPerSecond) {
			AnalysisIntegrationTests outer = AnalysisIntegrationTests.this;
			TrackId track = outer.catalogue.storeUnprocessed(new UserId(outer.artist));

			HttpResponse<String> response = outer.http
				.get("/api/v1/tracks/" + track + "/waveform?pixelsPerSecond=" + pixelsPerSecond, outer.artist);

			assertThat(response.statusCode()).isEqualTo(400);
			assertThat(outer.problemCode(response)).isEqualTo("request.invalid");
			assertThat(outer.problem(response).path("errors").get(0).path("field").asString())
				.isEqualTo("pixelsPerSecond");
		}

	}

	private HttpResponse<String> get(TrackId track, String resource, UUID asArtist) {
		return this.http.get("/api/v1/tracks/" + track + "/" + resource, asArtist);
	}

	private JsonNode problem(HttpResponse<String> response) {
		return this.json.readTree(response.body());
	}

	private String problemCode(HttpResponse<String> response) {
		return problem(response).path("code").asString();
	}

}
