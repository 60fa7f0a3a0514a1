package com.notalabel.bench.notification;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Many browsers' {@code EventSource}s on one selector thread: each connection sends its
 * request, then every stamped event it reads ({@code bench-t=<epoch micros>;} in the
 * data, as the publisher wrote it) becomes one latency sample, the time from the stamp to
 * the read. A plain NIO client so that the client's own cost per connection stays small
 * beside the server's: one shared read buffer, a few bytes of carry-over per connection.
 */
final class SseCrowd implements AutoCloseable {

	private static final byte[] STAMP = "bench-t=".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] READY = "unread-count".getBytes(StandardCharsets.US_ASCII);

	private final Selector selector;

	private final InetSocketAddress server;

	private final IntFunction<String> requests;

	private final int size;

	private final Thread loop;

	private final AtomicInteger ready = new AtomicInteger();

	private final AtomicInteger closed = new AtomicInteger();

	private final AtomicInteger refused = new AtomicInteger();

	private volatile boolean measuring;

	private volatile boolean stop;

	// Only the selector thread touches these.
	private long[] latencies = new long[1 << 16];

	private int samples;

	private long received;

	private SseCrowd(InetSocketAddress server, int size, IntFunction<String> requests) throws IOException {
		this.selector = Selector.open();
		this.server = server;
		this.size = size;
		this.requests = requests;
		this.loop = Thread.ofPlatform().name("sse-crowd").start(this::run);
	}

	/**
	 * Opens the connections, at most {@code inFlight} waiting for their first event at a
	 * time, as browsers reconnecting after a deploy would.
	 * @param server the server
	 * @param size how many
	 * @param requests the HTTP request of each, by index
	 * @return the crowd, once every connection got its first event or the time ran out
	 */
	static SseCrowd open(InetSocketAddress server, int size, IntFunction<String> requests, int inFlight,
			Duration within) throws IOException, InterruptedException {
		SseCrowd crowd = new SseCrowd(server, size, requests);
		Instant deadline = Instant.now().plus(within);
		int opened = 0;
		while (opened < size && Instant.now().isBefore(deadline)) {
			while (opened < size && opened - crowd.ready.get() - crowd.closed.get() < inFlight) {
				crowd.connect(opened++);
			}
			Thread.sleep(5);
		}
		while (crowd.ready.get() + crowd.closed.get() < opened && Instant.now().isBefore(deadline)) {
			Thread.sleep(20);
		}
		return crowd;
	}

	int ready() {
		return this.ready.get();
	}

	int closed() {
		return this.closed.get();
	}

	/**
	 * @return connections the server answered with another status than 200
	 */
	int refused() {
		return this.refused.get();
	}

	int size() {
		return this.size;
	}

	/** From now on stamped events are samples. */
	void measure() {
		this.measuring = true;
	}

	/**
	 * @return the samples so far, in microseconds, sorted (read once the publisher has
	 * stopped and the last events had time to arrive)
	 */
	synchronized long[] latencies() {
		this.measuring = false;
		long[] copy = Arrays.copyOf(this.latencies, this.samples);
		Arrays.sort(copy);
		return copy;
	}

	synchronized long received() {
		return this.received;
	}

	private void connect(int index) {
		try {
			SocketChannel channel = SocketChannel.open();
			channel.configureBlocking(false);
			channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
			channel.setOption(StandardSocketOptions.SO_RCVBUF, 16 * 1024);
			channel.connect(this.server);
			Connection connection = new Connection(index);
			synchronized (this.pending) {
				this.pending.add(new Object[] { channel, connection });
			}
			this.selector.wakeup();
		}
		catch (IOException ex) {
			this.closed.incrementAndGet();
		}
	}

	private final List<Object[]> pending = new java.util.ArrayList<>();

	private void run() {
		ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
		try {
			while (!this.stop) {
				this.selector.select(100);
				synchronized (this.pending) {
					for (Object[] entry : this.pending) {
						((SocketChannel) entry[0]).register(this.selector, SelectionKey.OP_CONNECT, entry[1]);
					}
					this.pending.clear();
				}
				var keys = this.selector.selectedKeys().iterator();
				while (keys.hasNext()) {
					SelectionKey key = keys.next();
					keys.remove();
					handle(key, buffer);
				}
			}
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private void handle(SelectionKey key, ByteBuffer buffer) {
		SocketChannel channel = (SocketChannel) key.channel();
		Connection connection = (Connection) key.attachment();
		try {
			if (key.isConnectable()) {
				channel.finishConnect();
				channel
					.write(ByteBuffer.wrap(this.requests.apply(connection.index).getBytes(StandardCharsets.US_ASCII)));
				key.interestOps(SelectionKey.OP_READ);
				return;
			}
			if (key.isReadable()) {
				buffer.clear();
				int read = channel.read(buffer);
				if (read < 0) {
					fail(key, connection);
					return;
				}
				long now = micros();
				connection.consume(buffer.array(), read, now);
			}
		}
		catch (IOException ex) {
			fail(key, connection);
		}
	}

	private void fail(SelectionKey key, Connection connection) {
		key.cancel();
		try {
			key.channel().close();
		}
		catch (IOException ex) {
			// Closing anyway.
		}
		if (!connection.gone) {
			connection.gone = true;
			this.closed.incrementAndGet();
		}
	}

	private synchronized void sample(long latency) {
		this.received++;
		if (!this.measuring) {
			return;
		}
		if (this.samples == this.latencies.length) {
			this.latencies = Arrays.copyOf(this.latencies, this.latencies.length * 2);
		}
		this.latencies[this.samples++] = latency;
	}

	static long micros() {
		Instant now = Instant.now();
		return now.getEpochSecond() * 1_000_000 + now.getNano() / 1000;
	}

	@Override
	public void close() throws InterruptedException {
		this.stop = true;
		this.selector.wakeup();
		this.loop.join();
		for (SelectionKey key : this.selector.keys()) {
			try {
				key.channel().close();
			}
			catch (IOException ex) {
				// Closing anyway.
			}
		}
		try {
			this.selector.close();
		}
		catch (IOException ex) {
			// Closing anyway.
		}
	}

	/**
	 * One connection's parse state: what is left of the last read that may be the start
	 * of a marker.
	 */
	private final class Connection {

		private final int index;

		private byte[] carry = new byte[0];

		private boolean isReady;

		private boolean answered;

		private boolean gone;

		Connection(int index) {
			this.index = index;
		}

		void consume(byte[] bytes, int length, long now) {
			if (!this.answered) {
				this.answered = true;
				if (length < 12 || bytes[9] != '2' || bytes[10] != '0' || bytes[11] != '0') {
					// Refused (a 503 when the server could not take it): a failed connection.
					this.gone = true;
					SseCrowd.this.closed.incrementAndGet();
					SseCrowd.this.refused.incrementAndGet();
					return;
				}
			}
			if (this.gone) {
				return;
			}
			byte[] data;
			if (this.carry.length == 0) {
				data = bytes;
			}
			else {
				data = new byte[this.carry.length + length];
				System.arraycopy(this.carry, 0, data, 0, this.carry.length);
				System.arraycopy(bytes, 0, data, this.carry.length, length);
				length = data.length;
			}
			if (!this.isReady && indexOf(data, length, READY, 0) >= 0) {
				this.isReady = true;
				SseCrowd.this.ready.incrementAndGet();
			}
			int from = 0;
			// A marker cut off by the end of this read is no longer than either marker less one byte.
			int keep = Math.max(0, length - (READY.length - 1));
			while (true) {
				int at = indexOf(data, length, STAMP, from);
				if (at < 0) {
					break;
				}
				int digits = at + STAMP.length;
				long stamp = 0;
				int i = digits;
				while (i < length && data[i] >= '0' && data[i] <= '9') {
					stamp = stamp * 10 + (data[i] - '0');
					i++;
				}
				if (i >= length) {
					// The stamp goes on in the next read.
					keep = at;
					break;
				}
				sample(now - stamp);
				from = i;
				keep = Math.max(i, keep);
			}
			this.carry = Arrays.copyOfRange(data, Math.min(keep, length), length);
		}

		private static int indexOf(byte[] data, int length, byte[] needle, int from) {
			outer: for (int i = from; i <= length - needle.length; i++) {
				for (int j = 0; j < needle.length; j++) {
					if (data[i + j] != needle[j]) {
						continue outer;
					}
				}
				return i;
			}
			return -1;
		}

	}

}
