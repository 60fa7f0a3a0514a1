package com.notalabel.distribution.ern;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import com.notalabel.distribution.release.ReleaseSnapshot;
import com.notalabel.distribution.release.ReleaseSnapshot.Track;

/**
 * Everything one message says.
 *
 * @param release the frozen content
 * @param messageId the message's id
 * @param senderDpid our party id
 * @param senderName our name
 * @param recipientDpid the store's party id
 * @param recipientName the store's name
 * @param createdAt the message's creation time
 * @param dealsEnd the day the deals end (a takedown), or {@code null}
 * @param files the facts of each file by its path ({@link #audioPath},
 * {@link #coverPath})
 */
public record MessageContent(ReleaseSnapshot release, String messageId, String senderDpid, String senderName,
		String recipientDpid, String recipientName, Instant createdAt, @Nullable LocalDate dealsEnd,
		Map<String, FileFacts> files) {

	public MessageContent {
		files = Map.copyOf(files);
	}

	/**
	 * The folder of the release in a batch, also its reference in acknowledgements.
	 * @param release the release
	 * @return the UPC
	 */
	public static String folder(ReleaseSnapshot release) {
		return String.valueOf(release.upc());
	}

	/**
	 * Where a track's original goes, from the release's folder.
	 * @param track the track
	 * @return e.g. {@code resources/036000291452_01_001.wav}
	 */
	public String audioPath(Track track) {
		return audioPath(this.release, track);
	}

	public static String audioPath(ReleaseSnapshot release, Track track) {
		String extension = (track.audio() != null) ? track.audio().container().toLowerCase(Locale.ROOT)
				: track.format();
		return String.format(Locale.ROOT, "resources/%s_01_%03d.%s", folder(release), track.number(), extension);
	}

	/**
	 * Where the cover goes, from the release's folder.
	 * @return e.g. {@code resources/036000291452_cover.jpg}
	 */
	public String coverPath() {
		return coverPath(this.release);
	}

	public static String coverPath(ReleaseSnapshot release) {
		boolean png = release.artwork() != null && "image/png".equals(release.artwork().mediaType());
		return "resources/" + folder(release) + "_cover." + (png ? "png" : "jpg");
	}

}
