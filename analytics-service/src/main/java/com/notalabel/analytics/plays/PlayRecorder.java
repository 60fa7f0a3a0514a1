package com.notalabel.analytics.plays;

import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records plays in group commits: a request hands its play over and waits until the
 * commit that holds it; one writer takes whatever plays are waiting (up to a batch) and
 * inserts them in one transaction. A crowd of plays then costs a commit per batch, not
 * per play, and a play is answered only once it is stored: count in equals count stored.
 * Each stored batch then goes out to the live pages in one message.
 */
@Component
class PlayRecorder implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(PlayRecorder.class);

	private static final Duration MAX_WAIT = Duration.ofSeconds(10);

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final PlayProperties properties;

	private final LivePlays live;

	private final BlockingQueue<Pending> waiting;

	private volatile @Nullable Thread writer;

	private volatile boolean running;

	PlayRecorder(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, PlayProperties properties,
			LivePlays live) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.properties = properties;
		this.live = live;
		this.waiting = new LinkedBlockingQueue<>(properties.maxWaiting());
	}

	/**
	 * Stores a play, returning once it is committed.
	 * @param play the play
	 * @throws PlaysBusy if too many plays wait, or the commit did not come in time
	 */
	void record(Play play) {
		Pending pending = new Pending(play, new CompletableFuture<>());
		if (!this.running || !this.waiting.offer(pending)) {
			throw new PlaysBusy();
		}
		try {
			pending.stored().get(MAX_WAIT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PlaysBusy();
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new PlaysBusy();
		}
	}

	private void write() {
		List<Pending> batch = new ArrayList<>();
		while (this.running || !this.waiting.isEmpty()) {
			try {
				Pending first = this.waiting.poll(200, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				batch.add(first);
				this.waiting.drainTo(batch, this.properties.maxBatch() - 1);
				store(batch);
				batch.forEach((pending) -> pending.stored().complete(null));
				this.live.played(batch.stream().map(Pending::play).toList());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				log.warn("Could not store {} plays", batch.size(), ex);
				batch.forEach((pending) -> pending.stored().completeExceptionally(ex));
			}
			finally {
				batch.clear();
			}
		}
	}

	/**
	 * One statement per batch, its rows as arrays: PostgreSQL parses and plans it once,
	 * where a JDBC batch of single-row inserts executes each row on its own.
	 */
	private void store(List<Pending> batch) {
		String[] owners = new String[batch.size()];
		String[] tracks = new String[batch.size()];
		String[] times = new String[batch.size()];
		String[] visitors = new String[batch.size()];
		for (int i = 0; i < batch.size(); i++) {
			Play play = batch.get(i).play();
			owners[i] = play.ownerId().toString();
			tracks[i] = play.trackId().toString();
			times[i] = play.playedAt().toString();
			visitors[i] = play.visitor();
		}
		this.transactions.executeWithoutResult((status) -> this.jdbc.update((connection) -> {
			PreparedStatement insert = connection.prepareStatement("""
					insert into play_event (owner_id, track_id, played_at, visitor)
					select * from unnest(?::uuid[], ?::uuid[], ?::timestamptz[], ?::text[])""");
			insert.setArray(1, connection.createArrayOf("text", owners));
			insert.setArray(2, connection.createArrayOf("text", tracks));
			insert.setArray(3, connection.createArrayOf("text", times));
			insert.setArray(4, connection.createArrayOf("text", visitors));
			return insert;
		}));
	}

	@Override
	public void start() {
		this.running = true;
		this.writer = Thread.ofVirtual().name("play-recorder").start(this::write);
	}

	@Override
	public void stop() {
		this.running = false;
		Thread thread = this.writer;
		if (thread != null) {
			try {
				thread.join(MAX_WAIT.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private record Pending(Play play, CompletableFuture<Void> stored) {

	}

}
