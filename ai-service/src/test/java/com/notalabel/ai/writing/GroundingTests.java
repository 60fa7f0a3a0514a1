package com.notalabel.ai.writing;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.notalabel.ai.fact.Fact;
import com.notalabel.ai.fact.FactSheet;
import com.notalabel.ai.writing.Grounding.Checked;

import static org.assertj.core.api.Assertions.assertThat;

class GroundingTests {

	private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");

	private final Set<Double> known = Grounding
		.known(new FactSheet(List.of(Fact.number("track:t:total_streams", "Streams", 12_345, "streams", AT),
				Fact.number("track:t:integrated_lufs", "Integrated loudness", -14.0, "LUFS", AT),
				Fact.number("track:t:store:spotify:gain_db", "Gain", -6.2, "dB", AT),
				Fact.number("payout:p:amount", "Payout", 1_250.5, "EUR", AT),
				Fact.text("release:r:store:spotify:since", "Live since", "2026-11-20", AT))), List.of(500.0));

	@Test
	void readsOneNumberHoweverItIsWritten() {
		assertThat(Grounding.unknown("It has 12,345 streams, or 12.3k, or 12345, or 12.35K.", this.known)).isEmpty();
		assertThat(Grounding.unknown("It sits at −14 LUFS, -14.0 LUFS, –14 LUFS.", this.known)).isEmpty();
		assertThat(Grounding.unknown("Spotify turns it down 6.2 dB, about 6 dB.", this.known)).isEmpty();
		assertThat(Grounding.unknown("You were paid €1,250.50, about 1.25k.", this.known)).isEmpty();
		assertThat(Grounding.unknown("Live since 20 November 2026, in under 500 characters.", this.known)).isEmpty();
	}

	@Test
	void findsANumberTheFactsDoNotHold() {
		assertThat(Grounding.unknown("It has 13,000 streams and grew 40% this week.", this.known))
			.containsExactly("13,000", "40");
		assertThat(Grounding.unknown("It has 12.4k streams.", this.known)).containsExactly("12.4k");
		assertThat(Grounding.unknown("It sits at -14.5 LUFS.", this.known)).containsExactly("-14.5");
	}

	@Test
	void ignoresListNumbersCitationsAndIds() {
		assertThat(Grounding.unknown("""
				1. Fix the master [track:0193a0c4-0000-7000-8000-000000000001:true_peak_dbtp].
				2. Pitch it.""", this.known)).isEmpty();
	}

	@Test
	void takesOutOnlyTheSentencesWithAnInventedNumber() {
		Checked checked = Grounding.removeUngrounded(
				"It has 12,345 streams. It will reach 50,000 by June! Keep going.\nSpotify turns it down 6.2 dB.",
				this.known);

		assertThat(checked.text()).isEqualTo("It has 12,345 streams. Keep going.\nSpotify turns it down 6.2 dB.");
		assertThat(checked.removed()).containsExactly("It will reach 50,000 by June!");
	}

}
