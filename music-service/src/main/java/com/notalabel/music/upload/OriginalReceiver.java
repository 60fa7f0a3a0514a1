package com.notalabel.music.upload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.InvalidPathException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.apache.commons.fileupload2.core.FileItemInput;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.exception.SdkException;

import org.springframework.stereotype.Component;

import com.notalabel.audio.inspection.AudioInspector;
import com.notalabel.audio.inspection.Head;
import com.notalabel.audio.inspection.Inspection;
import com.notalabel.shared.storage.ObjectStore;

/**
 * Streams an upload's file part into S3. The first buffer (two, behind a large ID3 tag)
 * is inspected before anything is sent, so a file that is not audio costs no storage
 * call; after that, full buffers become parts while the next one is read, and every read
 * updates the SHA-256 and is checked against the size limit and the quota. No more than
 * the lease's buffers is ever in memory, and nothing touches the disk.
 */
@Component
class OriginalReceiver {

	private final ObjectStore storage;

	private final PartBuffers buffers;

	OriginalReceiver(ObjectStore storage, PartBuffers buffers) {
		this.storage = storage;
		this.buffers = buffers;
	}

	/**
	 * Receives a file part.
	 * @param item the part, positioned at its content
	 * @param key the object key
	 * @param limits the size limit and quota
	 * @param used what the artist stored when the upload started
	 * @return the received file, not yet committed
	 * @throws IOException if the request body breaks off
	 */
	PendingOriginal receive(FileItemInput item, String key, UploadLimits limits, long used) throws IOException {
		@Nullable String clientFileName = clientFileName(item);
		PartBuffers.Lease lease = this.buffers.lease();
		MultipartWriter writer = null;
		// The part's stream is deliberately not closed on a refusal: closing it reads the
		// rest of the part to its boundary, which for a refused 1 GB file is 1 GB read for
		// nothing. The refusal closes the connection instead.
		try {
			InputStream in = item.getInputStream();
			Reader reader = new Reader(in, limits, used);
			List<byte[]> head = new ArrayList<>();
			long headLength = 0;
			boolean ended = false;
			Inspection inspection;
			do {
				byte[] buffer = lease.take();
				int filled = reader.fill(buffer);
				head.add(buffer);
				headLength += filled;
				ended = filled < buffer.length;
				inspection = AudioInspector.inspect(new Head(head, buffer.length, headLength, ended));
			}
			while (inspection instanceof Inspection.NeedsMore more && !ended && headLength < more.bytes());
			Inspection.Audio audio = switch (inspection) {
				case Inspection.Audio found -> found;
				case Inspection.Unsupported unsupported -> throw new UnsupportedAudioFormat(unsupported.reason());
				case Inspection.Refused refused -> throw new TagsRefused(refused.reason(), refused.tooLarge());
				case Inspection.NeedsMore more -> throw new IllegalStateException("Inspection wants " + more.bytes()
						+ " bytes after " + headLength + " of a " + (ended ? "complete" : "partial") + " head");
			};
			if (ended && head.size() == 1) {
				return PendingOriginal.inOneBuffer(this.storage, key, reader.received(audio, clientFileName),
						head.get(0), lease);
			}
			writer = MultipartWriter.start(this.storage.client(), this.storage.bucket(), key,
					audio.format().mediaType(), lease);
			for (int i = 0; i < head.size(); i++) {
				int length = (i < head.size() - 1) ? head.get(i).length
						: (int) (headLength - (long) i * head.get(i).length);
				if (length > 0) {
					writer.send(head.get(i), length);
				}
			}
			while (!ended) {
				byte[] buffer = lease.take();
				int filled = reader.fill(buffer);
				ended = filled < buffer.length;
				if (filled > 0) {
					writer.send(buffer, filled);
				}
				else {
					lease.give(buffer);
				}
			}
			return PendingOriginal.inParts(this.storage, key, reader.received(audio, clientFileName), writer, lease);
		}
		catch (IOException | RuntimeException ex) {
			if (writer != null) {
				writer.abort();
			}
			lease.close();
			if (ex instanceof SdkException) {
				throw new StorageUnavailable();
			}
			throw ex;
		}
	}

	/**
	 * The name the client gave the file, checked before a byte of the file is read. Only
	 * a title may come of it (keys are the server's), but a name no file can have (with a
	 * NUL, which FileUpload refuses) is the client's mistake, said as such.
	 */
	private static @Nullable String clientFileName(FileItemInput item) {
		try {
			return item.getName();
		}
		catch (InvalidPathException ex) {
			throw new UploadRejected("file", "has a file name that contains a NUL character");
		}
	}

	/**
	 * Reads the part's bytes into buffers, hashing and counting them.
	 */
	private static final class Reader {

		private final InputStream in;

		private final UploadLimits limits;

		private final long used;

		private final MessageDigest sha256;

		private long received;

		Reader(InputStream in, UploadLimits limits, long used) {
			this.in = in;
			this.limits = limits;
			this.used = used;
			try {
				this.sha256 = MessageDigest.getInstance("SHA-256");
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException("Every JDK has SHA-256", ex);
			}
		}

		/**
		 * Fills a buffer, unless the part ends first.
		 * @return how many bytes it holds; fewer than its length only at the end
		 */
		int fill(byte[] buffer) throws IOException {
			int filled = 0;
			while (filled < buffer.length) {
				int read = this.in.read(buffer, filled, buffer.length - filled);
				if (read < 0) {
					break;
				}
				this.sha256.update(buffer, filled, read);
				filled += read;
				this.received += read;
				// Checked after every read, so a file over a limit is stopped within one
				// read of crossing it, whatever the request claimed.
				this.limits.checkReceived(this.received, this.used);
			}
			return filled;
		}

		PendingOriginal.Received received(Inspection.Audio audio, @Nullable String clientFileName) {
			if (this.received == 0) {
				throw new UnsupportedAudioFormat("The file is empty.");
			}
			return new PendingOriginal.Received(audio.format(), audio.tags(), this.received,
					HexFormat.of().formatHex(this.sha256.digest()), clientFileName);
		}

	}

}
