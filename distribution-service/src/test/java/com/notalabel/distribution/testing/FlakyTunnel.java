package com.notalabel.distribution.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP tunnel in front of a store that a test can cut: after a number of bytes from the
 * client it drops every connection and refuses new ones until {@link #restore()}, as a
 * store that goes down mid-batch and comes back. It can also be slow: a link of a given
 * bandwidth from the client to the store, for deliveries that must take a while.
 */
public final class FlakyTunnel implements AutoCloseable {

	private final ServerSocket server;

	private final int target;

	private final Set<Socket> open = ConcurrentHashMap.newKeySet();

	private final AtomicLong forwarded = new AtomicLong();

	private volatile long cutAfter = Long.MAX_VALUE;

	private volatile boolean down;

	private volatile long bytesPerSecond = Long.MAX_VALUE;

	private FlakyTunnel(ServerSocket server, int target) {
		this.server = server;
		this.target = target;
	}

	public static FlakyTunnel to(int port) throws IOException {
		FlakyTunnel tunnel = new FlakyTunnel(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), port);
		Thread.ofVirtual().start(tunnel::accept);
		return tunnel;
	}

	public int port() {
		return this.server.getLocalPort();
	}

	/**
	 * Goes down once this many more bytes have gone from clients to the store.
	 * @param bytes the bytes let through first
	 */
	public void cutAfter(long bytes) {
		this.forwarded.set(0);
		this.cutAfter = bytes;
	}

	/**
	 * Carries at most this many bytes a second from each client to the store.
	 * @param bandwidth bytes per second
	 */
	public void throttle(long bandwidth) {
		this.bytesPerSecond = bandwidth;
	}

	public boolean isDown() {
		return this.down;
	}

	/** Comes back up and lets everything through. */
	public void restore() {
		this.cutAfter = Long.MAX_VALUE;
		this.down = false;
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try {
				Socket client = this.server.accept();
				if (this.down) {
					client.close();
					continue;
				}
				Socket store = new Socket(InetAddress.getLoopbackAddress(), this.target);
				this.open.add(client);
				this.open.add(store);
				Thread.ofVirtual().start(() -> pump(client, store, true));
				Thread.ofVirtual().start(() -> pump(store, client, false));
			}
			catch (IOException ex) {
				// Closed, or one connection failed: go on with the next.
			}
		}
	}

	private void pump(Socket from, Socket to, boolean upstream) {
		byte[] buffer = new byte[16 * 1024];
		long started = System.nanoTime();
		long carried = 0;
		try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
			int read;
			while ((read = in.read(buffer)) != -1) {
				if (upstream && this.forwarded.addAndGet(read) > this.cutAfter) {
					cut();
					return;
				}
				out.write(buffer, 0, read);
				carried += read;
				if (upstream && this.bytesPerSecond != Long.MAX_VALUE) {
					// The link's bandwidth: what was carried may not arrive before its time.
					long due = started + carried * 1_000_000_000L / this.bytesPerSecond;
					java.util.concurrent.locks.LockSupport.parkNanos(due - System.nanoTime());
				}
			}
		}
		catch (IOException ex) {
			// The other side closed.
		}
		finally {
			closeQuietly(from);
			closeQuietly(to);
		}
	}

	private void cut() {
		this.down = true;
		for (Socket socket : this.open) {
			closeQuietly(socket);
		}
		this.open.clear();
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// Already closed.
		}
	}

	@Override
	public void close() throws IOException {
		this.server.close();
		cut();
	}

}
