package com.notalabel.bench.chaos;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 written by hand on a socket, for what a well-behaved client refuses to send:
 * bad percent-encoding, a body shorter than its {@code Content-Length}, a body that stops
 * arriving, a URL or headers past every limit.
 */
final class RawHttp {

	private final String host;

	private final int port;

	RawHttp(String host, int port) {
		this.host = host;
		this.port = port;
	}

	/**
	 * What to send and how.
	 *
	 * @param method the method
	 * @param target the request target, sent byte for byte
	 * @param headers the headers ({@code Host} and {@code Connection: close} are added)
	 * @param body the bytes of the body that are actually sent
	 * @param halfClose after the body, close the sending side (a client that went away
	 * mid-body)
	 * @param timeout how long to wait for the answer
	 */
	record Request(String method, String target, Map<String, String> headers, byte[] body, boolean halfClose,
			Duration timeout) {

		static Request of(String method, String target) {
			return new Request(method, target, new LinkedHashMap<>(), new byte[0], false, Duration.ofSeconds(30));
		}

		Request header(String name, String value) {
			Map<String, String> more = new LinkedHashMap<>(this.headers);
			more.put(name, value);
			return new Request(this.method, this.target, more, this.body, this.halfClose, this.timeout);
		}

		Request body(byte[] content) {
			return new Request(this.method, this.target, this.headers, content, this.halfClose, this.timeout);
		}

		/**
		 * @param wait how long to wait, the body sent so far and nothing more, for the
		 * answer
		 * @return this request, its connection kept open after the body without a byte
		 * more
		 */
		Request stalled(Duration wait) {
			return new Request(this.method, this.target, this.headers, this.body, false, wait);
		}

		Request timeout(Duration wait) {
			return new Request(this.method, this.target, this.headers, this.body, this.halfClose, wait);
		}

		Request halfClosed() {
			return new Request(this.method, this.target, this.headers, this.body, true, this.timeout);
		}

	}

	Exchange send(Request request, String label) {
		long start = System.nanoTime();
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(this.host, this.port), 5000);
			socket.setSoTimeout((int) request.timeout().toMillis());
			StringBuilder head = new StringBuilder();
			head.append(request.method()).append(' ').append(request.target()).append(" HTTP/1.1\r\n");
			head.append("Host: ").append(this.host).append(':').append(this.port).append("\r\n");
			request.headers().forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
			head.append("Connection: close\r\n\r\n");
			OutputStream out = socket.getOutputStream();
			out.write(head.toString().getBytes(StandardCharsets.UTF_8));
			out.write(request.body());
			out.flush();
			if (request.halfClose()) {
				socket.shutdownOutput();
			}
			return read(socket.getInputStream(), request, label, start);
		}
		catch (SocketTimeoutException ex) {
			return Exchange.noAnswer(request.method(), request.target(), label,
					"no answer within " + request.timeout().toSeconds() + " s", millisSince(start));
		}
		catch (IOException ex) {
			return Exchange.noAnswer(request.method(), request.target(), label, "no answer: " + ex.getMessage(),
					millisSince(start));
		}
	}

	private static Exchange read(InputStream in, Request request, String label, long start) throws IOException {
		ByteArrayOutputStream all = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		int headEnd = -1;
		Map<String, String> headers = new LinkedHashMap<>();
		int status = Exchange.NO_ANSWER;
		long contentLength = -1;
		boolean chunked = false;
		try {
			for (int read; (read = in.read(buffer)) != -1;) {
				all.write(buffer, 0, read);
				if (headEnd < 0) {
					headEnd = indexOf(all.toByteArray(), "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
					if (headEnd >= 0) {
						String[] lines = new String(all.toByteArray(), 0, headEnd, StandardCharsets.ISO_8859_1)
							.split("\r\n");
						status = Integer.parseInt(lines[0].split(" ")[1]);
						for (int i = 1; i < lines.length; i++) {
							int colon = lines[i].indexOf(':');
							if (colon > 0) {
								headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
										lines[i].substring(colon + 1).trim());
							}
						}
						contentLength = Long.parseLong(headers.getOrDefault("content-length", "-1"));
						chunked = headers.getOrDefault("transfer-encoding", "").contains("chunked");
						if (headers.getOrDefault("content-type", "").startsWith("text/event-stream")) {
							// An event stream stays open: its head is the answer.
							break;
						}
					}
				}
				if (headEnd >= 0 && contentLength >= 0 && all.size() - headEnd - 4 >= contentLength) {
					break;
				}
			}
		}
		catch (IOException ex) {
			// A reset after the answer arrived (the server closing a half-read request) ends the answer.
			if (headEnd < 0) {
				throw ex;
			}
		}
		if (headEnd < 0) {
			return Exchange.noAnswer(request.method(), request.target(), label, "closed without an answer",
					millisSince(start));
		}
		byte[] bytes = all.toByteArray();
		byte[] body = java.util.Arrays.copyOfRange(bytes, headEnd + 4, bytes.length);
		if (chunked) {
			body = dechunk(body);
		}
		return new Exchange(request.method(), request.target(), label, status, headers.getOrDefault("content-type", ""),
				body, millisSince(start));
	}

	private static byte[] dechunk(byte[] chunked) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		int at = 0;
		while (at < chunked.length) {
			int lineEnd = indexOf(java.util.Arrays.copyOfRange(chunked, at, chunked.length),
					"\r\n".getBytes(StandardCharsets.US_ASCII));
			if (lineEnd < 0) {
				break;
			}
			String size = new String(chunked, at, lineEnd, StandardCharsets.US_ASCII).split(";")[0].trim();
			int length = size.isEmpty() ? 0 : Integer.parseInt(size, 16);
			if (length == 0) {
				break;
			}
			int from = at + lineEnd + 2;
			body.write(chunked, from, Math.min(length, chunked.length - from));
			at = from + length + 2;
		}
		return body.toByteArray();
	}

	private static int indexOf(byte[] haystack, byte[] needle) {
		outer: for (int i = 0; i <= haystack.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	private static long millisSince(long start) {
		return Duration.ofNanos(System.nanoTime() - start).toMillis();
	}

}
