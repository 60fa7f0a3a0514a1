package com.notalabel.music.album;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.notalabel.music.album.Readiness.Warning;
import com.notalabel.music.track.Track;
import com.notalabel.types.catalog.Upc;
import com.notalabel.types.id.TrackId;
import com.notalabel.types.id.UserId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ReadinessTests {

	private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

	private static final UserId ARTIST = new UserId(UUID.randomUUID());

	private static final Upc UPC = Upc.parse("036000291452");

	private static final LocalDate RELEASE_DATE = LocalDate.of(2026, 6, 5);

	private static AlbumDetails details(@Nullable Upc upc, @Nullable LocalDate releaseDate) {
		return new AlbumDetails("Night Drive", AlbumType.EP, upc, releaseDate, null, null, null, null);
	}

	private static AlbumArtwork cover(int width, int height) {
		return new AlbumArtwork(UUID.randomUUID(), width, height, "image/jpeg", NOW);
	}

	private static Track processing() {
		TrackId id = TrackId.newId();
		return new Track(id, ARTIST, "A track", "wav", 1024, "0".repeat(64), "originals/" + ARTIST + "/" + id, "{}",
				NOW);
	}

	private static Track ready() {
		Track track = processing();
		track.processed("renditions/" + track.id() + ".m4a", NOW);
		return track;
	}

	private static Track failed() {
		Track track = processing();
		track.failed("The file is not audio.", NOW);
		return track;
	}

	private static List<String> codes(List<Warning> warnings) {
		return warnings.stream().map(Warning::code).toList();
	}

	@Test
	void anAlbumWithEverythingAStoreAsksForHasNoWarning() {
		List<Warning> warnings = Readiness.of(details(UPC, RELEASE_DATE), cover(3000, 3000), List.of(ready(), ready()));

		assertThat(warnings).isEmpty();
	}

	@Test
	void aNewAlbumNamesEverythingStillMissingInTheOrderAnArtistWorksThroughIt() {
		List<Warning> warnings = Readiness.of(details(null, null), null, List.of());

		assertThat(warnings).containsExactly(new Warning("tracks.missing", "Add the tracks of this release."),
				new Warning("artwork.missing",
						"Add cover artwork: a square JPEG or PNG of 3000 × 3000 pixels or more."),
				new Warning("upc.missing", "Add a UPC: stores list a release by its barcode."),
				new Warning("release_date.missing", "Choose a release date."));
	}

	@Test
	void theWarningsCannotBeChangedByTheirReader() {
		List<Warning> warnings = Readiness.of(details(null, null), null, List.of());

		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(warnings::clear);
	}

	@Nested
	class TheTracks {

		@Test
		void oneTrackStillProcessingIsNamedInTheSingular() {
			List<Warning> warnings = Readiness.of(details(UPC, RELEASE_DATE), cover(3000, 3000),
					List.of(ready(), processing()));

			assertThat(warnings)
				.containsExactly(new Warning("tracks.not_ready", "1 track is still processing or failed."));
		}

		@Test
		void failedTracksCountAsNotReadyWithThoseStillProcessing() {
			List<Warning> warnings = Readiness.of(details(UPC, RELEASE_DATE), cover(3000, 3000),
					List.of(failed(), processing(), ready()));

			assertThat(warnings)
				.containsExactly(new Warning("tracks.not_ready", "2 tracks are still processing or failed."));
		}

		@Test
		void anAlbumWithoutTracksIsNotAlsoWarnedOfUnreadyOnes() {
			assertThat(codes(Readiness.of(details(UPC, RELEASE_DATE), cover(3000, 3000), List.of())))
				.containsExactly("tracks.missing");
		}

	}

	@Nested
	class TheCover {

		@ParameterizedTest
		@CsvSource({ "3000, 3000", "6000, 6000", "3000, 4000" })
		void atLeastTheStoresSizeOnBothSidesIsEnough(int width, int height) {
			assertThat(Readiness.of(details(UPC, RELEASE_DATE), cover(width, height), List.of(ready()))).isEmpty();
		}

		@ParameterizedTest
		@CsvSource({ "2999, 2999", "2999, 3000", "3000, 2999", "600, 600" })
		void belowTheStoresSizeOnEitherSideIsWarnedWithItsSize(int width, int height) {
			List<Warning> warnings = Readiness.of(details(UPC, RELEASE_DATE), cover(width, height), List.of(ready()));

			assertThat(warnings).containsExactly(new Warning("artwork.below_3000",
					"The cover is " + width + " × " + height + " pixels; stores ask for at least 3000 × 3000."));
		}

	}

	@Nested
	class TheReleaseFacts {

		@Test
		void aMissingUpcAloneIsWarned() {
			assertThat(codes(Readiness.of(details(null, RELEASE_DATE), cover(3000, 3000), List.of(ready()))))
				.containsExactly("upc.missing");
		}

		@Test
		void anEan13CountsAsABarcode() {
			assertThat(Readiness.of(details(Upc.parse("4006381333931"), RELEASE_DATE), cover(3000, 3000),
					List.of(ready())))
				.isEmpty();
		}

		@Test
		void aMissingReleaseDateAloneIsWarned() {
			assertThat(codes(Readiness.of(details(UPC, null), cover(3000, 3000), List.of(ready()))))
				.containsExactly("release_date.missing");
		}

		@Test
		void aReleaseDateInThePastIsNoWarning() {
			assertThat(Readiness.of(details(UPC, LocalDate.of(1999, 1, 1)), cover(3000, 3000), List.of(ready())))
				.isEmpty();
		}

	}

}
