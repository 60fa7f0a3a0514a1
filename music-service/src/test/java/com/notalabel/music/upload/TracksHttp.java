package com.notalabel.music.upload;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.notalabel.test.http.Multipart;
import com.notalabel.test.http.Response;
import com.notalabel.test.http.TestHttp;
import com.notalabel.test.security.TestKeySet;

/**
 * The tracks API over real HTTP, as an artist's client calls it (the shared
 * {@link TestHttp}, a token per call). Redirects are not followed, so that tests see
 * them.
 */
public final class TracksHttp {

	private final TestHttp http;

	private final int port;

	public TracksHttp(int port) {
		this.port = port;
		this.http = TestHttp.on(port);
	}

	public Response upload(UUID user, Multipart body) {
		return upload(user, body, true);
	}

	public Response upload(UUID user, Multipart body, boolean declareLength) {
		return as(user, this.http.post("/api/v1/tracks")).multipart(body, declareLength).send();
	}

	public Response get(UUID user, String path) {
		return as(user, this.http.get(path)).send();
	}

	/** A call without a token. */
	public Response anonymous(String path) {
		return this.http.get(path).send();
	}

	public Response patch(UUID user, String path, String json) {
		return as(user, this.http.patch(path)).body("application/merge-patch+json", json).send();
	}

	public Response delete(UUID user, String path) {
		return as(user, this.http.delete(path)).send();
	}

	/** Fetches a URL as a browser would, e.g. a presigned download. */
	public Response fetch(URI url) {
		return TestHttp.fetch(url);
	}

	/**
	 * Sends an upload over a plain socket, the body written by another thread while this
	 * one waits for the answer: what a client sees when the server refuses a large body
	 * before (or while) it arrives, without the HTTP client's own handling of an early
	 * answer in the way.
	 * @param user the artist
	 * @param body the multipart body
	 * @param contentLength the length to declare, or {@code null} to send it chunked
	 * @return the status and body
	 */
	public Response postRaw(UUID user, Multipart body, @Nullable Long contentLength) {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			out.write(("POST /api/v1/tracks HTTP/1.1\r\nHost: 127.0.0.1:" + this.port + "\r\nAuthorization: Bearer "
					+ TestKeySet.shared().accessToken(user) + "\r\nContent-Type: " + body.contentType() + "\r\n"
					+ ((contentLength != null) ? "Content-Length: " + contentLength : "Transfer-Encoding: chunked")
					+ "\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			Thread writer = Thread.ofVirtual().start(() -> write(body, contentLength == null, out));
			String response = readResponse(socket.getInputStream());
			writer.interrupt();
			int headEnd = response.indexOf("\r\n\r\n");
			String head = response.substring(0, headEnd);
			String text = response.substring(headEnd + 4);
			if (head.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")) {
				text = dechunk(text);
			}
			return new Response(Integer.parseInt(head.substring(9, 12)),
					HttpHeaders.of(Map.of(), (name, value) -> true), text.getBytes(StandardCharsets.UTF_8), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void write(Multipart body, boolean chunked, OutputStream out) {
		byte[] buffer = new byte[64 << 10];
		try (InputStream in = body.stream()) {
			int read;
			while ((read = in.read(buffer)) >= 0) {
				if (chunked) {
					out.write((Integer.toHexString(read) + "\r\n").getBytes(StandardCharsets.US_ASCII));
				}
				out.write(buffer, 0, read);
				if (chunked) {
					out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
				}
			}
			if (chunked) {
				out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
			}
			out.flush();
		}
		catch (IOException ex) {
			// The server stopped reading: expected when it refuses the upload.
		}
	}

	private static TestHttp.Request as(UUID user, TestHttp.Request request) {
		return request.bearer(TestKeySet.shared().accessToken(user));
	}

	/** Reads until the server closes, or a whole response has arrived. */
	private static String readResponse(InputStream in) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		int read;
		try {
			while ((read = in.read(buffer)) >= 0) {
				bytes.write(buffer, 0, read);
				String sofar = bytes.toString(StandardCharsets.UTF_8);
				if (sofar.contains("\r\n\r\n") && (sofar.endsWith("\r\n0\r\n\r\n") || complete(sofar))) {
					break;
				}
			}
		}
		catch (java.net.SocketException ex) {
			// The server may reset the connection after answering; what arrived counts.
		}
		return bytes.toString(StandardCharsets.UTF_8);
	}

	private static boolean complete(String response) {
		int headEnd = response.indexOf("\r\n\r\n");
		for (String line : response.substring(0, headEnd).split("\r\n")) {
			if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
				return response.length() - headEnd - 4 >= Integer.parseInt(line.substring(15).strip());
			}
		}
		return false;
	}

	private static String dechunk(String body) {
		StringBuilder out = new StringBuilder();
		int position = 0;
		while (true) {
			int lineEnd = body.indexOf("\r\n", position);
			int size = Integer.parseInt(body.substring(position, lineEnd).strip(), 16);
			if (size == 0) {
				return out.toString();
			}
			out.append(body, lineEnd + 2, lineEnd + 2 + size);
			position = lineEnd + 2 + size + 2;
		}
	}

}
