package com.notalabel.music.upload;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.notalabel.test.security.TestKeySet;

/**
 * An upload written byte for byte on a plain socket, to send what no HTTP client sends: a
 * body shorter than its declared length, a body that stops arriving, part headers that
 * are not UTF-8. The request asks the server to close the connection after answering, so
 * that the answer is everything read until then.
 */
final class RawUpload {

	static final String BOUNDARY = "nal-raw-upload";

	private RawUpload() {
	}

	/**
	 * A whole {@code multipart/form-data} body with one file part.
	 * @param disposition the part's {@code Content-Disposition} value, as bytes, so that
	 * they need not be UTF-8
	 * @param content the file
	 * @return the body, closing boundary and final line break included
	 */
	static byte[] body(byte[] disposition, byte[] content) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: ").getBytes(StandardCharsets.US_ASCII));
		body.writeBytes(disposition);
		body.writeBytes("\r\nContent-Type: application/octet-stream\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
		return body.toByteArray();
	}

	static byte[] body(String fileName, byte[] content) {
		return body(("form-data; name=\"file\"; filename=\"" + fileName + "\"").getBytes(StandardCharsets.UTF_8),
				content);
	}

	/**
	 * Posts an upload and reads the answer.
	 * @param port the service's port
	 * @param artist the uploading artist
	 * @param sent the bytes of the body actually sent
	 * @param declaredLength the {@code Content-Length} declared, or -1 to send the bytes
	 * as one chunk of a chunked body (without its last chunk unless {@code then} is
	 * {@link Then#FINISH})
	 * @param then what the client does once the bytes are sent
	 * @return the answer
	 */
	static Reply post(int port, UUID artist, byte[] sent, long declaredLength, Then then) {
		long started = System.nanoTime();
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(60_000);
			OutputStream out = socket.getOutputStream();
			out.write(("POST /api/v1/tracks HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAuthorization: Bearer "
					+ TestKeySet.shared().accessToken(artist) + "\r\nContent-Type: multipart/form-data; boundary="
					+ BOUNDARY + "\r\nConnection: close\r\n"
					+ ((declaredLength >= 0) ? "Content-Length: " + declaredLength : "Transfer-Encoding: chunked")
					+ "\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			if (declaredLength < 0) {
				out.write((Integer.toHexString(sent.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
			}
			out.write(sent);
			if (declaredLength < 0) {
				out.write(((then == Then.FINISH) ? "\r\n0\r\n\r\n" : "\r\n").getBytes(StandardCharsets.US_ASCII));
			}
			out.flush();
			if (then == Then.CLOSE) {
				// Half-closed, as a client whose connection dropped: it cannot send more, and
				// the server can still answer.
				socket.shutdownOutput();
			}
			return Reply.parse(readAll(socket.getInputStream()), Duration.ofNanos(System.nanoTime() - started));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static byte[] readAll(InputStream in) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		try {
			int read;
			while ((read = in.read(buffer)) >= 0) {
				bytes.write(buffer, 0, read);
			}
		}
		catch (SocketException ex) {
			// A reset after the answer: what arrived counts.
		}
		return bytes.toByteArray();
	}

	/**
	 * What the client does after sending its bytes.
	 */
	enum Then {

		/** Stops sending and keeps the connection open, as a client on a dead network. */
		STALL,

		/** Closes its side of the connection, as a client whose connection dropped. */
		CLOSE,

		/** Nothing more: the body was all sent (a chunked body gets its last chunk). */
		FINISH

	}

	/**
	 * An answer.
	 *
	 * @param status the status code
	 * @param headers the headers, names in lower case
	 * @param body the body as text
	 * @param after how long after connecting it arrived complete
	 */
	record Reply(int status, Map<String, String> headers, String body, Duration after) {

		static Reply parse(byte[] bytes, Duration after) {
			String response = new String(bytes, StandardCharsets.ISO_8859_1);
			int headEnd = response.indexOf("\r\n\r\n");
			if (headEnd < 0) {
				throw new IllegalStateException("No answer: [" + response + "]");
			}
			String[] lines = response.substring(0, headEnd).split("\r\n");
			Map<String, String> headers = new LinkedHashMap<>();
			for (int i = 1; i < lines.length; i++) {
				int colon = lines[i].indexOf(':');
				headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
						lines[i].substring(colon + 1).strip());
			}
			byte[] body = Arrays.copyOfRange(bytes, headEnd + 4, bytes.length);
			if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
				body = dechunk(body);
			}
			return new Reply(Integer.parseInt(lines[0].substring(9, 12)), headers,
					new String(body, StandardCharsets.UTF_8), after);
		}

		JsonNode json() {
			return JsonMapper.shared().readTree(this.body);
		}

		String code() {
			return json().path("code").asString();
		}

		private static byte[] dechunk(byte[] body) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			String text = new String(body, StandardCharsets.ISO_8859_1);
			int position = 0;
			while (true) {
				int lineEnd = text.indexOf("\r\n", position);
				int size = Integer.parseInt(text.substring(position, lineEnd).strip(), 16);
				if (size == 0) {
					return out.toByteArray();
				}
				out.write(body, lineEnd + 2, size);
				position = lineEnd + 2 + size + 2;
			}
		}

	}

}
