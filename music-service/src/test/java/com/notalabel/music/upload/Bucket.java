package com.notalabel.music.upload;

import java.util.List;
import java.util.UUID;

import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.S3Object;

import com.notalabel.test.s3.LocalS3;
import com.notalabel.test.s3.LocalS3Clients;

/**
 * The tests' bucket seen from outside the service: what an artist's uploads left there.
 */
public final class Bucket {

	private static final S3Client CLIENT = LocalS3Clients.client(LocalS3.shared());

	private Bucket() {
	}

	/**
	 * Every object under {@code originals/<artist>/} and {@code renditions/<artist>/}.
	 */
	public static List<String> objectsOf(UUID artist) {
		return under(artist, "originals/", "renditions/");
	}

	/**
	 * The artist's stored originals only: a processing worker may add a rendition at any
	 * moment after an upload is accepted.
	 */
	public static List<String> originalsOf(UUID artist) {
		return under(artist, "originals/");
	}

	private static List<String> under(UUID artist, String... kinds) {
		return List.of(kinds)
			.stream()
			.flatMap((kind) -> CLIENT
				.listObjectsV2Paginator(
						(request) -> request.bucket(LocalS3.shared().bucket()).prefix(kind + artist + "/"))
				.contents()
				.stream())
			.map(S3Object::key)
			.toList();
	}

	/**
	 * Multipart uploads begun and neither completed nor aborted, for the artist's
	 * originals.
	 */
	public static List<String> openUploadsOf(UUID artist) {
		return CLIENT
			.listMultipartUploads(
					(request) -> request.bucket(LocalS3.shared().bucket()).prefix("originals/" + artist + "/"))
			.uploads()
			.stream()
			.map(MultipartUpload::key)
			.toList();
	}

	public static byte[] read(String key) {
		ResponseBytes<GetObjectResponse> bytes = CLIENT
			.getObjectAsBytes((request) -> request.bucket(LocalS3.shared().bucket()).key(key));
		return bytes.asByteArray();
	}

	public static void put(String key, byte[] content) {
		CLIENT.putObject((request) -> request.bucket(LocalS3.shared().bucket()).key(key),
				software.amazon.awssdk.core.sync.RequestBody.fromBytes(content));
	}

}
