package com.notalabel.gateway.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Sends a request exactly as written: HTTP clients normalise paths, refuse malformed
 * requests and always finish their bodies, which is what these tests must not let happen.
 */
public final class RawHttp {

	private RawHttp() {
	}

	/**
	 * @return the response's status line and headers, and its body
	 */
	public static String get(int port, String rawPath) {
		return send(port, "GET " + rawPath + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nConnection: close\r\n\r\n");
	}

	/**
	 * Sends the request as written and reads the whole answer, until the server closes
	 * the connection or the body its {@code Content-Length} announces has arrived.
	 * @return the response's status line and headers, and its body
	 */
	public static String send(int port, String request) {
		return send(port, request.getBytes(StandardCharsets.ISO_8859_1));
	}

	/**
	 * Sends the bytes (which may stop short of the body their head announces) and reads
	 * the answer while keeping the connection open, as a client on a bad connection
	 * would.
	 * @return the response's status line and headers, and its body
	 */
	public static String send(int port, byte[] request) {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(request);
			out.flush();
			return readResponse(socket.getInputStream());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Sends the bytes, closes the sending side (a TCP half-close) and reads the answer.
	 */
	public static String sendAndHalfClose(int port, byte[] request) {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(request);
			out.flush();
			socket.shutdownOutput();
			return readResponse(socket.getInputStream());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Sends the bytes and leaves the connection open without reading the answer: closing
	 * the returned socket is a client giving up.
	 */
	public static Socket sendAndHold(int port, byte[] request) {
		try {
			Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
			OutputStream out = socket.getOutputStream();
			out.write(request);
			out.flush();
			return socket;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A request head with a body that stops after {@code sent} of the {@code declared}
	 * bytes.
	 */
	public static byte[] partialBody(String head, int declared, int sent) {
		byte[] start = (head + "Content-Length: " + declared + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
		byte[] request = new byte[start.length + sent];
		System.arraycopy(start, 0, request, 0, start.length);
		return request;
	}

	public static int status(String response) {
		return Integer.parseInt(response.substring(9, 12));
	}

	/** The body of a response read by this class. */
	public static String body(String response) {
		return response.substring(response.indexOf("\r\n\r\n") + 4);
	}

	/** The value of a response header, or {@code null}. */
	public static String header(String response, String name) {
		String head = response.substring(0, response.indexOf("\r\n\r\n") + 2);
		String prefix = "\r\n" + name.toLowerCase(Locale.ROOT) + ":";
		int at = head.toLowerCase(Locale.ROOT).indexOf(prefix);
		return (at < 0) ? null : head.substring(at + prefix.length(), head.indexOf("\r\n", at + 2)).trim();
	}

	private static String readResponse(InputStream in) throws IOException {
		ByteArrayOutputStream response = new ByteArrayOutputStream();
		long expected = -1;
		int headEnd = -1;
		byte[] buffer = new byte[8192];
		try {
			while (headEnd < 0 || expected < 0 || response.size() < headEnd + expected) {
				int read = in.read(buffer);
				if (read < 0) {
					break;
				}
				response.write(buffer, 0, read);
				if (headEnd < 0) {
					String text = response.toString(StandardCharsets.ISO_8859_1);
					int end = text.indexOf("\r\n\r\n");
					if (end >= 0) {
						headEnd = end + 4;
						String length = header(text, "Content-Length");
						expected = (length != null) ? Long.parseLong(length) : -1;
					}
				}
			}
		}
		catch (SocketException ex) {
			// Reset after (or instead of) an answer: what arrived is the answer.
		}
		return response.toString(StandardCharsets.ISO_8859_1);
	}

}
