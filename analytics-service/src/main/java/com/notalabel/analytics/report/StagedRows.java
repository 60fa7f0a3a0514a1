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
 * Matches each usage line and writes it as a row of COPY's binary format into the facts
 * or the import's staging table, through one buffer: the file's lines reach PostgreSQL as
 * they are read, and memory stays at the buffer's size whatever the file's. Binary rather
 * than text: PostgreSQL then takes dates, ids and numbers as they are stored instead of
 * parsing each from its text (ADR 52), and nothing needs escaping.
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

	/** The binary format's signature, flags and header extension length. */
	private static final byte[] HEADER = { 'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0, 0, 0, 0, 0,
			0, 0, 0, 0 };

	/** A binary field's length of -1: NULL. */
	private static final byte[] NULL = { -1, -1, -1, -1 };

	/** A binary date counts days from this one. */
	private static final long POSTGRES_EPOCH_DAY = LocalDate.of(2000, 1, 1).toEpochDay();

	/** The staging table's columns; the facts have the import's id first. */
	private static final int STAGED_FIELDS = 13;

	private final Copies copies;

	private final UUID importId;

	private final Matcher matcher;

	private @Nullable CopyIn copy;

	private byte[] prefix = new byte[0];

	private int fields = STAGED_FIELDS;

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
				this.prefix = uuidField(this.importId);
				this.fields = STAGED_FIELDS + 1;
				this.copy = this.copies.direct(first.usageDate(), first.periodEnd());
			}
			else {
				this.copy = this.copies.staged();
			}
			put(HEADER);
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
		shortInt(this.fields);
		put(this.prefix);
		date(line.usageDate());
		end(line.periodEnd());
		uuid(owner);
		uuid((match != null) ? match.trackId() : null);
		uuid((match != null) ? match.albumId() : null);
		text(isrc);
		text(line.upc());
		text(line.store());
		text(line.country());
		text(line.city());
		number(line.units());
		text(line.currency());
		number(line.revenueMicros());
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
		shortInt(-1);
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
			this.lastDateBytes = dateField(date);
		}
		put(this.lastDateBytes);
	}

	private void end(LocalDate date) {
		if (!date.equals(this.lastEnd)) {
			this.lastEnd = date;
			this.lastEndBytes = dateField(date);
		}
		put(this.lastEndBytes);
	}

	private static byte[] dateField(LocalDate date) {
		byte[] field = new byte[8];
		writeInt(field, 0, 4);
		writeInt(field, 4, Math.toIntExact(date.toEpochDay() - POSTGRES_EPOCH_DAY));
		return field;
	}

	private void uuid(@Nullable UUID value) {
		if (value == null) {
			put(NULL);
		}
		else {
			// A report names a few thousand tracks a million times: each id is encoded once.
			byte[] bytes = this.ids.get(value);
			if (bytes == null) {
				bytes = uuidField(value);
				if (this.ids.size() < MAX_REMEMBERED) {
					this.ids.put(value, bytes);
				}
			}
			put(bytes);
		}
	}

	private static byte[] uuidField(UUID value) {
		byte[] field = new byte[20];
		writeInt(field, 0, 16);
		writeLong(field, 4, value.getMostSignificantBits());
		writeLong(field, 12, value.getLeastSignificantBits());
		return field;
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
		writeInt(this.buffer, this.length, 8);
		writeLong(this.buffer, this.length + 4, value);
		this.length += 12;
	}

	private void shortInt(int value) {
		this.buffer[this.length++] = (byte) (value >>> 8);
		this.buffer[this.length++] = (byte) value;
	}

	/**
	 * A text field: its length, then its UTF-8 bytes. The cells of a report repeat (its
	 * store, its currencies, a hundred countries, each recording's ISRC line after line):
	 * each short value is encoded once.
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
		byte[] field = new byte[4 + bytes.length];
		writeInt(field, 0, bytes.length);
		for (int i = 0; i < bytes.length; i++) {
			if (bytes[i] == 0) {
				throw new MalformedReport(this.line, "a value holds a NUL character");
			}
			field[4 + i] = bytes[i];
		}
		return field;
	}

	private static void writeInt(byte[] to, int at, int value) {
		to[at] = (byte) (value >>> 24);
		to[at + 1] = (byte) (value >>> 16);
		to[at + 2] = (byte) (value >>> 8);
		to[at + 3] = (byte) value;
	}

	private static void writeLong(byte[] to, int at, long value) {
		writeInt(to, at, (int) (value >>> 32));
		writeInt(to, at + 4, (int) value);
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
