package com.notalabel.analytics.report;

import java.io.IOException;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Reads a DDEX DSR flat file of the Basic Audio Profile (multi-record-block variant): a
 * {@code HEAD} record, summary records ({@code SY01}), blocks of a release
 * ({@code RE01}), its resources ({@code AS01}/{@code AS02}, with {@code MW01}) and their
 * usages ({@code SU01} downloads, {@code SU02} streams), then {@code FOOT}.
 * Tab-separated, nothing quoted, {@code |} between the values of a cell; record types may
 * carry a version ({@code SU02.03}).
 *
 * <p>
 * A usage record carries no territory, currency or revenue of its own: it inherits them
 * from the summary record it names, whose net revenue is shared among its usage records
 * in proportion to their usages, in whole millionths that add up exactly to the summary's
 * revenue. A summary whose usage records do not add up to its declared usages is refused:
 * the shares would not add up to what the store paid.
 *
 * <p>
 * Memory is bounded by the summary records and one block, whatever the file's length.
 */
final class DsrReader {

	private static final int MAX_CELLS = 64;

	private final TextLines in;

	private final @Nullable String storeName;

	private final String[] cells = new String[MAX_CELLS];

	private final Map<String, Summary> summaries = new LinkedHashMap<>();

	private final Map<String, String> resourceIsrc = new HashMap<>();

	private final Map<String, String> releaseUpc = new HashMap<>();

	private @Nullable String block;

	/**
	 * The UPC of the block's head release, which a usage of a resource alone belongs to.
	 */
	private @Nullable String headUpc;

	private long lineNumber;

	private long usageLines;

	/**
	 * @param in the file's text
	 * @param storeName the store the report comes from, or {@code null} to take the
	 * sender's name from the header
	 */
	DsrReader(TextLines in, @Nullable String storeName) {
		this.in = in;
		this.storeName = storeName;
	}

	ReadSummary read(LineSink sink) throws IOException {
		String line = next();
		if (line == null) {
			throw new MalformedReport(1, "the file is empty");
		}
		if (line.startsWith("\uFEFF")) {
			line = line.substring(1);
		}
		int count = split(line);
		if (!type(0).equals("HEAD") || count < 10) {
			throw new MalformedReport(1, "a DSR file starts with its HEAD record");
		}
		Header header = header(count);
		boolean footer = false;
		while ((line = next()) != null) {
			if (footer) {
				throw new MalformedReport(this.lineNumber, "nothing may follow the FOOT record");
			}
			if (line.isEmpty()) {
				throw new MalformedReport(this.lineNumber, "empty line");
			}
			count = split(line);
			String type = type(0);
			switch (type) {
				case "SY01" -> summary(count);
				case "RE01" -> release(count);
				case "AS01", "AS02" -> resource(count);
				case "SU01" -> usage(count, header, sink, true);
				case "SU02" -> usage(count, header, sink, false);
				case "FOOT" -> {
					footer(count);
					footer = true;
				}
				// Further detail (works, sub-releases, licensor data) does not change a count.
				case "MW01", "RE02", "RE03", "AS03", "CU01", "RU01", "RU02", "LI01" -> {
				}
				case "HEAD" -> throw new MalformedReport(this.lineNumber, "a second HEAD record");
				default -> {
					if (type.startsWith("SY")) {
						throw new MalformedReport(this.lineNumber,
								"summary record " + this.cells[0] + " is not supported; summaries are SY01");
					}
					throw new MalformedReport(this.lineNumber, "unknown record type " + this.cells[0]);
				}
			}
		}
		if (!footer) {
			throw new MalformedReport(this.lineNumber + 1, "the file ends before its FOOT record: it was cut short");
		}
		for (Summary summary : this.summaries.values()) {
			if (summary.reported != summary.totalUsages) {
				throw new MalformedReport(summary.line, "summary " + summary.id + " declares " + summary.totalUsages
						+ " usages but its usage records add up to " + summary.reported);
			}
		}
		return new ReadSummary("dsr", this.lineNumber, this.usageLines, (this.usageLines > 0) ? header.start : null,
				(this.usageLines > 0) ? header.end : null);
	}

