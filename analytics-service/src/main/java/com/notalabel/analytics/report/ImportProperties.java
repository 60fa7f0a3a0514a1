package com.notalabel.analytics.report;

import java.time.Duration;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Report imports ({@code nal.analytics.imports.*}).
 *
 * @param maxSize the largest report file taken, compressed as sent
 * @param concurrency imports at once; each holds a database connection while its file
 * streams in
 * @param followUpRetry how often the follow-ups left undone (by a process that died after
 * an import's commit, or a follow-up that failed) are looked for, and how old a queued
 * one must be to count as left undone rather than on its way
 */
@Validated
@ConfigurationProperties("nal.analytics.imports")
public record ImportProperties(@DefaultValue("2GB") DataSize maxSize, @Min(1) @DefaultValue("2") int concurrency,
		@DefaultValue("1m") Duration followUpRetry) {

}
