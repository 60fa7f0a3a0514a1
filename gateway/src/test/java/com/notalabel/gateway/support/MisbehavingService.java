package com.notalabel.gateway.support;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A service that accepts connections and then breaks the exchange the way a crashing,
 * half-dead or misconfigured process does, chosen by the last segment of the request path
 * ({@link Misbehaviour#segment()}); any other path gets a plain {@code 200}. A bare
 * socket, since an HTTP server library would not let a test reset a connection or stop
 * half-way through an answer. Bytes that do not start like an HTTP request (a TLS
 * handshake, for instance) are answered with bytes that are not TLS either.
 */
public final class MisbehavingService implements AutoCloseable {

	private final ServerSocket server;

	private final ExecutorService connections = Executors.newVirtualThreadPerTaskExecutor();

	private final AtomicInteger requests = new AtomicInteger();

	private MisbehavingService(ServerSocket server) {
		this.server = server;
		this.connections.execute(this::accept);
	}

	public static MisbehavingService start() {
		try {
			return new MisbehavingService(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public String url() {
		return "http://127.0.0.1:" + port();
	}

	public int port() {
		return this.server.getLocalPort();
	}

	/** How many requests (or handshakes) reached this service. */
	public int requests() {
		return this.requests.get();
	}

	@Override
	public void close() {
		try {
			this.server.close();
		}
		catch (IOException ex) {
			// Closing anyway.
		}
		this.connections.shutdownNow();
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try {
				Socket socket = this.server.accept();
				this.connections.execute(() -> serve(socket));
			}
			catch (IOException ex) {
				// Closed.
			}
		}
	}

	private void serve(Socket socket) {
		try (socket) {
			socket.setSoTimeout(10_000);
			InputStream in = new BufferedInputStream(socket.getInputStream());
			OutputStream out = socket.getOutputStream();
			this.requests.incrementAndGet();
			in.mark(1);
			int first = in.read();
			if (first < 'A' || first > 'Z') {
				out.write("this is not TLS\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
				out.flush();
				return;
			}
			in.reset();
			String head = readHead(in);
			String target = head.substring(head.indexOf(' ') + 1, head.indexOf(' ', head.indexOf(' ') + 1));
			String path = (target.indexOf('?') >= 0) ? target.substring(0, target.indexOf('?')) : target;
			Misbehaviour misbehaviour = Misbehaviour.of(path.substring(path.lastIndexOf('/') + 1));
			if (misbehaviour == Misbehaviour.RESET_ON_REQUEST) {
				reset(socket);
				return;
			}
			if (misbehaviour == Misbehaviour.RESET_MID_REQUEST) {
				in.readNBytes(1024);
				reset(socket);
				return;
			}
			readBody(in, head);
			if (misbehaviour == null) {
				write(out, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 11\r\n"
						+ "Connection: close\r\n\r\n{\"ok\":true}");
				return;
			}
			switch (misbehaviour) {
				case CLOSE_WITHOUT_ANSWER -> {
					// The try-with-resources closes the socket: a FIN, no answer.
				}
				case CLOSE_AFTER_HEADERS ->
					write(out, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n");
				case CLOSE_MID_BODY -> write(out, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
						+ "Transfer-Encoding: chunked\r\n\r\n10\r\n{\"items\":[1,2,3,\r\n");
				case ANSWER_GARBAGE -> write(out, "HELLO THERE\r\n\r\n");
				default -> throw new IllegalStateException(misbehaviour.name());
			}
		}
		catch (IOException ex) {
			// The gateway went away first; nothing to break.
		}
	}

	private static void reset(Socket socket) throws IOException {
		socket.setSoLinger(true, 0);
		socket.close();
	}

	private static void write(OutputStream out, String text) throws IOException {
		out.write(text.getBytes(StandardCharsets.US_ASCII));
		out.flush();
	}

	private static String readHead(InputStream in) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		int matched = 0;
		byte[] end = { '\r', '\n', '\r', '\n' };
		while (matched < end.length) {
			int b = in.read();
			if (b < 0) {
				throw new IOException("Closed within the request head");
			}
			head.write(b);
			matched = (b == end[matched]) ? matched + 1 : ((b == '\r') ? 1 : 0);
		}
		return head.toString(StandardCharsets.ISO_8859_1);
	}

	/** Reads a body framed by {@code Content-Length} or chunked, and drops it. */
	private static void readBody(InputStream in, String head) throws IOException {
		String lower = head.toLowerCase(Locale.ROOT);
		if (lower.contains("\r\ntransfer-encoding: chunked")) {
			while (true) {
				String sizeLine = readLine(in);
				int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
				in.readNBytes(size);
				readLine(in);
				if (size == 0) {
					return;
				}
			}
		}
		int at = lower.indexOf("\r\ncontent-length:");
		if (at >= 0) {
			int from = at + "\r\ncontent-length:".length();
			long length = Long.parseLong(lower.substring(from, lower.indexOf('\r', from)).trim());
			in.readNBytes((int) length);
		}
	}

	private static String readLine(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		int b;
		while ((b = in.read()) >= 0 && b != '\n') {
			if (b != '\r') {
				line.write(b);
			}
		}
		return line.toString(StandardCharsets.US_ASCII);
	}

	/**
	 * What the service does with a request, by the last segment of its path.
	 */
	public enum Misbehaviour {

		/** Reads the request head, then resets the connection. */
		RESET_ON_REQUEST("reset"),

		/**
		 * Reads the head and the first kilobyte of the body, then resets the connection.
		 */
		RESET_MID_REQUEST("reset-mid-request"),

		/** Reads the whole request, then closes the connection without answering. */
		CLOSE_WITHOUT_ANSWER("close"),

		/** Answers a status line and headers that promise a body, then closes. */
		CLOSE_AFTER_HEADERS("close-after-headers"),

		/** Starts a chunked body, then closes before its last chunk. */
		CLOSE_MID_BODY("close-mid-body"),

		/** Answers bytes that are not an HTTP response. */
		ANSWER_GARBAGE("garbage");

		private final String segment;

		Misbehaviour(String segment) {
			this.segment = segment;
		}

		public String segment() {
			return this.segment;
		}

		static Misbehaviour of(String segment) {
			return Arrays.stream(values()).filter((m) -> m.segment.equals(segment)).findFirst().orElse(null);
		}

	}

}
