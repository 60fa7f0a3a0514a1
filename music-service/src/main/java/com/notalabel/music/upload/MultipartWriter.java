package com.notalabel.music.upload;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * One S3 multipart upload fed part by part from the lease's buffers: each part is sent on
 * a virtual thread while the next is read, at most as many at once as the lease has
 * buffers. On any failure the caller aborts, which first lets the parts still being sent
 * finish (a part that lands after the abort would survive it, and a part cut off mid-body
 * can make the abort itself fail) and then aborts the upload, so that no part is left
 * behind.
 */
final class MultipartWriter {

	private static final Logger log = LoggerFactory.getLogger(MultipartWriter.class);

	private final S3Client client;

	private final String bucket;

	private final String key;

	private final String uploadId;

	private final PartBuffers.Lease lease;

	private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();

	private final List<Future<CompletedPart>> parts = new ArrayList<>();

	private MultipartWriter(S3Client client, String bucket, String key, String uploadId, PartBuffers.Lease lease) {
		this.client = client;
		this.bucket = bucket;
		this.key = key;
		this.uploadId = uploadId;
		this.lease = lease;
	}

	static MultipartWriter start(S3Client client, String bucket, String key, String contentType,
			PartBuffers.Lease lease) {
		String uploadId = client
			.createMultipartUpload((request) -> request.bucket(bucket)
				.key(key)
				.contentType(contentType)
				.checksumAlgorithm(ChecksumAlgorithm.CRC32))
			.uploadId();
		return new MultipartWriter(client, bucket, key, uploadId, lease);
	}

	/**
	 * Sends a part in the background; the buffer goes back to the lease once sent.
	 * @param buffer the part's bytes, not touched by the caller until given back
	 * @param length how many bytes of the buffer are the part
	 * @throws StorageUnavailable if an earlier part failed
	 */
	void send(byte[] buffer, int length) {
		failFast();
		int number = this.parts.size() + 1;
		this.parts.add(this.senders.submit(() -> {
			try {
				UploadPartResponse response = this.client.uploadPart(
						(request) -> request.bucket(this.bucket)
							.key(this.key)
							.uploadId(this.uploadId)
							.partNumber(number)
							.contentLength((long) length)
							.checksumAlgorithm(ChecksumAlgorithm.CRC32),
						// The SDK opens a new stream for each attempt: retries need no copy.
						RequestBody.fromContentProvider(() -> new ByteArrayInputStream(buffer, 0, length), length,
								"application/octet-stream"));
				return CompletedPart.builder()
					.partNumber(number)
					.eTag(response.eTag())
					.checksumCRC32(response.checksumCRC32())
					.build();
			}
			finally {
				this.lease.give(buffer);
			}
		}));
	}

	/**
	 * Waits for every part and completes the upload: the object exists from here on.
	 * @throws StorageUnavailable if a part or the completion failed
	 */
	void complete() {
		List<CompletedPart> completed = new ArrayList<>();
		for (Future<CompletedPart> part : this.parts) {
			completed.add(result(part));
		}
		this.client.completeMultipartUpload((request) -> request.bucket(this.bucket)
			.key(this.key)
			.uploadId(this.uploadId)
			.multipartUpload((upload) -> upload.parts(completed)));
		this.senders.close();
	}

	/**
	 * Waits for the parts still being sent (at most the lease's buffers, bounded by the
	 * client's timeouts) and aborts the upload. Never throws: it runs while another
	 * failure is on its way to the client.
	 */
	void abort() {
		this.senders.close();
		try {
			this.client
				.abortMultipartUpload((request) -> request.bucket(this.bucket).key(this.key).uploadId(this.uploadId));
		}
		catch (RuntimeException ex) {
			// The bucket's lifecycle rule for incomplete multipart uploads removes it later.
			log.warn("Multipart upload {} of {} could not be aborted", this.uploadId, this.key, ex);
		}
	}

	private void failFast() {
		for (Future<CompletedPart> part : this.parts) {
			if (part.isDone()) {
				result(part);
			}
		}
	}

	private static CompletedPart result(Future<CompletedPart> part) {
		try {
			return part.get();
		}
		catch (ExecutionException ex) {
			log.warn("A part of an upload could not be stored", ex.getCause());
			throw new StorageUnavailable();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new StorageUnavailable();
		}
	}

}
