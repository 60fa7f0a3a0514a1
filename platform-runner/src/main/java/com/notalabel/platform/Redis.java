package com.notalabel.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import org.jspecify.annotations.Nullable;

import redis.embedded.RedisServer;

/**
 * The platform's Redis: the machine's when it answers PING (PLATFORM_REDIS_HOST/PORT, by
 * default 127.0.0.1:6379), otherwise a Redis server binary from Maven with its
 * append-only file under {@code .platform/data/redis}.
 */
final class Redis implements AutoCloseable {

	private final String host;

	private final int port;

	private final @Nullable RedisServer embedded;

	private Redis(String host, int port, @Nullable RedisServer embedded) {
		this.host = host;
		this.port = port;
		this.embedded = embedded;
	}

	static Redis start(Layout layout) throws IOException {
		String host = Postgres.env("PLATFORM_REDIS_HOST", "127.0.0.1");
		int port = Integer.parseInt(Postgres.env("PLATFORM_REDIS_PORT", "6379"));
		if (pong(host, port)) {
			Console.log("Redis: using the one at " + host + ":" + port);
			return new Redis(host, port, null);
		}
		int embeddedPort = Ports.preferring(port);
		Console.log("Redis: starting an embedded server on 127.0.0.1:" + embeddedPort);
		Files.createDirectories(layout.data("redis"));
		RedisServer server = RedisServer.newRedisServer()
			.port(embeddedPort)
			.bind("127.0.0.1")
			.setting("appendonly yes")
			.setting("dir " + layout.data("redis").toAbsolutePath())
			.build();
		server.start();
		return new Redis("127.0.0.1", embeddedPort, server);
	}

	boolean embedded() {
		return this.embedded != null;
	}

	String endpoint() {
		return this.host + ":" + this.port;
	}

	String url() {
		return "redis://" + this.host + ":" + this.port;
	}

	static boolean pong(String host, int port) {
		if (!Ports.answers(host, port)) {
			return false;
		}
		try (Socket socket = new Socket(host, port)) {
			socket.setSoTimeout(1000);
			OutputStream out = socket.getOutputStream();
			out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			byte[] reply = new byte[7];
			int read = in.readNBytes(reply, 0, 7);
			return new String(reply, 0, read, StandardCharsets.US_ASCII).startsWith("+PONG");
		}
		catch (IOException ex) {
			return false;
		}
	}

	@Override
	public void close() throws IOException {
		if (this.embedded != null) {
			this.embedded.stop();
		}
	}

}
