package com.notalabel.distribution.release;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import com.notalabel.distribution.platform.DistributionProperties.Platform;
import com.notalabel.distribution.platform.DistributionProperties.Rules;
import com.notalabel.distribution.platform.DistributionProperties.Sftp;
import com.notalabel.distribution.release.ReadinessReport.PlatformReadiness;
import com.notalabel.distribution.release.ReadinessReport.RuleResult;
import com.notalabel.distribution.storage.ArtworkFacts;
import com.notalabel.distribution.testing.Snapshots;
import com.notalabel.types.events.music.TrackUpdated.AudioFacts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each rule on its own: a release that passes everything, then one fault at a time, which
 * fails exactly that rule with a sentence naming the fault and the fix.
 */
class ReadinessRulesTests {

	static final Platform STORE = new Platform("reference-a", "Reference Store A", "PADPIDA0000000001A", 7,
			new Sftp("127.0.0.1", 2221, "delivery", "", null, "", "", "/"),
			new Rules(List.of("wav", "flac"), 44_100, List.of(16, 24), 2, -1.0, 3000, true, false));

	@Test
	void passesAReleaseThatMeetsEveryRule() {
		PlatformReadiness readiness = ReadinessRules.check(STORE, Snapshots.release(3), Snapshots.TODAY);

		assertThat(readiness.rules()).allSatisfy((rule) -> assertThat(rule.passed()).as(rule.message()).isTrue());
		assertThat(readiness.ready()).isTrue();
		assertThat(readiness.rules()).extracting(RuleResult::rule)
			.contains("release.tracks", "release.upc", "release.artist", "release.genre", "release.date",
					"release.artwork", "track.processed", "track.format", "track.sample_rate", "track.bit_depth",
					"track.channels", "track.true_peak", "track.isrc");
	}

	@Nested
	class FailsOneRuleAtATime {

		@Test
		void anEmptyAlbum() {
			assertFailsOnly(Snapshots.release(0), "release.tracks", "no tracks");
		}

		@Test
		void aMissingUpc() {
			assertFailsOnly(withRelease((r) -> copy(r, null, r.releaseDate(), r.artwork())), "release.upc", "no UPC");
		}

		@Test
		void aUpcWithABadCheckDigit() {
			assertFailsOnly(withRelease((r) -> copy(r, "036000291453", r.releaseDate(), r.artwork())), "release.upc",
					"check digit");
		}

		@Test
		void aReleaseDateInsideTheLeadTime() {
			assertFailsOnly(withRelease((r) -> copy(r, r.upc(), Snapshots.TODAY.plusDays(6), r.artwork())),
					"release.date", "lead time of 7 days: choose 8 March 2026 or later");
		}

		@Test
		void noCover() {
			assertFailsOnly(withRelease((r) -> copy(r, r.upc(), r.releaseDate(), null)), "release.artwork", "no cover");
		}

		@Test
		void aCoverTooSmall() {
			assertFailsOnly(withArtwork(new ArtworkFacts("k", 1400, 1400, "RGB", "image/jpeg", 1)), "release.artwork",
					"1400 x 1400 pixels, smaller than the 3000 x 3000");
		}

		@Test
		void aCoverNotSquare() {
			assertFailsOnly(withArtwork(new ArtworkFacts("k", 3000, 2000, "RGB", "image/jpeg", 1)), "release.artwork",
					"square");
		}

		@Test
		void aCoverInCmyk() {
			assertFailsOnly(withArtwork(new ArtworkFacts("k", 3000, 3000, "CMYK", "image/jpeg", 1)), "release.artwork",
					"CMYK");
		}

		@Test
		void aTrackStillProcessing() {
			assertFailsOnly(withTrack((t) -> track(t, "PROCESSING", null, t.isrc())), "track.processed",
					"still being processed");
		}

		@Test
		void aTruePeakAboveMinusOneDbtp() {
			assertFailsOnly(withAudio(new AudioFacts("wav", "pcm_s24le", true, false, 48_000, 24, 2, 100, -0.3, -9.0)),
					"track.true_peak", "\u22120.3 dBTP, above the store's \u22121.0 dBTP");
		}

		@Test
		void aBitDepthTheStoreDoesNotTake() {
			assertFailsOnly(withAudio(new AudioFacts("flac", "flac", true, false, 48_000, 8, 2, 100, -2.0, -14.0)),
					"track.bit_depth", "8-bit");
		}

