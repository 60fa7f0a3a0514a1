package com.notalabel.distribution.testing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.notalabel.distribution.release.ReleaseSnapshot;
import com.notalabel.distribution.storage.ArtworkFacts;
import com.notalabel.types.events.music.TrackUpdated.AudioFacts;
import com.notalabel.types.events.music.TrackUpdated.Credit;
import com.notalabel.types.events.music.TrackUpdated.Role;
import com.notalabel.types.id.AlbumId;
import com.notalabel.types.id.ReleaseId;
import com.notalabel.types.id.TrackId;
import com.notalabel.types.id.UserId;

/**
 * Release contents for tests: a release that passes every rule, and tracks to vary.
 */
public final class Snapshots {

	public static final LocalDate TODAY = LocalDate.of(2026, 3, 1);

	private Snapshots() {
	}

	public static AudioFacts cleanAudio() {
		return new AudioFacts("wav", "pcm_s24le", true, false, 48_000, 24, 2, 213.48, -1.2, -14.0);
	}

	public static ReleaseSnapshot.Track track(int number) {
		return new ReleaseSnapshot.Track(TrackId.newId(), number, true, "Track " + number, null,
				String.format("GBAYE26%05d", number), false, "Electronic", "en",
				java.util.Arrays.stream(Role.values()).map((role) -> new Credit("Person " + role, role)).toList(),
				"READY", "wav", 1_000_000L + number, "a".repeat(64), "originals/x/" + number, cleanAudio());
	}

	public static ReleaseSnapshot release(int tracks) {
		List<ReleaseSnapshot.Track> list = new ArrayList<>();
		for (int i = 1; i <= tracks; i++) {
			list.add(track(i));
		}
		return release(list);
	}

	public static ReleaseSnapshot release(List<ReleaseSnapshot.Track> tracks) {
		return new ReleaseSnapshot(ReleaseId.newId(), UserId.newId(), AlbumId.newId(), "Night Drive", "ALBUM",
				"036000291452", TODAY.plusDays(30), List.of("Worldwide"), "Ada Lovelace", null, "Electronic",
				"2026 Ada Lovelace", "2026 Ada Lovelace",
				new ArtworkFacts("artwork/x/y/z-3000", 3000, 3000, "RGB", "image/jpeg", 2_000_000), tracks,
				Instant.parse("2026-03-01T10:00:00Z"));
	}

}
