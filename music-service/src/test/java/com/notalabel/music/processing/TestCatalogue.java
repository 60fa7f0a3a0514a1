package com.notalabel.music.processing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.notalabel.music.storage.ObjectKeys;
import com.notalabel.shared.storage.ObjectStore;
import com.notalabel.music.track.Track;
import com.notalabel.music.track.TrackRepository;
import com.notalabel.types.id.TrackId;
import com.notalabel.types.id.UserId;

/**
 * Puts tracks into the catalogue as an upload does (the original in the bucket, then the
 * track and its job in one transaction) and reads back where processing stands.
 */
public final class TestCatalogue {

	private final TrackRepository tracks;

	private final ObjectStore storage;

	private final ProcessingQueue queue;

	private final TransactionTemplate transactions;

	private final JdbcClient jdbc;

	public TestCatalogue(TrackRepository tracks, ObjectStore storage, ProcessingQueue queue,
			PlatformTransactionManager transactionManager, JdbcClient jdbc) {
		this.tracks = tracks;
		this.storage = storage;
		this.queue = queue;
		this.transactions = new TransactionTemplate(transactionManager);
		this.jdbc = jdbc;
	}

	public TrackId upload(UserId owner, Path original) {
		return upload(owner, original, (track) -> {
		});
	}

	/**
	 * Uploads a track and queues its processing.
	 * @param owner the artist
	 * @param original the file to store, or {@code null} to leave the original missing
	 * @param alsoInTransaction more work in the upload's transaction, after the job is
	 * queued
	 * @return the track
	 */
	public TrackId upload(UserId owner, @Nullable Path original, Consumer<TrackId> alsoInTransaction) {
		TrackId id = TrackId.newId();
		String key = ObjectKeys.original(owner, id);
		if (original != null) {
			this.storage.put(key, original, "audio/wav");
		}
		this.transactions.executeWithoutResult((status) -> {
			this.tracks.save(new Track(id, owner, "Test tone", "wav", size(original), sha256(original), key, "{}",
					Instant.now()));
			this.queue.enqueue(id, owner);
			// The rows must be there for SQL in the same transaction to see them.
			this.tracks.flush();
			alsoInTransaction.accept(id);
		});
		return id;
	}

	/**
	 * Stores a track without queueing its processing, so that it stays in processing.
	 * @param owner the artist
	 * @return the track
	 */
	public TrackId storeUnprocessed(UserId owner) {
		TrackId id = TrackId.newId();
		this.transactions.executeWithoutResult((status) -> this.tracks.save(new Track(id, owner, "Unprocessed", "wav",
				1, sha256(null), ObjectKeys.original(owner, id), "{}", Instant.now())));
		return id;
	}

	public Track track(TrackId id) {
		return this.tracks.findById(id.value()).orElseThrow();
	}

	public Job job(TrackId track) {
		return this.jdbc.sql(
				"select id, status, attempts, worker, last_error, run_after from processing_job where track_id = :track")
			.param("track", track.value())
			.query((row, number) -> new Job(row.getObject("id", UUID.class), JobStatus.valueOf(row.getString("status")),
					row.getInt("attempts"), row.getString("worker"), row.getString("last_error"),
					row.getTimestamp("run_after").toInstant()))
			.single();
	}

	public JdbcClient jdbc() {
		return this.jdbc;
	}

	public TransactionTemplate transactions() {
		return this.transactions;
	}

	private static long size(@Nullable Path file) {
		try {
			return (file != null) ? Files.size(file) : 1;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String sha256(@Nullable Path file) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update((file != null) ? Files.readAllBytes(file) : UUID.randomUUID().toString().getBytes());
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A job as stored.
	 *
	 * @param id its id
	 * @param status its status
	 * @param attempts attempts started
	 * @param worker the last claimant
	 * @param lastError the last error
	 * @param runAfter when it is due
	 */
	public record Job(UUID id, JobStatus status, int attempts, @Nullable String worker, @Nullable String lastError,
			Instant runAfter) {

	}

}
