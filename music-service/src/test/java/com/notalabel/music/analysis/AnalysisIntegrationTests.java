package com.notalabel.music.analysis;

import java.util.UUID;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import com.notalabel.music.processing.ProcessingQueue;
import com.notalabel.music.processing.TestCatalogue;
import com.notalabel.shared.storage.ObjectStore;
import com.notalabel.music.testing.MusicServiceIntegrationTest;
import com.notalabel.music.track.TrackRepository;
import com.notalabel.music.upload.TracksHttp;
import com.notalabel.test.http.Response;
import com.notalabel.types.id.TrackId;
import com.notalabel.types.id.UserId;

import static com.notalabel.test.http.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the analysis endpoints answer before there is an analysis, and to whom. The
 * analysis of a processed track is in {@code ProcessingIntegrationTests}.
 */
@MusicServiceIntegrationTest
class AnalysisIntegrationTests {

	private final TestCatalogue catalogue;

	private final TracksHttp http;

	private final UUID artist = UUID.randomUUID();

	AnalysisIntegrationTests(@Autowired TrackRepository tracks, @Autowired ObjectStore storage,
			@Autowired ProcessingQueue queue, @Autowired PlatformTransactionManager transactionManager,
			@Autowired JdbcClient jdbc, @Autowired Environment environment) {
		this.catalogue = new TestCatalogue(tracks, storage, queue, transactionManager, jdbc);
		this.http = new TracksHttp(environment.getRequiredProperty("local.server.port", Integer.class));
	}

	@ParameterizedTest
	@ValueSource(strings = { "analysis", "waveform" })
	void answersThatATrackInProcessingIsNotReadyYet(String resource) {
		TrackId track = this.catalogue.storeUnprocessed(new UserId(this.artist));

		Response response = get(track, resource, this.artist);

		assertProblem(response, 409, "track.not_ready");
	}

	@Nested
	class AnswersNotFound {

		@ParameterizedTest
		@ValueSource(strings = { "analysis", "waveform" })
		void forAnotherArtistsTrackExactlyAsForAMissingOne(String resource) {
			AnalysisIntegrationTests outer = AnalysisIntegrationTests.this;
			TrackId theirs = outer.catalogue.storeUnprocessed(new UserId(UUID.randomUUID()));

			Response another = outer.get(theirs, resource, outer.artist);
			Response missing = outer.get(TrackId.newId(), resource, outer.artist);

			assertProblem(another, 404, "track.not_found");
			assertProblem(missing, 404, "track.not_found");
			assertThat(another.json().path("detail")).isEqualTo(missing.json().path("detail"));
		}

	}

	@Nested
	class RefusesAWaveformResolution {

		@ParameterizedTest
		@ValueSource(strings = { "0", "-5", "201", "fine" })
		void outsideOneToTwoHundredPixelsPerSecond(String pixelsPerSecond) {
			AnalysisIntegrationTests outer = AnalysisIntegrationTests.this;
			TrackId track = outer.catalogue.storeUnprocessed(new UserId(outer.artist));

			Response response = outer.http.get(outer.artist,
					"/api/v1/tracks/" + track + "/waveform?pixelsPerSecond=" + pixelsPerSecond);

			assertProblem(response, 400, "request.invalid");
			assertThat(response.errorFields()).containsExactly("pixelsPerSecond");
		}

	}

	private Response get(TrackId track, String resource, UUID asArtist) {
		return this.http.get(asArtist, "/api/v1/tracks/" + track + "/" + resource);
	}

}
