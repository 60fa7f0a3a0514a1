package com.notalabel.music.upload;

import java.io.ByteArrayInputStream;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;

import com.notalabel.audio.inspection.AudioFormat;
import com.notalabel.audio.inspection.Tags;
import com.notalabel.shared.storage.ObjectStore;

/**
 * An upload's file, received and checked but not yet an object: either a small file still
 * in its one buffer, or a multipart upload whose parts are all sent but which is not
 * completed. Until {@link #commit()} nothing is visible in the bucket, so a refusal at
 * this point (a duplicate, invalid metadata) only has to abort. Closing releases the
 * buffers and aborts what was not committed.
 */
final class PendingOriginal implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(PendingOriginal.class);

	private final ObjectStore storage;

	private final String key;

	private final Received received;

	private final byte @Nullable [] whole;

	private final @Nullable MultipartWriter writer;

	private final PartBuffers.Lease lease;

	private boolean committed;

	private PendingOriginal(ObjectStore storage, String key, Received received, byte @Nullable [] whole,
			@Nullable MultipartWriter writer, PartBuffers.Lease lease) {
		this.storage = storage;
		this.key = key;
		this.received = received;
		this.whole = whole;
		this.writer = writer;
		this.lease = lease;
	}

	static PendingOriginal inOneBuffer(ObjectStore storage, String key, Received received, byte[] buffer,
			PartBuffers.Lease lease) {
		return new PendingOriginal(storage, key, received, buffer, null, lease);
	}

	static PendingOriginal inParts(ObjectStore storage, String key, Received received, MultipartWriter writer,
			PartBuffers.Lease lease) {
		return new PendingOriginal(storage, key, received, null, writer, lease);
	}

	String key() {
		return this.key;
	}

	Received received() {
		return this.received;
	}

	/**
	 * Makes the object exist.
	 * @throws StorageUnavailable if storage refused; nothing is then visible, and closing
	 * aborts what is left
	 */
	void commit() {
		try {
			store();
		}
		catch (SdkException ex) {
			log.warn("The original {} could not be stored", this.key, ex);
			throw new StorageUnavailable();
		}
		this.committed = true;
	}

	private void store() {
		byte[] bytes = this.whole;
		if (bytes != null) {
			int length = (int) this.received.size();
			this.storage.client()
				.putObject(
						(request) -> request.bucket(this.storage.bucket())
							.key(this.key)
							.contentType(this.received.format().mediaType()),
						RequestBody.fromContentProvider(() -> new ByteArrayInputStream(bytes, 0, length), length,
								this.received.format().mediaType()));
		}
		else if (this.writer != null) {
			this.writer.complete();
		}
	}

	/**
	 * Removes the committed object, when recording the track failed. Never throws.
	 */
	void delete() {
		try {
			this.storage.delete(List.of(this.key));
		}
		catch (RuntimeException ex) {
			log.warn("The original {} of a failed upload could not be deleted", this.key, ex);
		}
	}

	@Override
	public void close() {
		try {
			if (!this.committed && this.writer != null) {
				this.writer.abort();
			}
		}
		finally {
			this.lease.close();
		}
	}

	/**
	 * What was received.
	 *
	 * @param format the format detected from the content
	 * @param tags what the file's tags say
	 * @param size the file's size
	 * @param sha256 its SHA-256, lower-case hex
	 * @param clientFileName the name the client gave the file, used only as a last-resort
	 * title
	 */
	record Received(AudioFormat format, Tags tags, long size, String sha256, @Nullable String clientFileName) {

	}

}