	private Header header(int count) {
		String profile = this.cells[2];
		if (!profile.equals("BasicAudioProfile")) {
			throw new MalformedReport(1,
					"profile " + profile + " is not supported; reports are of the BasicAudioProfile");
		}
		LocalDate start = date(this.cells[8], false, "UsageStartDate");
		LocalDate end = date(this.cells[9], true, "UsageEndDate");
		if (end.isBefore(start)) {
			throw new MalformedReport(1, "the usage period ends before it starts");
		}
		String store = this.storeName;
		if (store == null) {
			String senderName = (count > 11) ? this.cells[11].strip() : "";
			store = !senderName.isEmpty() ? senderName : this.cells[10].strip();
		}
		if (store.isEmpty()) {
			throw new MalformedReport(1, "the HEAD record names no sender");
		}
		return new Header(start, end, store);
	}

	private void summary(int count) {
		require(count, 12, "SY01");
		String id = this.cells[1];
		String country = Territories.country(this.cells[6]);
		if (country == null) {
			throw new MalformedReport(this.lineNumber, "territory " + this.cells[6] + " is not an ISO 3166 code");
		}
		String currency = Territories.currency(this.cells[10]);
		if (currency == null) {
			throw new MalformedReport(this.lineNumber, "currency " + this.cells[10] + " is not an ISO 4217 code");
		}
		long usages = number(this.cells[8], "TotalUsages");
		long revenue = micros(this.cells[11], "NetRevenue");
		if (this.summaries.putIfAbsent(id,
				new Summary(id, this.lineNumber, country, currency, usages, revenue)) != null) {
			throw new MalformedReport(this.lineNumber, "summary " + id + " is declared twice");
		}
	}

	private void release(int count) {
		require(count, 4, "RE01");
		enterBlock(this.cells[1]);
		String cell = (count > 6) ? this.cells[6].strip() : "";
		String upc = cell.isEmpty() ? null : firstValue(cell);
		if (upc != null) {
			this.releaseUpc.put(this.cells[2], upc);
		}
		this.headUpc = upc;
	}

	private void resource(int count) {
		require(count, 6, this.cells[0]);
		if (!this.cells[1].equals(this.block)) {
			throw new MalformedReport(this.lineNumber, "resource outside the block of its release");
		}
		String isrc = this.cells[4].strip();
		this.resourceIsrc.put(this.cells[2], isrc.isEmpty() ? null : firstValue(isrc));
	}

	private void usage(int count, Header header, LineSink sink, boolean download) {
		require(count, download ? 10 : 8, this.cells[0]);
		if (!this.cells[1].equals(this.block)) {
			throw new MalformedReport(this.lineNumber, "usage outside the block of its release");
		}
		Summary summary = this.summaries.get(this.cells[2]);
		if (summary == null) {
			throw new MalformedReport(this.lineNumber, "usage of summary " + this.cells[2] + ", which is not declared");
		}
		String releaseReference = this.cells[4];
		String resourceReference = this.cells[5];
		String isrc = null;
		if (!resourceReference.isEmpty()) {
			isrc = this.resourceIsrc.get(resourceReference);
			if (isrc == null && !this.resourceIsrc.containsKey(resourceReference)) {
				// A resource without an ISRC is fine; one never declared in the block is not.
				throw new MalformedReport(this.lineNumber, "resource " + resourceReference + " is not in the block");
			}
		}
		String upc = releaseReference.isEmpty() ? this.headUpc : this.releaseUpc.get(releaseReference);
		if (resourceReference.isEmpty() && releaseReference.isEmpty()) {
			throw new MalformedReport(this.lineNumber, "the usage names neither a release nor a resource");
		}
		long units;
		if (download) {
			units = number(this.cells[8], "Usages") - number(this.cells[9], "Returns");
		}
		else {
			units = number(this.cells[7], "NumberOfStreams");
		}
		this.usageLines++;
		sink.accept(new UsageLine(this.lineNumber, header.start, header.end, isrc, upc, header.store, summary.country,
				null, units, summary.currency, summary.share(units)));
	}

	private void footer(int count) {
		if (count > 1 && !this.cells[1].isBlank()) {
			long declared = number(this.cells[1], "NumberOfLinesInFile");
			if (declared != this.lineNumber) {
				throw new MalformedReport(this.lineNumber, "the FOOT record counts " + declared
						+ " lines but the file has " + this.lineNumber + ": lines are missing or added");
			}
		}
	}

