package com.notalabel.music.upload;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Component;

/**
 * The memory uploads stream through: each upload leases a fixed number of part buffers
 * for its whole life, so that the service's upload memory is bounded by
 * {@code nal.upload.buffer-memory} however many uploads arrive and however large they
 * are. Buffers are allocated when first needed, so a small file costs one.
 */
@Component
class PartBuffers {

	/** How long a read waits for one of its parts to finish sending before giving up. */
	private static final Duration PART_WAIT = Duration.ofMinutes(5);

	private final Semaphore permits;

	private final int partSize;

	private final int perUpload;

	private final Duration wait;

	PartBuffers(UploadProperties properties) {
		this.partSize = (int) properties.partSize().toBytes();
		this.perUpload = properties.buffersPerUpload();
		this.permits = new Semaphore((int) (properties.bufferMemory().toBytes() / this.partSize));
		this.wait = properties.bufferWait();
	}

	int partSize() {
		return this.partSize;
	}

	/**
	 * Reserves one upload's buffers.
	 * @return the lease, to be closed when the upload's parts are all sent or abandoned
	 * @throws UploadsBusy if the memory is spent for longer than the configured wait
	 */
	Lease lease() {
		try {
			if (!this.permits.tryAcquire(this.perUpload, this.wait.toMillis(), TimeUnit.MILLISECONDS)) {
				throw new UploadsBusy();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new UploadsBusy();
		}
		return new Lease();
	}

	/**
	 * One upload's buffers: taken by the thread reading the request, given back by the
	 * part uploads once S3 has the bytes.
	 */
	final class Lease implements AutoCloseable {

		private final BlockingQueue<byte[]> free = new LinkedBlockingQueue<>();

		private int created;

		private boolean closed;

		/**
		 * A buffer to fill: a returned one, a new one while the lease allows, otherwise
		 * the next one a finished part gives back.
		 * @return the buffer
		 * @throws StorageUnavailable if no part finished in time
		 */
		byte[] take() {
			byte[] buffer = this.free.poll();
			if (buffer != null) {
				return buffer;
			}
			if (this.created < PartBuffers.this.perUpload) {
				this.created++;
				return new byte[PartBuffers.this.partSize];
			}
			try {
				buffer = this.free.poll(PART_WAIT.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new StorageUnavailable();
			}
			if (buffer == null) {
				throw new StorageUnavailable();
			}
			return buffer;
		}

		void give(byte[] buffer) {
			this.free.add(buffer);
		}

		@Override
		public void close() {
			if (!this.closed) {
				this.closed = true;
				this.free.clear();
				PartBuffers.this.permits.release(PartBuffers.this.perUpload);
			}
		}

	}

}
