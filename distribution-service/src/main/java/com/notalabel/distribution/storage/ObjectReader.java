package com.notalabel.distribution.storage;

import java.awt.color.ColorSpace;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Optional;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.ImageInputStream;

import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

import com.notalabel.shared.storage.StorageProperties;
import com.notalabel.types.id.AlbumId;
import com.notalabel.types.id.UserId;

/**
 * Reads the bucket. Originals are streamed to their destination; covers are looked at
 * only as far as their header.
 */
public class ObjectReader {

	/** The cover rendition stores receive: music-service's 3000 px variant (ADR 17). */
	static final String STORE_VARIANT_SUFFIX = "-3000";

	private final S3Client client;

	private final String bucket;

	public ObjectReader(S3Client client, StorageProperties properties) {
		this.client = client;
		this.bucket = properties.bucket();
	}

	/**
	 * Opens an object for reading; the caller closes the stream.
	 * @param key the object key
	 * @return the object's bytes as they arrive
	 * @throws ObjectMissing if there is no such object
	 */
	public ResponseInputStream<GetObjectResponse> open(String key) {
		try {
			return this.client.getObject((request) -> request.bucket(this.bucket).key(key));
		}
		catch (NoSuchKeyException ex) {
			throw new ObjectMissing(key);
		}
	}

	/**
	 * The album's cover as stores receive it. music-service keeps each upload of a cover
	 * under {@code artwork/<ownerId>/<albumId>/<artworkId>-<variant>} with a time-ordered
	 * id and removes a replaced cover's objects, so the newest 3000 px variant under the
	 * album's prefix is the current cover. Its size and colour space come from the
	 * image's header, which is all that is read of it.
	 * @param owner the artist
	 * @param album the album
	 * @return the cover, empty when the album has none in the bucket
	 */
	public Optional<ArtworkFacts> artwork(UserId owner, AlbumId album) {
		String prefix = "artwork/" + owner + "/" + album + "/";
		Optional<S3Object> newest = this.client
			.listObjectsV2Paginator((request) -> request.bucket(this.bucket).prefix(prefix))
			.contents()
			.stream()
			.filter((object) -> object.key().endsWith(STORE_VARIANT_SUFFIX))
			.max(Comparator.comparing(S3Object::key));
		if (newest.isEmpty()) {
			return Optional.empty();
		}
		S3Object object = newest.get();
		try (ResponseInputStream<GetObjectResponse> in = open(object.key())) {
			try {
				return Optional.of(inspect(object.key(), object.size(), in));
			}
			finally {
				// Only the header was needed: the rest of the body is not downloaded.
				in.abort();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static ArtworkFacts inspect(String key, long size, InputStream in) throws IOException {
		try (ImageInputStream image = ImageIO.createImageInputStream(in)) {
			Iterator<ImageReader> readers = ImageIO.getImageReaders(image);
			if (image == null || !readers.hasNext()) {
				return new ArtworkFacts(key, 0, 0, "OTHER", "application/octet-stream", size);
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(image, true, true);
				String format = reader.getFormatName().toLowerCase(java.util.Locale.ROOT);
				String mediaType = format.contains("png") ? "image/png" : "image/jpeg";
				return new ArtworkFacts(key, reader.getWidth(0), reader.getHeight(0), colorSpace(reader), mediaType,
						size);
			}
			finally {
				reader.dispose();
			}
		}
	}

	private static String colorSpace(ImageReader reader) throws IOException {
		ImageTypeSpecifier type = reader.getRawImageType(0);
		if (type == null) {
			// The JDK's JPEG reader has no raw type for CMYK and YCCK images.
			return "CMYK";
		}
		return switch (type.getColorModel().getColorSpace().getType()) {
			case ColorSpace.TYPE_RGB -> "RGB";
			case ColorSpace.TYPE_GRAY -> "GRAY";
			case ColorSpace.TYPE_CMYK -> "CMYK";
			default -> "OTHER";
		};
	}

}
