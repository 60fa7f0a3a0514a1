package com.notalabel.music.upload;

/**
 * The size limit and the storage quota, checked as early as what is known allows: from
 * the request's {@code Content-Length} before a byte is read, after every read while the
 * file streams, and once more under the artist's lock before the track is recorded.
 *
 * @param maxSize the largest file accepted
 * @param quota the original audio one artist may store
 */
record UploadLimits(long maxSize, long quota) {

	/**
	 * What a request may carry besides the file: the metadata part (at most
	 * {@link TrackUploads#MAX_METADATA_BYTES}), part headers and boundaries. A request
	 * longer than a file's limit by more than this holds a file over the limit.
	 */
	static final long ENVELOPE_BYTES = 64 << 10;

	/**
	 * Refuses a request whose declared length alone proves the file too large.
	 * @param contentLength the request's {@code Content-Length}, or -1 if it has none
	 * @param used what the artist stores already
	 * @throws UploadTooLarge if the file must exceed the size limit
	 * @throws StorageQuotaExceeded if it must exceed the quota, or the quota is used up
	 */
	void checkDeclared(long contentLength, long used) {
		long atLeast = (contentLength < 0) ? 1 : Math.max(1, contentLength - ENVELOPE_BYTES);
		if (atLeast > this.maxSize) {
			throw new UploadTooLarge(this.maxSize, contentLength);
		}
		if (atLeast > this.quota - used) {
			throw new StorageQuotaExceeded(used, this.quota, Math.max(contentLength, 0));
		}
	}

	/**
	 * Stops a file that has grown past a limit while streaming.
	 * @param received the file's bytes so far
	 * @param used what the artist stored when the upload started
	 */
	void checkReceived(long received, long used) {
		if (received > this.maxSize) {
			throw new UploadTooLarge(this.maxSize, received);
		}
		if (received > this.quota - used) {
			throw new StorageQuotaExceeded(used, this.quota, received);
		}
	}

}
