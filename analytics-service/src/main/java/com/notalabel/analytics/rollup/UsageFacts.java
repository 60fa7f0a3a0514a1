package com.notalabel.analytics.rollup;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The raw facts, one row per usage line of every report, behind the only operations the
 * service needs of them, so that they can move to another engine without the rest
 * noticing (ADR 35). Reads are never served from the facts but from the roll-ups.
 */
public interface UsageFacts {

	/**
	 * Readies the facts for rows of the given days, so that a COPY straight into them
	 * ({@link #copyStatement()}) finds where each row goes.
	 * @param from the first day
	 * @param to the last day
	 */
	void prepare(LocalDate from, LocalDate to);

	/**
	 * @return the COPY that takes rows of {@code import_id} followed by the staging
	 * columns, in COPY's binary format
	 */
	String copyStatement();

	/**
	 * @param importId an import of the current transaction
	 * @param from its first day
	 * @param to its last day
	 * @return a relation of its rows, for a query's {@code from}
	 */
	String rowsOf(UUID importId, LocalDate from, LocalDate to);

	/**
	 * Adds the rows staged in the current transaction's {@code import_stage} table.
	 * @param importId the import they belong to
	 */
	void append(UUID importId);

	/**
	 * Credits kept lines with the ISRC to a track, and leaves them in the current
	 * transaction's {@code credited_lines} table (columns as the roll-ups fold them).
	 * @param owner the track's artist
	 * @param track the track
	 * @param isrc the ISRC, normalised
	 * @param ownersOwn {@code true} for the artist's own uploaded lines, {@code false}
	 * for store lines that matched nobody
	 * @return the lines credited
	 */
	int credit(UUID owner, UUID track, String isrc, boolean ownersOwn);

	/**
	 * Where a track's streams of a period came from.
	 * @param owner the artist
	 * @param track the track
	 * @param start the period's first day
	 * @param end the day after it
	 * @param column {@code store} or {@code country}
	 * @return the store or country with the largest share, and that share
	 */
	Optional<Map.Entry<String, Double>> topShare(UUID owner, UUID track, LocalDate start, LocalDate end, String column);

	/**
	 * Removes every line of an artist.
	 * @param owner the artist
	 * @return the lines removed
	 */
	int erase(UUID owner);

}
