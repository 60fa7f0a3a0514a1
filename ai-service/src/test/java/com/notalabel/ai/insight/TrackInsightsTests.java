package com.notalabel.ai.insight;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.notalabel.ai.fact.Fact;
import com.notalabel.ai.fact.FactSheet;
import com.notalabel.ai.insight.TrackInsights.Insights;
import com.notalabel.ai.insight.TrackInsights.Problem;
import com.notalabel.ai.insight.TrackInsights.StoreGain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Insights for masters whose numbers are known exactly.
 */
class TrackInsightsTests {

	private static final String TRACK = "0193a0c4-0000-7000-8000-000000000001";

	@Test
	void theMinus23LufsTestToneIsTurnedUpNineDecibelsOnSpotify() {
		Insights insights = insights(-23.0, -20.0);

		assertThat(insights.stores())
			.extracting(StoreGain::store, StoreGain::gainDb, StoreGain::truePeakAfterGainDbtp,
					StoreGain::limitedByTruePeak, StoreGain::clips)
			.containsExactly(tuple("spotify", 9.0, -11.0, false, false), tuple("apple_music", 7.0, -13.0, false, false),
					tuple("youtube", 0.0, -20.0, false, false), tuple("tidal", 9.0, -11.0, false, false),
					tuple("amazon_music", 9.0, -11.0, false, false), tuple("deezer", 8.0, -12.0, false, false));
		assertThat(insights.problems()).extracting(Problem::code).containsExactly("quiet");
		assertThat(insights.stores().get(0).message()).isEqualTo("Spotify will turn this up 9 dB.");
		assertThat(insights.stores().get(2).message())
			.isEqualTo("YouTube will not turn this up: it plays 9 dB quieter than tracks at -14 LUFS.");
	}

	@Test
	void aClippingMasterIsTurnedDownAndStillToldToBeFixed() {
		Insights insights = insights(-6.5, 1.2);

		assertThat(insights.stores())
			.extracting(StoreGain::store, StoreGain::gainDb, StoreGain::truePeakAfterGainDbtp, StoreGain::clips)
			.startsWith(tuple("spotify", -7.5, -6.3, false), tuple("apple_music", -9.5, -8.3, false));
		assertThat(insights.problems()).extracting(Problem::code).containsExactly("clipping", "very_loud");
		assertThat(insights.problems().get(0).message())
			.isEqualTo("The true peak is +1.2 dBTP, above 0: the master clips, and turning it down in a store does not"
					+ " undo the distortion.");
		assertThat(insights.fixes()).first()
			.isEqualTo("Lower the limiter's ceiling to -1 dBTP and export the master again.");
	}

	@Test
	void aQuietMasterWithHotPeaksClipsWhereAStoreTurnsItUpWithoutACeiling() {
		Insights insights = insights(-20.0, -2.0);

		StoreGain spotify = insights.stores().get(0);
		StoreGain apple = insights.stores().get(1);
		assertThat(spotify.gainDb()).isEqualTo(1.0);
		assertThat(spotify.limitedByTruePeak()).isTrue();
		assertThat(spotify.truePeakAfterGainDbtp()).isEqualTo(-1.0);
		assertThat(spotify.overHeadroom()).isFalse();
		assertThat(apple.gainDb()).isEqualTo(4.0);
		assertThat(apple.truePeakAfterGainDbtp()).isEqualTo(2.0);
		assertThat(apple.clips()).isTrue();
		assertThat(spotify.message()).isEqualTo("Spotify will turn this up 1 dB, not the 6 dB that would bring it to"
				+ " -14 LUFS, to keep its peaks below -1 dBTP.");
		assertThat(apple.message())
			.isEqualTo("Apple Music will turn this up 4 dB. Its true peak then reaches +2 dBTP: it will clip.");
	}

	@Test
	void saysTempoAndKeyInWords() {
		Insights insights = insights(-14.0, -1.5);

		assertThat(insights.tempo()).isEqualTo("122 BPM: upbeat, dance tempo (house, disco, pop).");
		assertThat(insights.key()).isEqualTo(
				"A minor: a minor key, often heard as darker or wistful; its relative major is C major, which shares its"
						+ " notes.");
		assertThat(TrackInsights.keyInWords("F# major")).contains("relative minor is Eb minor");
		assertThat(insights.problems()).isEmpty();
	}

	@Test
	void knowsNoTrackWithoutFacts() {
		assertThat(TrackInsights.of(TRACK, new FactSheet(List.of()))).isEmpty();
	}

	private static Insights insights(double lufs, double peak) {
		String t = "track:" + TRACK + ":";
		Instant at = Instant.parse("2026-12-01T10:00:00Z");
		return TrackInsights
			.of(TRACK, new FactSheet(List.of(Fact.text(t + "title", "Track title", "Tone", at),
					Fact.number(t + "integrated_lufs", "Integrated loudness", lufs, "LUFS", at),
					Fact.number(t + "true_peak_dbtp", "True peak", peak, "dBTP", at),
					Fact.number(t + "loudness_range_lu", "Loudness range", 6.0, "LU", at),
					Fact.number(t + "tempo_bpm", "Tempo", 122, "BPM", at), Fact.text(t + "key", "Key", "A minor", at))))
			.orElseThrow();
	}

}
