package com.notalabel.analytics.report;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.jspecify.annotations.Nullable;

/**
 * A report's bytes as they arrive: counted against the size limit and hashed, so that the
 * same file is recognised the second time, and watched, so that a failure of the body
 * itself (a client that went away) is told apart from a file that cannot be read.
 */
final class RawReport extends FilterInputStream {

	private final long limit;

	private final MessageDigest sha256;

	private long received;

	private @Nullable IOException failure;

	private @Nullable String digest;

	RawReport(InputStream in, long limit) {
		super(in);
		this.limit = limit;
		try {
			this.sha256 = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public int read() throws IOException {
		byte[] one = new byte[1];
		int read = read(one, 0, 1);
		return (read < 0) ? -1 : (one[0] & 0xFF);
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		int read;
		try {
			read = this.in.read(buffer, offset, length);
		}
		catch (IOException ex) {
			this.failure = ex;
			throw ex;
		}
		if (read > 0) {
			this.received += read;
			if (this.received > this.limit) {
				throw new ReportTooLarge(this.limit);
			}
			this.sha256.update(buffer, offset, read);
		}
		return read;
	}

	@Override
	public long skip(long count) throws IOException {
		byte[] discarded = new byte[(int) Math.min(Math.max(count, 0), 8192)];
		int read = read(discarded, 0, discarded.length);
		return Math.max(read, 0);
	}

	@Override
	public boolean markSupported() {
		return false;
	}

	/** Reads what the parser left unread, so that the hash covers the whole file. */
	void drain() throws IOException {
		byte[] rest = new byte[65536];
		while (read(rest, 0, rest.length) >= 0) {
			// hashed and counted by read
		}
	}

	/** The hash of every byte read; reading ends with the first call. */
	String sha256() {
		if (this.digest == null) {
			this.digest = HexFormat.of().formatHex(this.sha256.digest());
		}
		return this.digest;
	}

	long received() {
		return this.received;
	}

	/**
	 * @return why reading the body itself failed, {@code null} if it never did
	 */
	@Nullable IOException failure() {
		return this.failure;
	}

}
