package com.notalabel.ddex;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The id of a batch in DDEX's SFTP choreography, {@code YYYYMMDDhhmmssnnn} in UTC: the
 * name of the batch's folder and of its manifest, {@code BatchComplete_<BatchId>.xml}.
 *
 * @param value the seventeen digits
 */
public record BatchId(String value) implements Comparable<BatchId> {

	private static final Pattern DIGITS = Pattern.compile("\\d{17}");

	private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS")
		.withZone(ZoneOffset.UTC);

	public BatchId {
		Objects.requireNonNull(value, "value");
		if (!DIGITS.matcher(value).matches()) {
			throw new IllegalArgumentException("A DDEX batch id is 17 digits (YYYYMMDDhhmmssnnn), not " + value);
		}
	}

	/**
	 * The batch id of a batch made at the given moment (to the millisecond).
	 * @param at when the batch was made
	 * @return its id
	 */
	public static BatchId at(Instant at) {
		return new BatchId(FORMAT.format(at));
	}

	/**
	 * The batch id a folder or manifest name carries, if it is one.
	 * @param value the candidate
	 * @return whether {@code value} is a batch id
	 */
	public static boolean isBatchId(String value) {
		return DIGITS.matcher(value).matches();
	}

	/**
	 * The name of the manifest that marks the batch complete.
	 * @return {@code BatchComplete_<BatchId>.xml}
	 */
	public String manifestFileName() {
		return BatchManifest.FILE_PREFIX + this.value + ".xml";
	}

	@Override
	public int compareTo(BatchId other) {
		return this.value.compareTo(other.value);
	}

	@Override
	public String toString() {
		return this.value;
	}

}