	private void enterBlock(String id) {
		if (!id.equals(this.block)) {
			this.block = id;
			this.resourceIsrc.clear();
			this.releaseUpc.clear();
			this.headUpc = null;
		}
	}

	/** The last line read, for a failure between lines. */
	long currentLine() {
		return this.lineNumber;
	}

	private @Nullable String next() throws IOException {
		String line = this.in.next();
		if (line != null) {
			this.lineNumber++;
		}
		return line;
	}

	private int split(String line) {
		int count = 0;
		int start = 0;
		int tab;
		while ((tab = line.indexOf('\t', start)) >= 0) {
			if (count == MAX_CELLS - 1) {
				throw new MalformedReport(this.lineNumber, "more than " + MAX_CELLS + " cells");
			}
			this.cells[count++] = line.substring(start, tab);
			start = tab + 1;
		}
		this.cells[count++] = line.substring(start);
		for (int i = count; i < MAX_CELLS && this.cells[i] != null; i++) {
			this.cells[i] = null;
		}
		return count;
	}

	/** The record type without its version: {@code SU02.03} is an {@code SU02}. */
	private String type(int index) {
		String type = this.cells[index];
		int dot = type.indexOf('.');
		return (dot < 0) ? type : type.substring(0, dot);
	}

	private void require(int count, int cells, String type) {
		if (count < cells) {
			throw new MalformedReport(this.lineNumber,
					type + " record has " + count + " cells where at least " + cells + " are required");
		}
	}

	private long number(String text, String cell) {
		try {
			return Decimals.whole(text.strip());
		}
		catch (NumberFormatException ex) {
			throw new MalformedReport(this.lineNumber, cell + " '" + shorten(text) + "' is not a whole number");
		}
	}

	private long micros(String text, String cell) {
		try {
			return Decimals.micros(text.strip());
		}
		catch (NumberFormatException ex) {
			throw new MalformedReport(this.lineNumber, cell + " '" + shorten(text) + "' is not a decimal number");
		}
	}

	private LocalDate date(String text, boolean end, String cell) {
		try {
			String value = text.strip();
			return switch (value.length()) {
				case 4 ->
					end ? LocalDate.of(Integer.parseInt(value), 12, 31) : LocalDate.of(Integer.parseInt(value), 1, 1);
				case 7 -> end ? YearMonth.parse(value).atEndOfMonth() : YearMonth.parse(value).atDay(1);
				default -> LocalDate.parse(value);
			};
		}
		catch (DateTimeParseException | NumberFormatException ex) {
			throw new MalformedReport(1, cell + " '" + shorten(text) + "' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)");
		}
	}

	private static String firstValue(String cell) {
		int pipe = cell.indexOf('|');
		return (pipe < 0) ? cell : cell.substring(0, pipe).strip();
	}

	static String shorten(String text) {
		return (text.length() > 40) ? text.substring(0, 40) + "..." : text;
	}

	private record Header(LocalDate start, LocalDate end, String store) {

	}

	/**
	 * A sales context and its revenue, shared out among its usage records as they come:
	 * each gets the difference between the revenue owed to the usages so far and to the
	 * usages before it, so that the shares add up exactly.
	 */
	private static final class Summary {

		private final String id;

		private final long line;

		private final String country;

		private final String currency;

		private final long totalUsages;

		private final long revenueMicros;

		private long reported;

		private long allocated;

		Summary(String id, long line, String country, String currency, long totalUsages, long revenueMicros) {
			this.id = id;
			this.line = line;
			this.country = country;
			this.currency = currency;
			this.totalUsages = totalUsages;
			this.revenueMicros = revenueMicros;
		}

		long share(long units) {
			this.reported += units;
			if (this.totalUsages == 0) {
				return 0;
			}
			long owed;
			try {
				owed = Math.multiplyExact(this.revenueMicros, this.reported) / this.totalUsages;
			}
			catch (ArithmeticException ex) {
				owed = BigInteger.valueOf(this.revenueMicros)
					.multiply(BigInteger.valueOf(this.reported))
					.divide(BigInteger.valueOf(this.totalUsages))
					.longValueExact();
			}
			long share = owed - this.allocated;
			this.allocated = owed;
			return share;
		}

	}

}
