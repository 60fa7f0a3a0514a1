package com.notalabel.music.album;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * The album's cover as stored: one upload, kept as the original and its renditions under
 * {@code artwork/<ownerId>/<albumId>/<id>-<variant>}.
 *
 * @param id this upload's id, part of every object key, so that a replaced cover's
 * objects never mix with the new one's
 * @param width the original's width in pixels
 * @param height the original's height in pixels
 * @param mediaType the original's type, {@code image/jpeg} or {@code image/png}
 * @param updatedAt when it was stored
 */
@Embeddable
public record AlbumArtwork(@Column(name = "artwork_id") UUID id, @Column(name = "artwork_width") int width,
		@Column(name = "artwork_height") int height, @Column(name = "artwork_type") String mediaType,
		@Column(name = "artwork_updated_at") Instant updatedAt) {

	/** What stores ask for; smaller covers are kept with a readiness warning. */
	public static final int STORE_SIZE = 3000;

	public AlbumArtwork {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(mediaType, "mediaType");
		Objects.requireNonNull(updatedAt, "updatedAt");
	}

	/**
	 * The objects of one cover: the original (metadata removed) and square JPEG
	 * renditions at most as large as their name, never enlarged.
	 */
	public enum Variant {

		ORIGINAL("original", 0), SIZE_3000("3000", 3000), SIZE_600("600", 600), SIZE_300("300", 300);

		private final String key;

		private final int size;

		Variant(String key, int size) {
			this.key = key;
			this.size = size;
		}

		/**
		 * The variant's name in object keys and in {@code ?size=}.
		 * @return {@code original}, {@code 3000}, {@code 600} or {@code 300}
		 */
		public String key() {
			return this.key;
		}

		/**
		 * The side a rendition is scaled down to when the original is larger.
		 * @return the side in pixels; 0 for the original
		 */
		public int size() {
			return this.size;
		}

		public static Optional<Variant> parse(String key) {
			String wanted = key.strip().toLowerCase(Locale.ROOT);
			for (Variant variant : values()) {
				if (variant.key.equals(wanted)) {
					return Optional.of(variant);
				}
			}
			return Optional.empty();
		}

	}

}
