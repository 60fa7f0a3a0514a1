package com.notalabel.music.album;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.notalabel.music.track.Track;
import com.notalabel.music.track.TrackStatus;

/**
 * What still stands between an album and the stores, in words an artist understands. An
 * album without warnings can be delivered; the warnings never block editing.
 */
public final class Readiness {

	private Readiness() {
	}

	static List<Warning> of(AlbumDetails details, @Nullable AlbumArtwork cover, List<Track> tracks) {
		List<Warning> warnings = new ArrayList<>();
		if (tracks.isEmpty()) {
			warnings.add(new Warning("tracks.missing", "Add the tracks of this release."));
		}
		long unready = tracks.stream().filter((track) -> track.status() != TrackStatus.READY).count();
		if (unready > 0) {
			warnings.add(new Warning("tracks.not_ready", (unready == 1) ? "1 track is still processing or failed."
					: unready + " tracks are still processing or failed."));
		}
		if (cover == null) {
			warnings.add(new Warning("artwork.missing", "Add cover artwork: a square JPEG or PNG of "
					+ AlbumArtwork.STORE_SIZE + " × " + AlbumArtwork.STORE_SIZE + " pixels or more."));
		}
		else if (cover.width() < AlbumArtwork.STORE_SIZE || cover.height() < AlbumArtwork.STORE_SIZE) {
			warnings.add(new Warning("artwork.below_3000",
					"The cover is " + cover.width() + " × " + cover.height() + " pixels; stores ask for at least "
							+ AlbumArtwork.STORE_SIZE + " × " + AlbumArtwork.STORE_SIZE + "."));
		}
		if (details.upc() == null) {
			warnings.add(new Warning("upc.missing", "Add a UPC: stores list a release by its barcode."));
		}
		if (details.releaseDate() == null) {
			warnings.add(new Warning("release_date.missing", "Choose a release date."));
		}
		return List.copyOf(warnings);
	}

	/**
	 * One thing to fix before release.
	 *
	 * @param code stable, for clients that show their own text
	 * @param message a sentence for the artist
	 */
	public record Warning(String code, String message) {

	}

}
