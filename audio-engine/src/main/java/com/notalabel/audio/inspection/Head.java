package com.notalabel.audio.inspection;

import java.util.List;

/**
 * The first bytes of an upload, as read into the upload's part buffers: every buffer but
 * the last is full. Nothing is copied; the inspection reads the buffers in place.
 */
public final class Head {

	private final List<byte[]> buffers;

	private final int bufferSize;

	private final long length;

	private final boolean complete;

	/**
	 * The head of an upload.
	 * @param buffers the buffers in order, each {@code bufferSize} long
	 * @param bufferSize the buffers' size
	 * @param length how many bytes the buffers hold, all but the last buffer full
	 * @param complete whether the upload ended within these bytes
	 */
	public Head(List<byte[]> buffers, int bufferSize, long length, boolean complete) {
		if (length > (long) buffers.size() * bufferSize) {
			throw new IllegalArgumentException("More bytes than the buffers hold");
		}
		this.buffers = List.copyOf(buffers);
		this.bufferSize = bufferSize;
		this.length = length;
		this.complete = complete;
	}

	/**
	 * A whole file in one array.
	 * @param bytes the file
	 * @return the head, complete
	 */
	public static Head of(byte[] bytes) {
		return new Head(List.of(bytes), Math.max(1, bytes.length), bytes.length, true);
	}

	public long length() {
		return this.length;
	}

	public boolean complete() {
		return this.complete;
	}

	Bytes bytes() {
		return new Bytes() {

			@Override
			public long length() {
				return Head.this.length;
			}

			@Override
			public int u8(long position) {
				if (position < 0 || position >= Head.this.length) {
					throw Truncated.INSTANCE;
				}
				return Head.this.buffers
					.get((int) (position / Head.this.bufferSize))[(int) (position % Head.this.bufferSize)] & 0xFF;
			}

		};
	}

}
