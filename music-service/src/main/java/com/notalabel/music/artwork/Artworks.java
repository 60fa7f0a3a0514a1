package com.notalabel.music.artwork;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

import com.notalabel.music.album.AlbumArtwork;
import com.notalabel.music.album.AlbumArtwork.Variant;
import com.notalabel.music.album.AlbumResponse;
import com.notalabel.music.album.Albums;
import com.notalabel.music.album.Albums.CoverChanged;
import com.notalabel.music.artwork.ArtworkProcessor.ProcessedArtwork;
import com.notalabel.music.storage.ObjectKeys;
import com.notalabel.shared.storage.ObjectStore;
import com.notalabel.types.Uuid7;
import com.notalabel.types.id.AlbumId;
import com.notalabel.types.id.UserId;

/**
 * Stores, serves and removes album covers. The objects of an upload are written before
 * the album refers to them and removed if that fails; a replaced cover's objects are
 * removed once the album refers to the new one. Image work and S3 traffic happen outside
 * any database transaction.
 */
@Service
class Artworks {

	private static final Logger log = LoggerFactory.getLogger(Artworks.class);

	private static final String JPEG = "image/jpeg";

	private final Albums albums;

	private final ArtworkProcessor processor;

	private final ObjectStore storage;

	private final ArtworkProperties properties;

	private final Clock clock;

	Artworks(Albums albums, ArtworkProcessor processor, ObjectStore storage, ArtworkProperties properties,
			Clock clock) {
		this.albums = albums;
		this.processor = processor;
		this.storage = storage;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Replaces the album's cover with an uploaded image.
	 * @param owner the artist
	 * @param album the album
	 * @param body the request body, read up to {@code nal.artwork.max-size}
	 * @param declaredLength the body's {@code Content-Length}, or -1
	 * @return the album with its new cover
	 */
	AlbumResponse replace(UserId owner, AlbumId album, InputStream body, long declaredLength) {
		// Another artist's album is refused before a byte of the image is looked at.
		this.albums.artwork(owner, album);
		ProcessedArtwork processed = this.processor.process(read(body, declaredLength));
		AlbumArtwork cover = new AlbumArtwork(Uuid7.next(), processed.width(), processed.height(),
				processed.format().mediaType(), this.clock.instant().truncatedTo(ChronoUnit.MICROS));
		List<String> written = new ArrayList<>();
		CoverChanged changed;
		try {
			String originalKey = key(owner, album, cover, Variant.ORIGINAL);
			written.add(originalKey);
			this.storage.put(originalKey, processed.original(), cover.mediaType());
			for (Map.Entry<Variant, byte[]> rendition : processed.renditions().entrySet()) {
				String key = key(owner, album, cover, rendition.getKey());
				written.add(key);
				this.storage.put(key, rendition.getValue(), JPEG);
			}
			changed = this.albums.cover(owner, album, cover);
		}
		catch (RuntimeException ex) {
			removeQuietly(written, "objects of a cover that was not stored");
			throw ex;
		}
		removeQuietly(owner, album, changed.previous());
		return changed.album();
	}

	/**
	 * Where a browser can fetch a variant of the cover for a few minutes.
	 * @param owner the artist
	 * @param album the album
	 * @param variant the variant
	 * @return a presigned URL
	 */
	URI locate(UserId owner, AlbumId album, Variant variant) {
		AlbumArtwork cover = this.albums.artwork(owner, album);
		if (cover == null) {
			throw new ArtworkNotFound();
		}
		String key = key(owner, album, cover, variant);
		if (variant == Variant.ORIGINAL) {
			String extension = cover.mediaType().equals(JPEG) ? "jpg" : "png";
			return this.storage.presignedDownload(key, cover.mediaType(), "cover." + extension);
		}
		return this.storage.presignedDownload(key, JPEG, null);
	}

	/**
	 * Takes the cover off the album and removes its objects.
	 * @param owner the artist
	 * @param album the album
	 */
	void remove(UserId owner, AlbumId album) {
		CoverChanged changed = this.albums.uncover(owner, album);
		removeQuietly(owner, album, changed.previous());
	}

	private byte[] read(InputStream body, long declaredLength) {
		long max = this.properties.maxSize().toBytes();
		if (declaredLength > max) {
			throw new ArtworkTooLarge(max);
		}
		try {
			// One byte past the limit tells a body that is too large from one that is exactly at it.
			byte[] bytes = body.readNBytes(Math.toIntExact(max + 1));
			if (bytes.length > max) {
				throw new ArtworkTooLarge(max);
			}
			return bytes;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	// artwork/<ownerId>/<albumId>/<artworkId>-<variant>: flat under the album, so that
	// the album's prefix is all there is to list or delete.
	private static String key(UserId owner, AlbumId album, AlbumArtwork cover, Variant variant) {
		return ObjectKeys.artwork(owner, album, cover.id() + "-" + variant.key());
	}

	private void removeQuietly(UserId owner, AlbumId album, @Nullable AlbumArtwork cover) {
		if (cover != null) {
			List<String> keys = new ArrayList<>();
			for (Variant variant : Variant.values()) {
				keys.add(key(owner, album, cover, variant));
			}
			removeQuietly(keys, "objects of a replaced cover");
		}
	}

	private void removeQuietly(List<String> keys, String what) {
		try {
			this.storage.delete(keys);
		}
		catch (RuntimeException ex) {
			// The album no longer refers to them; they stay under the album's prefix,
			// which its deletion and the owner's erasure remove.
			log.warn("Could not remove {} {}: {}", keys.size(), what, ex.toString());
		}
	}

}
