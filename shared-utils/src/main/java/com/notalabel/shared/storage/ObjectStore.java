package com.notalabel.shared.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * A service's bucket: whole-object operations, listing for erasure and presigned
 * downloads. What goes beyond them (music-service's streamed multipart uploads) uses
 * {@link #client()} directly.
 */
public class ObjectStore {

	private final S3Client client;

	private final S3Presigner presigner;

	private final StorageProperties properties;

	public ObjectStore(S3Client client, S3Presigner presigner, StorageProperties properties) {
		this.client = client;
		this.presigner = presigner;
		this.properties = properties;
	}

	public S3Client client() {
		return this.client;
	}

	public String bucket() {
		return this.properties.bucket();
	}

	/**
	 * Stores a local file.
	 * @param key the object key
	 * @param file the file
	 * @param contentType its media type
	 */
	public void put(String key, Path file, String contentType) {
		this.client.putObject((request) -> request.bucket(bucket()).key(key).contentType(contentType),
				RequestBody.fromFile(file));
	}

	/**
	 * Stores bytes already in memory (small by construction: images).
	 * @param key the object key
	 * @param bytes the content
	 * @param contentType its media type
	 */
	public void put(String key, byte[] bytes, String contentType) {
		this.client.putObject((request) -> request.bucket(bucket()).key(key).contentType(contentType),
				RequestBody.fromBytes(bytes));
	}

	/**
	 * Copies an object to a local file, replacing it.
	 * @param key the object key
	 * @param target the file
	 */
	public void download(String key, Path target) {
		try (ResponseInputStream<GetObjectResponse> in = this.client
			.getObject((request) -> request.bucket(bucket()).key(key))) {
			Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Reads a small object whole into memory.
	 * @param key the object key
	 * @return its content and media type, empty when there is no such object
	 */
	public Optional<StoredObject> read(String key) {
		try {
			ResponseBytes<GetObjectResponse> object = this.client
				.getObjectAsBytes((request) -> request.bucket(bucket()).key(key));
			String contentType = object.response().contentType();
			return Optional.of(new StoredObject(object.asByteArray(),
					(contentType != null) ? contentType : "application/octet-stream"));
		}
		catch (NoSuchKeyException ex) {
			return Optional.empty();
		}
	}

	public boolean exists(String key) {
		try {
			this.client.headObject((request) -> request.bucket(bucket()).key(key));
			return true;
		}
		catch (NoSuchKeyException ex) {
			return false;
		}
	}

	/**
	 * Deletes objects; a key that does not exist is no error (S3 semantics).
	 * @param keys the object keys
	 */
	public void delete(List<String> keys) {
		for (int from = 0; from < keys.size(); from += 1000) {
			List<ObjectIdentifier> batch = keys.subList(from, Math.min(keys.size(), from + 1000))
				.stream()
				.map((key) -> ObjectIdentifier.builder().key(key).build())
				.toList();
			this.client.deleteObjects(
					(request) -> request.bucket(bucket()).delete(Delete.builder().objects(batch).quiet(true).build()));
		}
	}

	/**
	 * Deletes every object under a prefix.
	 * @param prefix the prefix, ending in {@code /}
	 * @return how many objects were deleted
	 */
	public int deletePrefix(String prefix) {
		List<String> keys = list(prefix);
		delete(keys);
		return keys.size();
	}

	/**
	 * The keys under a prefix.
	 * @param prefix the prefix
	 * @return the keys, in S3's order
	 */
	public List<String> list(String prefix) {
		List<String> keys = new ArrayList<>();
		ListObjectsV2Request request = ListObjectsV2Request.builder().bucket(bucket()).prefix(prefix).build();
		for (S3Object object : this.client.listObjectsV2Paginator(request).contents()) {
			keys.add(object.key());
		}
		return keys;
	}

	/**
	 * A URL a browser can fetch the object from for {@code nal.storage.download-url-ttl}.
	 * @param key the object key
	 * @param contentType the media type the response declares
	 * @param attachmentFileName when not {@code null}, the response is a download under
	 * this (server-made) name; otherwise it is shown inline (the stream)
	 * @return the presigned URL
	 */
	public URI presignedDownload(String key, String contentType,
			@org.jspecify.annotations.Nullable String attachmentFileName) {
		return URI.create(this.presigner.presignGetObject(
				(presign) -> presign.signatureDuration(this.properties.downloadUrlTtl()).getObjectRequest((get) -> {
					get.bucket(bucket()).key(key).responseContentType(contentType);
					if (attachmentFileName != null) {
						get.responseContentDisposition(ContentDisposition.attachment(attachmentFileName));
					}
				}))
			.url()
			.toString());
	}

	/**
	 * An object read whole.
	 *
	 * @param content its bytes
	 * @param contentType the media type it was stored with
	 */
	public record StoredObject(byte[] content, String contentType) {

	}

	/**
	 * {@code Content-Disposition} values with both an ASCII fallback and the RFC 5987
	 * UTF-8 name, so that titles in any script survive.
	 */
	static final class ContentDisposition {

		private ContentDisposition() {
		}

		static String attachment(String fileName) {
			return org.springframework.http.ContentDisposition.attachment()
				.filename(fileName, java.nio.charset.StandardCharsets.UTF_8)
				.build()
				.toString();
		}

	}

}
