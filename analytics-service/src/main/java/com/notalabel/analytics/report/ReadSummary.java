package com.notalabel.analytics.report;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * What a reader found once it read a report to its end.
 *
 * @param format {@code dsr} or {@code distributor}
 * @param lines the file's lines, header and footer included
 * @param usageLines the lines that reported usage
 * @param periodStart the first day any line covers, {@code null} without usage lines
 * @param periodEnd the last day any line covers, {@code null} without usage lines
 */
public record ReadSummary(String format, long lines, long usageLines, @Nullable LocalDate periodStart,
		@Nullable LocalDate periodEnd) {

}
