package com.notalabel.music.upload;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletRequestContext;
import org.jspecify.annotations.Nullable;

import com.notalabel.shared.web.ProblemException;

/**
 * An upload's request body as the multipart parser reads it, watched: how much arrived,
 * whether it ended, and why reading it failed. That is what tells a body that broke off
 * (truncated) from one that stopped arriving (timed out) and from a message that is not
 * multipart at all, and what proves, once the parser has seen the closing boundary, that
 * the body is complete.
 *
 * <p>
 * The parser stops reading at the closing boundary. A client that declared a longer
 * {@code Content-Length} than it sent would be answered there, as if its upload were
 * whole, unless the rest is read: {@link #readToEnd()} reads it, so that a connection
 * that closes early is a truncated body and one that goes silent times out. The container
 * enforces the declared length (or the chunked framing) underneath: a read returns the
 * end only once all of it arrived, and fails otherwise.
 */
final class UploadBody extends FilterInputStream {

	/**
	 * What may follow the closing boundary: the multipart epilogue, which is ignored and
	 * in practice a line break. More is not an upload, and is not read to its end.
	 */
	static final int MAX_EPILOGUE_BYTES = 64 << 10;

	private final long declaredLength;

	private long received;

	private boolean ended;

	private @Nullable IOException failure;

	private UploadBody(InputStream in, long declaredLength) {
		super(in);
		this.declaredLength = declaredLength;
	}

	/**
	 * The request's body, for the multipart parser.
	 * @param request the request, body unread
	 * @return the parser's view of the request
	 * @throws IOException if the body cannot be opened
	 */
	static Watched of(HttpServletRequest request) throws IOException {
		UploadBody body = new UploadBody(request.getInputStream(), request.getContentLengthLong());
		return new Watched(body, new JakartaServletRequestContext(request) {

			@Override
			public InputStream getInputStream() {
				return body;
			}

		});
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
		if (read < 0) {
			this.ended = true;
		}
		else {
			this.received += read;
		}
		return read;
	}

	@Override
	public long skip(long count) throws IOException {
		byte[] discarded = new byte[(int) Math.min(Math.max(count, 0), 8192)];
		int read = read(discarded, 0, discarded.length);
		return Math.max(read, 0);
	}

	/**
	 * Reads what follows the closing boundary to the end of the body.
	 * @throws IOException if the body breaks off or stops arriving before its end
	 * @throws UploadMalformed if more than an epilogue follows
	 * @throws UploadBodyTruncated if less arrived than was declared
	 */
	void readToEnd() throws IOException {
		byte[] rest = new byte[8192];
		long epilogue = 0;
		int read;
		while ((read = read(rest, 0, rest.length)) >= 0) {
			epilogue += read;
			if (epilogue > MAX_EPILOGUE_BYTES) {
				throw new UploadMalformed();
			}
		}
		if (this.declaredLength >= 0 && this.received != this.declaredLength) {
			// The container refuses an early end itself; this is in case one does not.
			throw new UploadBodyTruncated();
		}
	}

	/**
	 * Why reading the upload failed, as the client is told.
	 * @param ex what the parser or a part's stream threw
	 * @param timeout how long the container waits for a byte of the body
	 * @return the problem
	 */
	ProblemException problem(IOException ex, Duration timeout) {
		if (causedBy(this.failure, SocketTimeoutException.class) || causedBy(ex, SocketTimeoutException.class)) {
			return new UploadBodyTimedOut(timeout);
		}
		if (this.failure != null || this.ended) {
			// The connection broke, closed before the declared length, or the body ended
			// before the multipart message did.
			return new UploadBodyTruncated();
		}
		return new UploadMalformed();
	}

	private static boolean causedBy(@Nullable Throwable failure, Class<? extends Throwable> type) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The body and the parser's view of the request, reading from it.
	 *
	 * @param body the watched body
	 * @param context the request as the parser sees it
	 */
	record Watched(UploadBody body, JakartaServletRequestContext context) {

	}

}
