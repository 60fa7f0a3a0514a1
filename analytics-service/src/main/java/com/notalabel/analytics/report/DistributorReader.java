package com.notalabel.analytics.report;

import java.io.Reader;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import org.jspecify.annotations.Nullable;

/**
 * Reads a distributor's export (DistroKid's bank export and its like): one row per sale
 * month, store, country, track and ISRC with its units and earnings. There is no
 * standard, so columns are found by their header's name, whatever their order:
 * {@code Sale Month} (or {@code Reporting Date}), {@code Store}, {@code Quantity} and
 * {@code Earnings (USD)} (the currency in parentheses) are required; {@code ISRC},
 * {@code UPC}, {@code Country of Sale} and {@code City} are read when present; other
 * columns are ignored. Tab- or comma-separated, quoted as CSV is.
 */
final class DistributorReader {

	private static final Pattern EARNINGS = Pattern.compile("earnings\\s*\\(([a-z]{3})\\)");

	private final Reader in;

	private final char separator;

	private long line;

	DistributorReader(Reader in, char separator) {
		this.in = in;
		this.separator = separator;
	}

	/** The last line read, for a failure between lines. */
	long currentLine() {
		return this.line;
	}

	ReadSummary read(LineSink sink) {
		CsvReader<CsvRecord> reader = CsvReader.builder()
			.fieldSeparator(this.separator)
			.quoteCharacter('"')
			.skipEmptyLines(true)
			.allowMissingFields(true)
			.allowExtraFields(true)
			.detectBomHeader(false)
			.ofCsvRecord(this.in);
		Iterator<CsvRecord> records = reader.iterator();
		this.line = 1;
		long usageLines = 0;
		LocalDate first = null;
		LocalDate last = null;
		try {
			if (!records.hasNext()) {
				throw new MalformedReport(1, "the file is empty");
			}
			Columns columns = Columns.of(records.next());
			while (records.hasNext()) {
				CsvRecord record = records.next();
				this.line = record.getStartingLineNumber();
				if (record.getFieldCount() == 1 && record.getField(0).isBlank()) {
					continue;
				}
				UsageLine usage = columns.read(record, this.line);
				usageLines++;
				first = (first == null || usage.usageDate().isBefore(first)) ? usage.usageDate() : first;
				last = (last == null || usage.periodEnd().isAfter(last)) ? usage.periodEnd() : last;
				sink.accept(usage);
			}
		}
		catch (CsvParseException ex) {
			throw new MalformedReport(this.line + 1, "a quoted field is not closed or a row is too long");
		}
		return new ReadSummary("distributor", this.line, usageLines, first, last);
	}

	/**
	 * Where each column is, from the header row.
	 */
	private record Columns(int saleMonth, int reportingDate, int store, int quantity, int earnings, String currency,
			int isrc, int upc, int country, int city, int width) {

		static Columns of(CsvRecord header) {
			Map<String, Integer> index = new HashMap<>();
			int earnings = -1;
			String currency = null;
			for (int i = 0; i < header.getFieldCount(); i++) {
				String name = header.getField(i).strip().replace("\uFEFF", "").toLowerCase(Locale.ROOT);
				index.putIfAbsent(name, i);
				Matcher match = EARNINGS.matcher(name);
				if (match.matches() && earnings < 0) {
					earnings = i;
					currency = Territories.currency(match.group(1));
				}
			}
			int saleMonth = index.getOrDefault("sale month", -1);
			int reportingDate = index.getOrDefault("reporting date", -1);
			int store = index.getOrDefault("store", -1);
			int quantity = index.getOrDefault("quantity", -1);
			if (saleMonth < 0 && reportingDate < 0) {
				throw new MalformedReport(1, "the header has no 'Sale Month' or 'Reporting Date' column");
			}
			if (store < 0) {
				throw new MalformedReport(1, "the header has no 'Store' column");
			}
			if (quantity < 0) {
				throw new MalformedReport(1, "the header has no 'Quantity' column");
			}
			if (earnings < 0 || currency == null) {
				throw new MalformedReport(1, "the header has no 'Earnings (<currency>)' column with an ISO 4217 code");
			}
			int isrc = index.getOrDefault("isrc", -1);
			int upc = index.getOrDefault("upc", -1);
			int country = index.getOrDefault("country of sale", index.getOrDefault("country", -1));
			int city = index.getOrDefault("city", -1);
			int width = Math.max(Math.max(saleMonth, reportingDate), Math.max(store, quantity));
			width = Math.max(width, Math.max(earnings, Math.max(isrc, Math.max(upc, Math.max(country, city)))));
			return new Columns(saleMonth, reportingDate, store, quantity, earnings, currency, isrc, upc, country, city,
					width + 1);
		}

		UsageLine read(CsvRecord record, long line) {
			if (record.getFieldCount() < this.width) {
				throw new MalformedReport(line,
						"the row has " + record.getFieldCount() + " fields where the header names " + this.width);
			}
			LocalDate start;
			LocalDate end;
			try {
				if (this.saleMonth >= 0 && !record.getField(this.saleMonth).isBlank()) {
					YearMonth month = YearMonth.parse(record.getField(this.saleMonth).strip().substring(0, 7));
					start = month.atDay(1);
					end = month.atEndOfMonth();
				}
				else {
					start = LocalDate.parse(record.getField(this.reportingDate).strip());
					end = start;
				}
			}
			catch (DateTimeParseException | IndexOutOfBoundsException ex) {
				throw new MalformedReport(line, "the sale month is not a month (YYYY-MM)");
			}
			String store = record.getField(this.store).strip();
			if (store.isEmpty()) {
				throw new MalformedReport(line, "the store is empty");
			}
			long units;
			long micros;
			try {
				units = Decimals.whole(record.getField(this.quantity).strip());
			}
			catch (NumberFormatException ex) {
				throw new MalformedReport(line, "the quantity '" + DsrReader.shorten(record.getField(this.quantity))
						+ "' is not a whole number");
			}
			try {
				micros = Decimals.micros(record.getField(this.earnings).strip());
			}
			catch (NumberFormatException ex) {
				throw new MalformedReport(line, "the earnings '" + DsrReader.shorten(record.getField(this.earnings))
						+ "' are not a decimal number");
			}
			String country = Territories.country(optional(record, this.country));
			if (country == null) {
				throw new MalformedReport(line, "the country '" + DsrReader.shorten(record.getField(this.country))
						+ "' is not an ISO 3166 code");
			}
			return new UsageLine(line, start, end, optional(record, this.isrc), optional(record, this.upc), store,
					country, optional(record, this.city), units, this.currency, micros);
		}

		private static @Nullable String optional(CsvRecord record, int column) {
			if (column < 0) {
				return null;
			}
			String value = record.getField(column).strip();
			return value.isEmpty() ? null : value;
		}

	}

}
