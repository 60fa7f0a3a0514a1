package com.notalabel.analytics.report;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

import org.jspecify.annotations.Nullable;

/**
 * Reads a report of either format from its bytes: gzip is recognised by its magic bytes,
 * the format by the first line ({@code HEAD} starts a DSR file; a header row naming the
 * columns starts a distributor export), the text encoding by the head of the file (DSR is
 * UTF-8; exports are UTF-8 or, where they are not valid UTF-8, ISO-8859-1).
 */
public final class ReportParser {

	private static final int BUFFER = 1 << 16;

	private static final int SNIFF = 1 << 16;

	private ReportParser() {
	}

	/**
	 * Reads a report.
	 * @param raw the file's bytes, counted and hashed
	 * @param storeName the store the report comes from, or {@code null} to take it from
	 * the file
	 * @param sink receives each usage line
	 * @return what was read
	 * @throws MalformedReport if the file cannot be read, naming the line
	 * @throws IOException if reading the body itself failed
	 */
	static ReadSummary parse(RawReport raw, @Nullable String storeName, LineSink sink) throws IOException {
		BufferedInputStream buffered = new BufferedInputStream(raw, BUFFER);
		InputStream content = buffered;
		long[] position = { 0 };
		try {
			buffered.mark(2);
			int first = buffered.read();
			int second = buffered.read();
			buffered.reset();
			if (first == 0x1f && second == 0x8b) {
				content = new BufferedInputStream(new GZIPInputStream(buffered, BUFFER), BUFFER);
			}
			content.mark(SNIFF);
			byte[] head = content.readNBytes(SNIFF);
			content.reset();
			String firstLine = firstLine(head);
			if (firstLine.startsWith("HEAD\t")) {
				sink.start("dsr");
				DsrReader dsr = new DsrReader(new TextLines(content), storeName);
				return read(dsr::read, dsr::currentLine, position, sink);
			}
			String lower = firstLine.toLowerCase(java.util.Locale.ROOT);
			if (lower.contains("store") && (lower.contains("quantity") || lower.contains("earnings"))) {
				Charset charset = isUtf8(head) ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1;
				char separator = (firstLine.indexOf('\t') >= 0) ? '\t'
						: ((firstLine.indexOf(';') >= 0 && firstLine.indexOf(',') < 0) ? ';' : ',');
				sink.start("distributor");
				DistributorReader export = new DistributorReader(new InputStreamReader(content, strict(charset)),
						separator);
				return read(export::read, export::currentLine, position, sink);
			}
			throw new MalformedReport(1, "this is neither a DSR file (it would start with HEAD) nor a distributor "
					+ "export (its first row would name the columns: Store, Quantity, Earnings ...)");
		}
		catch (UncheckedIOException ex) {
			throw unreadable(raw, ex.getCause(), position[0] + 1);
		}
		catch (IOException ex) {
			throw unreadable(raw, ex, position[0] + 1);
		}
	}

	private static ReadSummary read(Reading reading, java.util.function.LongSupplier currentLine, long[] position,
			LineSink sink) throws IOException {
		try {
			return reading.read(sink);
		}
		finally {
			position[0] = currentLine.getAsLong();
		}
	}

	private static IOException unreadable(RawReport raw, IOException ex, long line) throws IOException {
		if (raw.failure() != null) {
			return ex;
		}
		if (ex instanceof CharacterCodingException) {
			throw new MalformedReport(line, "the text is not UTF-8");
		}
		if (ex instanceof EOFException) {
			throw new MalformedReport(line, "the gzip stream ends early: the file was cut short");
		}
		if (ex instanceof ZipException) {
			throw new MalformedReport(line, "the gzip stream is corrupt");
		}
		return ex;
	}

	private static String firstLine(byte[] head) {
		int end = 0;
		while (end < head.length && head[end] != '\n' && head[end] != '\r') {
			end++;
		}
		String line = new String(head, 0, end, StandardCharsets.ISO_8859_1);
		return line.startsWith("\u00EF\u00BB\u00BF") ? line.substring(3) : line;
	}

	private static boolean isUtf8(byte[] head) {
		// The head may end inside a character; what precedes its last four bytes decides.
		int length = Math.max(0, head.length - ((head.length == SNIFF) ? 4 : 0));
		try {
			strict(StandardCharsets.UTF_8).decode(ByteBuffer.wrap(head, 0, length));
			return true;
		}
		catch (CharacterCodingException ex) {
			return false;
		}
	}

	private static CharsetDecoder strict(Charset charset) {
		return charset.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
	}

	@FunctionalInterface
	private interface Reading {

		ReadSummary read(LineSink sink) throws IOException;

	}

}
