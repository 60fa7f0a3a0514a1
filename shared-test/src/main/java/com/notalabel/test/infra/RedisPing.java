package com.notalabel.test.infra;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Asks a Redis server for PONG over a plain socket, which is quicker than starting a
 * client and tells a listening port from a server that is ready.
 */
final class RedisPing {

	private static final byte[] PING = "PING\r\n".getBytes(StandardCharsets.US_ASCII);

	private static final String PONG = "+PONG";

	private RedisPing() {
	}

	static boolean answers(String host, int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(host, port), 1000);
			socket.setSoTimeout(2000);
			socket.getOutputStream().write(PING);
			socket.getOutputStream().flush();
			return PONG.equals(readLine(socket.getInputStream()));
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * Waits until the server answers.
	 * @param host the host
	 * @param port the port
	 * @param timeout how long a healthy server may take to start
	 * @param whyNot describes the failure, asked only when the server does not answer
	 * @throws IllegalStateException if the server does not answer in time
	 */
	static void await(String host, int port, Duration timeout, Supplier<String> whyNot) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!answers(host, port)) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("Redis at " + host + ":" + port + " did not answer PING within "
						+ timeout.toSeconds() + "s. " + whyNot.get());
			}
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while waiting for Redis at " + host + ":" + port, ex);
			}
		}
	}

	private static String readLine(InputStream input) throws IOException {
		StringBuilder line = new StringBuilder();
		int next;
		while ((next = input.read()) != -1 && next != '\r' && line.length() < 256) {
			line.append((char) next);
		}
		return line.toString();
	}

}
