package com.notalabel.analytics.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.notalabel.types.money.Money;

/**
 * One imported (or refused) report, with what it held.
 *
 * @param id the import
 * @param status {@code COMPLETED} or {@code REFUSED}
 * @param source {@code upload} or {@code store}
 * @param format {@code dsr} or {@code distributor}, {@code null} when unrecognised
 * @param store the store a picked-up report came from
 * @param fileName the file's name as sent
 * @param lines the file's lines
 * @param usageLines the lines that reported usage
 * @param matchedLines usage lines matched to a track or release of the artist
 * @param unmatchedLines usage lines kept without a match
 * @param units streams and downloads reported, less returns
 * @param revenue what the report says was earned, per currency (rounded to the minor
 * unit)
 * @param periodStart the first day covered
 * @param periodEnd the last day covered
 * @param problem why it was refused
 * @param problemLine the line the refusal names
 * @param createdAt when it was imported
 */
public record ImportResponse(UUID id, String status, String source, @Nullable String format, @Nullable String store,
		@Nullable String fileName, long lines, long usageLines, long matchedLines, long unmatchedLines, long units,
		List<Money> revenue, @Nullable LocalDate periodStart, @Nullable LocalDate periodEnd, @Nullable String problem,
		@Nullable Long problemLine, Instant createdAt) {

	public String self() {
		return "/api/v1/analytics/imports/" + this.id;
	}

}
