package com.notalabel.analytics.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/**
 * Lines of UTF-8 text, each decoded on its own so that text that is not UTF-8 is reported
 * on the line that holds it (a reader that decodes ahead would blame an earlier one). LF
 * or CR LF ends a line; a line is at most a megabyte.
 */
final class TextLines {

	private static final int MAX_LINE = 1 << 20;

	private final InputStream in;

	private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
		.onMalformedInput(CodingErrorAction.REPORT)
		.onUnmappableCharacter(CodingErrorAction.REPORT);

	private final byte[] buffer = new byte[1 << 16];

	private int position;

	private int limit;

	private byte[] line = new byte[1024];

	private long number;

	TextLines(InputStream in) {
		this.in = in;
	}

	/**
	 * @return the next line without its end, {@code null} at the end of the text
	 * @throws MalformedReport if the line is not UTF-8 or too long
	 * @throws IOException if reading fails
	 */
	@Nullable String next() throws IOException {
		int length = 0;
		boolean any = false;
		while (true) {
			if (this.position == this.limit) {
				this.limit = this.in.read(this.buffer, 0, this.buffer.length);
				this.position = 0;
				if (this.limit <= 0) {
					this.limit = 0;
					if (!any) {
						return null;
					}
					break;
				}
			}
			any = true;
			int start = this.position;
			int end = start;
			while (end < this.limit && this.buffer[end] != '\n') {
				end++;
			}
			int chunk = end - start;
			if (length + chunk > MAX_LINE) {
				throw new MalformedReport(this.number + 1, "the line is longer than a megabyte");
			}
			if (length + chunk > this.line.length) {
				byte[] larger = new byte[Math.max(this.line.length * 2, length + chunk)];
				System.arraycopy(this.line, 0, larger, 0, length);
				this.line = larger;
			}
			System.arraycopy(this.buffer, start, this.line, length, chunk);
			length += chunk;
			this.position = end;
			if (end < this.limit) {
				this.position++;
				break;
			}
		}
		this.number++;
		if (length > 0 && this.line[length - 1] == '\r') {
			length--;
		}
		boolean ascii = true;
		for (int i = 0; i < length && ascii; i++) {
			ascii = this.line[i] >= 0;
		}
		if (ascii) {
			// Most reports are ASCII, which is valid UTF-8 as it is and needs no decoder.
			return new String(this.line, 0, length, StandardCharsets.ISO_8859_1);
		}
		try {
			return this.decoder.decode(ByteBuffer.wrap(this.line, 0, length)).toString();
		}
		catch (CharacterCodingException ex) {
			throw new MalformedReport(this.number, "the text is not UTF-8");
		}
	}

}
