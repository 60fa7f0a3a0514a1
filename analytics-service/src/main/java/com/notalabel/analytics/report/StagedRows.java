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

	private static final int MAX_REMEMBERED = 100_000;

	/**
	 * Longer values (a city's name, say) are encoded each time rather than remembered.
	 */
	private static final int MAX_ENCODED_LENGTH = 64;

	/** At most some 2 MB of encoded cells. */
	private static final int MAX_ENCODED = 20_000;

	/**
	 * A DSR period longer than this goes through the staging table (a partition a month).
	 */
	private static final int MAX_DIRECT_YEARS = 2;

	private static final byte[] NULL = "\\N".getBytes(StandardCharsets.US_ASCII);

	private final Copies copies;

	private final UUID importId;

	private final Matcher matcher;

	private @Nullable CopyIn copy;

	private byte[] prefix = new byte[0];

	private String format = "";

	private boolean direct;

	private @Nullable LocalDate firstDay;

	private @Nullable LocalDate lastDay;

	private final ImportTally tally = new ImportTally();

	private final byte[] buffer = new byte[BUFFER];

	private int length;

	private @Nullable LocalDate lastDate;

	private byte[] lastDateBytes = new byte[0];

	private @Nullable LocalDate lastEnd;

	private byte[] lastEndBytes = new byte[0];

	private long matched;

	private final java.util.Map<UUID, byte[]> ids = new java.util.HashMap<>();

	private final java.util.Map<String, byte[]> encoded = new java.util.HashMap<>();

	private @Nullable String lastIsrc;

	private @Nullable String lastNormalisedIsrc;

	private long unmatched;

	private long units;

	private final java.util.TreeMap<String, long[]> revenue = new java.util.TreeMap<>();

	private long line;

	StagedRows(Copies copies, UUID importId, Matcher matcher) {
		this.copies = copies;
		this.importId = importId;
		this.matcher = matcher;
	}

	@Override
	public void start(String format) {
		this.format = format;
	}

	/**
	 * Opens the COPY at the first line. A DSR file states its period before its first
	 * line and every line has it, so its rows go straight into the facts, whose
	 * partitions are made first; an export's months are known only at its end, so its
	 * rows go to the staging table and move into the facts once all are read.
	 */
	private CopyIn open(@Nullable UsageLine first) {
		try {
			if (first != null && this.format.equals("dsr")
					&& first.usageDate().plusYears(MAX_DIRECT_YEARS).isAfter(first.periodEnd())) {
				this.direct = true;
				this.prefix = (this.importId + "\t").getBytes(StandardCharsets.US_ASCII);
				this.copy = this.copies.direct(first.usageDate(), first.periodEnd());
			}
			else {
				this.copy = this.copies.staged();
			}
			return this.copy;
		}
		catch (SQLException ex) {
			throw new StagingFailed(ex);
		}
	}

	@Override
	public void accept(UsageLine line) {
		if (this.copy == null) {
			open(line);
		}
		this.firstDay = (this.firstDay == null || line.usageDate().isBefore(this.firstDay)) ? line.usageDate()
				: this.firstDay;
		this.lastDay = (this.lastDay == null || line.periodEnd().isAfter(this.lastDay)) ? line.periodEnd()
				: this.lastDay;
		String isrc = normalised(line.isrc());
		Match match = this.matcher.match(isrc, line.upc());
		UUID owner = (match != null) ? match.ownerId() : this.matcher.scopeOwner();
		if (match != null && (this.matcher.scopeOwner() == null || match.ownerId().equals(this.matcher.scopeOwner()))) {
			this.matched++;
		}
		else {
			this.unmatched++;
			match = null;
		}
		this.units += line.units();
		if (line.currency() != null) {
			this.revenue.computeIfAbsent(line.currency(), (currency) -> new long[1])[0] += line.revenueMicros();
		}
		if (owner != null) {
			this.tally.add(owner, line.usageDate(), line.periodEnd(), (match != null) ? match.trackId() : null,
					(match != null) ? match.albumId() : null, line.store(), line.country(), line.city(), line.units(),
					line.currency(), line.revenueMicros());
		}
		this.line = line.line();
		if (this.length > BUFFER - (1 << 15)) {
			flush();
		}
		put(this.prefix);
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
		text(isrc);
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

	/** The report's revenue per currency, as the import's record keeps it. */
	String revenueJson() {
		StringBuilder json = new StringBuilder("[");
		this.revenue.forEach((currency, micros) -> json.append((json.length() > 1) ? "," : "")
			.append("{\"currency\": \"")
			.append(currency)
			.append("\", \"micros\": ")
			.append(micros[0])
			.append('}'));
		return json.append(']').toString();
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
		CopyIn open = (this.copy != null) ? this.copy : open(null);
		flush();
		return open.endCopy();
	}

	/** Whether the rows went straight into the facts rather than to the staging table. */
	boolean direct() {
		return this.direct;
	}

	@Nullable LocalDate firstDay() {
		return this.firstDay;
	}

	@Nullable LocalDate lastDay() {
		return this.lastDay;
	}

	/** Abandons the COPY: nothing of it reaches the table. */
	void cancel() {
		try {
			if (this.copy != null && this.copy.isActive()) {
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
		if (this.copy == null) {
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
			// A report names a few thousand tracks a million times: each id is written once.
			byte[] bytes = this.ids.get(value);
			if (bytes == null) {
				bytes = value.toString().getBytes(StandardCharsets.US_ASCII);
				if (this.ids.size() < MAX_REMEMBERED) {
					this.ids.put(value, bytes);
				}
			}
			put(bytes);
		}
	}

	/**
	 * The ISRC as the catalogue keeps it; a block's usages repeat their resource's ISRC.
	 */
	private @Nullable String normalised(@Nullable String isrc) {
		if (isrc == null) {
			return null;
		}
		if (!isrc.equals(this.lastIsrc)) {
			this.lastIsrc = isrc;
			this.lastNormalisedIsrc = Matcher.normaliseIsrc(isrc);
		}
		return this.lastNormalisedIsrc;
	}

	private void number(long value) {
		if (value < 0 || this.length > BUFFER - 20) {
			put(Long.toString(value).getBytes(StandardCharsets.US_ASCII));
			return;
		}
		int digits = 1;
		for (long rest = value / 10; rest > 0; rest /= 10) {
			digits++;
		}
		for (int i = this.length + digits - 1; i >= this.length; i--) {
			this.buffer[i] = (byte) ('0' + value % 10);
			value /= 10;
		}
		this.length += digits;
	}

	/**
	 * COPY's text format: backslash, tab, newline and carriage return are escaped. The
	 * cells of a report repeat (its store, its currencies, a hundred countries, each
	 * recording's ISRC line after line): each short value is encoded once.
	 */
	private void text(@Nullable String value) {
		if (value == null) {
			put(NULL);
			return;
		}
		if (value.length() > MAX_ENCODED_LENGTH) {
			put(encode(value));
			return;
		}
		byte[] bytes = this.encoded.get(value);
		if (bytes == null) {
			bytes = encode(value);
			if (this.encoded.size() < MAX_ENCODED) {
				this.encoded.put(value, bytes);
			}
		}
		put(bytes);
	}

	private byte[] encode(String value) {
		byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
		if (bytes.length > 2048) {
			throw new MalformedReport(this.line, "a value is longer than 2048 bytes");
		}
		java.io.ByteArrayOutputStream escaped = new java.io.ByteArrayOutputStream(bytes.length + 8);
		for (byte b : bytes) {
			switch (b) {
				case '\\' -> escaped.write(new byte[] { '\\', '\\' }, 0, 2);
				case '\t' -> escaped.write(new byte[] { '\\', 't' }, 0, 2);
				case '\n' -> escaped.write(new byte[] { '\\', 'n' }, 0, 2);
				case '\r' -> escaped.write(new byte[] { '\\', 'r' }, 0, 2);
				case 0 -> throw new MalformedReport(this.line, "a value holds a NUL character");
				default -> escaped.write(b);
			}
		}
		return escaped.toByteArray();
	}

	private void tab() {
		put((byte) '\t');
	}

	private void put(byte b) {
		this.buffer[this.length++] = b;
	}

	private void put(byte[] bytes) {
		System.arraycopy(bytes, 0, this.buffer, this.length, bytes.length);
		this.length += bytes.length;
	}

	/**
	 * Where the rows can go.
	 */
	interface Copies {

		/**
		 * @param from the first day of the rows
		 * @param to their last day
		 * @return a COPY straight into the facts, rows led by the import's id
		 */
		CopyIn direct(LocalDate from, LocalDate to) throws SQLException;

		/**
		 * @return a COPY into the transaction's staging table
		 */
		CopyIn staged() throws SQLException;

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
