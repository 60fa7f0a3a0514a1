package com.notalabel.analytics.report;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import org.jspecify.annotations.Nullable;

/**
 * Hands the parsed usage lines, in batches, to a thread of their own that passes them on
 * to the next sink (matching, totals, the COPY's encoding and writes, ADR 52), so that
 * reading the upload, hashing and parsing it run beside them on the other core rather
 * than one after the other. Memory is bounded by the batches in flight (some 8,000
 * lines).
 *
 * <p>
 * The first line is passed on in the caller's thread: it opens the COPY, which may make a
 * partition or a staging table on the import's connection, bound to that thread. Later
 * lines only write to the open COPY, and only the line thread uses the connection until
 * {@link #finish()} or {@link #close()} has waited for it. A failure in the line thread
 * reaches the caller at its next batch, or at {@link #finish()}.
 */
final class PipelinedLines implements LineSink, AutoCloseable {

	private static final int BATCH = 1024;

	private static final int BATCHES = 8;

	/** Marks the end of the lines. */
	private static final UsageLine[] END = new UsageLine[0];

	private final LineSink next;

	private final String name;

	private final BlockingQueue<UsageLine[]> batches = new ArrayBlockingQueue<>(BATCHES);

	private UsageLine[] batch = new UsageLine[BATCH];

	private int size;

	private boolean first = true;

	private @Nullable Thread thread;

	private boolean ended;

	private volatile @Nullable RuntimeException failure;

	/**
	 * @param next where the lines go
	 * @param name the line thread's name
	 */
	PipelinedLines(LineSink next, String name) {
		this.next = next;
		this.name = name;
	}

	@Override
	public void start(String format) {
		this.next.start(format);
	}

	@Override
	public void accept(UsageLine line) {
		if (this.first) {
			this.first = false;
			this.next.accept(line);
			this.thread = Thread.ofPlatform().name(this.name).daemon(true).start(this::pass);
			return;
		}
		this.batch[this.size++] = line;
		if (this.size == BATCH) {
			handOver();
		}
	}

	private void handOver() {
		rethrow();
		put(this.batch);
		this.batch = new UsageLine[BATCH];
		this.size = 0;
	}

	/**
	 * Hands over the last lines and waits until every line has been passed on.
	 * @throws RuntimeException what the line thread failed with
	 */
	void finish() {
		if (this.thread != null && this.size > 0) {
			handOver();
		}
		end();
		rethrow();
	}

	/**
	 * What the line thread failed with, once it has stopped ({@link #close()}): it went
	 * ahead of the caller's own failure, so that its line is the earlier one.
	 */
	@Nullable RuntimeException failure() {
		return this.failure;
	}

	/** Waits for the line thread to stop, whatever happened; idempotent. */
	@Override
	public void close() {
		end();
	}

	private void end() {
		if (this.ended) {
			return;
		}
		this.ended = true;
		if (this.thread == null) {
			return;
		}
		put(END);
		boolean interrupted = false;
		while (true) {
			try {
				this.thread.join();
				break;
			}
			catch (InterruptedException ex) {
				// The connection is the line thread's until it stops; it stops at the end mark.
				interrupted = true;
			}
		}
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
	}

	private void put(UsageLine[] lines) {
		boolean interrupted = false;
		while (true) {
			try {
				// The line thread takes every batch until the end mark, even after a failure.
				this.batches.put(lines);
				break;
			}
			catch (InterruptedException ex) {
				interrupted = true;
			}
		}
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
	}

	private void rethrow() {
		RuntimeException failed = this.failure;
		if (failed != null) {
			throw failed;
		}
	}

	private void pass() {
		while (true) {
			UsageLine[] lines;
			try {
				lines = this.batches.take();
			}
			catch (InterruptedException ex) {
				// Nobody interrupts this thread but the JVM's end; the transaction then goes too.
				Thread.currentThread().interrupt();
				return;
			}
			if (lines == END) {
				return;
			}
			if (this.failure != null) {
				continue;
			}
			try {
				for (UsageLine line : lines) {
					if (line == null) {
						break;
					}
					this.next.accept(line);
				}
			}
			catch (RuntimeException ex) {
				this.failure = ex;
			}
			catch (Error ex) {
				// Stopping here would leave the caller waiting on a full queue: it hears of it instead.
				this.failure = new IllegalStateException("The import's line thread failed", ex);
			}
		}
	}

}
