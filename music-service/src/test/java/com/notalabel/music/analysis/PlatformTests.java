package com.notalabel.music.analysis;

import org.junit.jupiter.api.Test;

import com.notalabel.music.analysis.TrackAnalysis.PlatformPreview;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What each streaming service's loudness normalisation will do, and how the artist is
 * told.
 */
class PlatformTests {

	@Test
	void aLoudMasterIsTurnedDownToTheTarget() {
		PlatformPreview preview = Platform.SPOTIFY.preview(-7.8, -0.2);
		assertThat(preview.gainDb()).isEqualTo(-6.2);
		assertThat(preview.limitedByTruePeak()).isFalse();
		assertThat(preview.message()).isEqualTo("Spotify will turn this down 6.2 dB.");
	}

	@Test
	void spotifyTurnsAQuietMasterUpOnlyAsFarAsItsPeaksAllow() {
		PlatformPreview preview = Platform.SPOTIFY.preview(-20.0, -3.0);
		assertThat(preview.gainDb()).isEqualTo(2.0);
		assertThat(preview.limitedByTruePeak()).isTrue();
		assertThat(preview.message())
			.isEqualTo("Spotify will turn this up only 2.0 dB, not the 6.0 dB that would bring "
					+ "it to -14.0 LUFS, to keep its peaks below -1.0 dBTP.");
	}

	@Test
	void spotifyLeavesAQuietMasterWithoutHeadroomAsItIs() {
		PlatformPreview preview = Platform.SPOTIFY.preview(-18.0, -0.5);
		assertThat(preview.gainDb()).isZero();
		assertThat(preview.limitedByTruePeak()).isTrue();
		assertThat(preview.message()).isEqualTo("Spotify will play this as it is: it is 4.0 dB below -14.0 LUFS, "
				+ "but turning it up would push its peaks above -1.0 dBTP.");
	}

	@Test
	void spotifyTurnsAQuietMasterWithHeadroomAllTheWayUp() {
		PlatformPreview preview = Platform.SPOTIFY.preview(-18.0, -9.0);
		assertThat(preview.gainDb()).isEqualTo(4.0);
		assertThat(preview.message()).isEqualTo("Spotify will turn this up 4.0 dB.");
	}

	@Test
	void youtubeNeverTurnsUp() {
		PlatformPreview preview = Platform.YOUTUBE.preview(-20.0, -9.0);
		assertThat(preview.gainDb()).isZero();
		assertThat(preview.message()).isEqualTo(
				"YouTube will not turn this up: it will play 6.0 dB quieter than tracks mastered at -14.0 LUFS.");
		assertThat(Platform.YOUTUBE.preview(-9.0, -0.1).gainDb()).isEqualTo(-5.0);
	}

	@Test
	void eachServiceHasItsOwnTarget() {
		assertThat(Platform.APPLE_MUSIC.preview(-10.0, -1.0).gainDb()).isEqualTo(-6.0);
		assertThat(Platform.DEEZER.preview(-10.0, -1.0).gainDb()).isEqualTo(-5.0);
		assertThat(Platform.TIDAL.preview(-10.0, -1.0).gainDb()).isEqualTo(-4.0);
		assertThat(Platform.AMAZON_MUSIC.preview(-10.0, -1.0).gainDb()).isEqualTo(-4.0);
		assertThat(Platform.APPLE_MUSIC.preview(-16.02, -1.0).message())
			.isEqualTo("Apple Music will play this at its own level: it already sits at -16.0 LUFS.");
	}

	@Test
	void silenceHasNoGain() {
		PlatformPreview preview = Platform.TIDAL.preview(null, null);
		assertThat(preview.gainDb()).isNull();
		assertThat(preview.message()).startsWith("Tidal cannot measure the loudness of this track");
	}

}
