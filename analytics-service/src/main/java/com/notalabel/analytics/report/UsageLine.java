package com.notalabel.analytics.report;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * One usage line of a report, as read: what was used, where, when, how often and what it
 * earned, before it is matched to the catalogue.
 *
 * @param line the line of the file it was read from, from 1
 * @param usageDate the first day of the usage period
 * @param periodEnd the last day of the usage period
 * @param isrc the recording, or {@code null} (a release-level line)
 * @param upc the release, or {@code null}
 * @param store the store, as the report names it
 * @param country ISO 3166-1 alpha-2, {@code ZZ} when the report names none or the world
 * @param city the city, when the report names one
 * @param units streams or downloads, less returns
 * @param currency ISO 4217, or {@code null} when the line carries no revenue
 * @param revenueMicros revenue in millionths of the currency's unit
 */
public record UsageLine(long line, LocalDate usageDate, LocalDate periodEnd, @Nullable String isrc,
		@Nullable String upc, String store, String country, @Nullable String city, long units,
		@Nullable String currency, long revenueMicros) {

}