		@Test
		void aSampleRateBelowFortyFourPointOneKilohertz() {
			assertFailsOnly(withAudio(new AudioFacts("wav", "pcm_s16le", true, false, 32_000, 16, 2, 100, -2.0, -14.0)),
					"track.sample_rate", "32 kHz");
		}

		@Test
		void aMonoTrack() {
			assertFailsOnly(withAudio(new AudioFacts("wav", "pcm_s16le", true, false, 44_100, 16, 1, 100, -2.0, -14.0)),
					"track.channels", "mono");
		}

		@Test
		void aFloatingPointWavThatIsNotFormatCodeOne() {
			assertFailsOnly(withAudio(new AudioFacts("wav", "pcm_f32le", true, true, 48_000, 24, 2, 100, -2.0, -14.0)),
					"track.format", "format code 1");
		}

		@Test
		void aLossyOriginal() {
			List<RuleResult> failed = failures(
					withAudio(new AudioFacts("mp3", "mp3", false, false, 44_100, null, 2, 100, -2.0, -14.0)));
			assertThat(failed).extracting(RuleResult::rule)
				.containsExactlyInAnyOrder("track.format", "track.bit_depth");
			assertThat(failed.get(0).message()).contains("lossy");
		}

		@Test
		void aMissingIsrc() {
			assertFailsOnly(withTrack((t) -> track(t, t.status(), t.audio(), null)), "track.isrc", "no ISRC");
		}

		@Test
		void theSameIsrcOnTwoTracks() {
			ReleaseSnapshot release = Snapshots.release(2);
			List<ReleaseSnapshot.Track> tracks = new ArrayList<>(release.tracks());
			tracks.set(1, track(tracks.get(1), "READY", tracks.get(1).audio(), tracks.get(0).isrc()));
			assertFailsOnly(Snapshots.release(tracks), "track.isrc", "same ISRC GBAYE2600001 as Track 1");
		}

	}

	private static void assertFailsOnly(ReleaseSnapshot release, String rule, String reason) {
		PlatformReadiness readiness = ReadinessRules.check(STORE, release, Snapshots.TODAY);
		assertThat(readiness.ready()).isFalse();
		assertThat(failures(release)).singleElement().satisfies((failure) -> {
			assertThat(failure.rule()).isEqualTo(rule);
			assertThat(failure.message()).contains(reason);
		});
		// Failures come first, so that the artist reads what to fix before what passed.
		assertThat(readiness.rules().get(0).passed()).isFalse();
	}

	private static List<RuleResult> failures(ReleaseSnapshot release) {
		return ReadinessRules.check(STORE, release, Snapshots.TODAY)
			.rules()
			.stream()
			.filter((rule) -> !rule.passed())
			.toList();
	}

	private static ReleaseSnapshot withRelease(UnaryOperator<ReleaseSnapshot> change) {
		return change.apply(Snapshots.release(2));
	}

	private static ReleaseSnapshot withArtwork(ArtworkFacts artwork) {
		return withRelease((r) -> copy(r, r.upc(), r.releaseDate(), artwork));
	}

	private static ReleaseSnapshot withAudio(AudioFacts audio) {
		return withTrack((t) -> track(t, "READY", audio, t.isrc()));
	}

	private static ReleaseSnapshot withTrack(UnaryOperator<ReleaseSnapshot.Track> change) {
		ReleaseSnapshot release = Snapshots.release(2);
		List<ReleaseSnapshot.Track> tracks = new ArrayList<>(release.tracks());
		tracks.set(1, change.apply(tracks.get(1)));
		return Snapshots.release(tracks);
	}

	private static ReleaseSnapshot copy(ReleaseSnapshot r, String upc, java.time.LocalDate date, ArtworkFacts artwork) {
		return new ReleaseSnapshot(r.releaseId(), r.ownerId(), r.albumId(), r.title(), r.type(), upc, date,
				r.territories(), r.artistName(), r.labelName(), r.genre(), r.pLine(), r.cLine(), artwork, r.tracks(),
				r.takenAt());
	}

	private static ReleaseSnapshot.Track track(ReleaseSnapshot.Track t, String status, AudioFacts audio, String isrc) {
		return new ReleaseSnapshot.Track(t.id(), t.number(), true, t.title(), t.versionTitle(), isrc, t.explicit(),
				t.genre(), t.language(), t.credits(), status, t.format(), t.sizeBytes(), t.sha256(), t.originalKey(),
				audio);
	}

}
