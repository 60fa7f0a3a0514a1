package com.notalabel.analytics.report;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.postgresql.copy.CopyIn;

import com.notalabel.analytics.catalogue.Match;
import com.notalabel.analytics.catalogue.Matcher;

/**
 * Matches each usage line and writes it as a row of COPY's text format into the import's
 * staging table, through one buffer: the file's lines reach PostgreSQL as they are read,
 * and memory stays at the buffer's size whatever the file's.
 */
final class StagedRows implements LineSink {

	/** The staging table's columns, in the order rows are written. */
	static final String COLUMNS = "usage_date, period_end, owner_id, track_id, album_id, isrc, upc, store, country,"
			+ " city, units, currency, revenue_micros";

	private static final int BUFFER = 1 << 18;

	private static final byte[] NULL = "\\N".getBytes(StandardCharsets.US_ASCII);

	private final CopyIn copy;

	private final Matcher matcher;

	private final ImportTally tally = new ImportTally();

	private final byte[] buffer = new byte[BUFFER];

	private int length;

	private @Nullable LocalDate lastDate;

	private byte[] lastDateBytes = new byte[0];

	private @Nullable LocalDate lastEnd;

	private byte[] lastEndBytes = new byte[0];

	private long matched;

	private long unmatched;

	private long units;

	private long line;

	StagedRows(CopyIn copy, Matcher matcher) {
		this.copy = copy;
		this.matcher = matcher;
	}

	@Override
	public void accept(UsageLine line) {
		Match match = this.matcher.match(line.isrc(), line.upc());
		UUID owner = (match != null) ? match.ownerId() : this.matcher.scopeOwner();
		if (match != null && (this.matcher.scopeOwner() == null || match.ownerId().equals(this.matcher.scopeOwner()))) {
			this.matched++;
		}
		else {
			this.unmatched++;
			match = null;
		}
		this.units += line.units();
		if (owner != null) {
			this.tally.add(owner, line.usageDate(), line.periodEnd(), (match != null) ? match.trackId() : null,
					(match != null) ? match.albumId() : null, line.store(), line.country(), line.city(), line.units(),
					line.currency(), line.revenueMicros());
		}
		this.line = line.line();
		if (this.length > BUFFER - (1 << 15)) {
			flush();
		}
		date(line.usageDate());
		tab();
		end(line.periodEnd());
		tab();
		uuid(owner);
		tab();
		uuid((match != null) ? match.trackId() : null);
		tab();
		uuid((match != null) ? match.albumId() : null);
		tab();
		text((line.isrc() != null) ? Matcher.normaliseIsrc(line.isrc()) : null);
		tab();
		text(line.upc());
		tab();
		text(line.store());
		tab();
		text(line.country());
		tab();
		text(line.city());
		tab();
		number(line.units());
		tab();
		text(line.currency());
		tab();
		number(line.revenueMicros());
		put((byte) '\n');
	}

	ImportTally tally() {
		return this.tally;
	}

	long matched() {
		return this.matched;
	}

	long unmatched() {
		return this.unmatched;
	}

	long units() {
		return this.units;
	}

	/** Sends what is buffered and ends the COPY. */
	long finish() throws SQLException {
		flush();
		return this.copy.endCopy();
	}

	/** Abandons the COPY: nothing of it reaches the table. */
	void cancel() {
		try {
			if (this.copy.isActive()) {
				this.copy.cancelCopy();
			}
		}
		catch (SQLException ex) {
			// The transaction is rolled back anyway; the COPY goes with it.
		}
	}

	private void flush() {
		if (this.length == 0) {
			return;
		}
		try {
			this.copy.writeToCopy(this.buffer, 0, this.length);
		}
		catch (SQLException ex) {
			throw new StagingFailed(ex);
		}
		this.length = 0;
	}

	private void date(LocalDate date) {
		if (!date.equals(this.lastDate)) {
			this.lastDate = date;
			this.lastDateBytes = date.toString().getBytes(StandardCharsets.US_ASCII);
		}
		put(this.lastDateBytes);
	}

	private void end(LocalDate date) {
		if (!date.equals(this.lastEnd)) {
			this.lastEnd = date;
			this.lastEndBytes = date.toString().getBytes(StandardCharsets.US_ASCII);
		}
		put(this.lastEndBytes);
	}

	private void uuid(@Nullable UUID value) {
		if (value == null) {
			put(NULL);
		}
		else {
			put(value.toString().getBytes(StandardCharsets.US_ASCII));
		}
	}

	private void number(long value) {
		put(Long.toString(value).getBytes(StandardCharsets.US_ASCII));
	}

	/** COPY's text format: backslash, tab, newline and carriage return are escaped. */
	private void text(@Nullable String value) {
		if (value == null) {
			put(NULL);
			return;
		}
		byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
		if (bytes.length > 2048) {
			throw new MalformedReport(this.line, "a value is longer than 2048 bytes");
		}
		for (byte b : bytes) {
			switch (b) {
				case '\\' -> put((byte) '\\', (byte) '\\');
				case '\t' -> put((byte) '\\', (byte) 't');
				case '\n' -> put((byte) '\\', (byte) 'n');
				case '\r' -> put((byte) '\\', (byte) 'r');
				case 0 -> throw new MalformedReport(this.line, "a value holds a NUL character");
				default -> put(b);
			}
		}
	}

	private void tab() {
		put((byte) '\t');
	}

	private void put(byte b) {
		this.buffer[this.length++] = b;
	}

	private void put(byte a, byte b) {
		this.buffer[this.length++] = a;
		this.buffer[this.length++] = b;
	}

	private void put(byte[] bytes) {
		System.arraycopy(bytes, 0, this.buffer, this.length, bytes.length);
		this.length += bytes.length;
	}

	/**
	 * PostgreSQL refused the COPY's data or its connection broke.
	 */
	static final class StagingFailed extends RuntimeException {

		StagingFailed(SQLException cause) {
			super("COPY into the staging table failed", cause);
		}

	}

}
