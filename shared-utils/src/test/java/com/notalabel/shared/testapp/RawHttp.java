package com.notalabel.shared.testapp;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.notalabel.test.http.Response;

/**
 * Sends bytes as they are over a socket, for requests an HTTP client refuses to make (a
 * malformed request line, an unknown HTTP version, undecodable percent-encoding), and
 * reads the answer with {@code Connection: close}.
 */
public final class RawHttp {

	private final int port;

	public RawHttp(int port) {
		this.port = port;
	}

	/**
	 * Sends a request line and headers, adding {@code Host} and
	 * {@code Connection: close}.
	 * @param requestLine e.g. {@code GET /x HTTP/1.1}
	 * @param headers further header lines, each ending in CRLF
	 * @return the answer
	 */
	public Response send(String requestLine, String headers) {
		return sendBytes((requestLine + "\r\nHost: localhost\r\nConnection: close\r\n" + headers + "\r\n")
			.getBytes(StandardCharsets.ISO_8859_1));
	}

	/**
	 * Sends a request with a body, adding {@code Content-Length} too.
	 * @param requestLine e.g. {@code POST /x HTTP/1.1}
	 * @param headers further header lines, each ending in CRLF
	 * @param body the body, sent as UTF-8
	 * @return the answer
	 */
	public Response send(String requestLine, String headers, String body) {
		byte[] content = body.getBytes(StandardCharsets.UTF_8);
		byte[] head = (requestLine + "\r\nHost: localhost\r\nConnection: close\r\n" + headers + "Content-Length: "
				+ content.length + "\r\n\r\n")
			.getBytes(StandardCharsets.ISO_8859_1);
		byte[] request = new byte[head.length + content.length];
		System.arraycopy(head, 0, request, 0, head.length);
		System.arraycopy(content, 0, request, head.length, content.length);
		return sendBytes(request);
	}

	public Response sendBytes(byte[] request) {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(10_000);
			socket.getOutputStream().write(request);
			socket.getOutputStream().flush();
			return parse(socket.getInputStream().readAllBytes());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Response parse(byte[] raw) throws IOException {
		String all = new String(raw, StandardCharsets.ISO_8859_1);
		int end = all.indexOf("\r\n\r\n");
		if (end < 0) {
			throw new IllegalStateException("No complete response head in: " + all);
		}
		String[] lines = all.substring(0, end).split("\r\n");
		int status = Integer.parseInt(lines[0].split(" ")[1]);
		Map<String, List<String>> headers = new LinkedHashMap<>();
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			headers.computeIfAbsent(lines[i].substring(0, colon).trim(), (name) -> new ArrayList<>())
				.add(lines[i].substring(colon + 1).trim());
		}
		byte[] body = Arrays.copyOfRange(raw, end + 4, raw.length);
		boolean chunked = headers.entrySet()
			.stream()
			.anyMatch((header) -> header.getKey().equalsIgnoreCase("Transfer-Encoding")
					&& header.getValue().getFirst().toLowerCase(Locale.ROOT).contains("chunked"));
		if (chunked) {
			body = dechunk(new ByteArrayInputStream(body));
		}
		return new Response(status, HttpHeaders.of(headers, (name, value) -> true), body, 0);
	}

	private static byte[] dechunk(InputStream in) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		while (true) {
			StringBuilder size = new StringBuilder();
			int c;
			while ((c = in.read()) != '\n') {
				if (c < 0) {
					return out.toByteArray();
				}
				if (c != '\r') {
					size.append((char) c);
				}
			}
			int length = Integer.parseInt(size.toString().split(";")[0].trim(), 16);
			if (length == 0) {
				return out.toByteArray();
			}
			out.write(in.readNBytes(length));
			in.readNBytes(2);
		}
	}

}
