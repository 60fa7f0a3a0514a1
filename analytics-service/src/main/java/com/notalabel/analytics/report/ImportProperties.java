package com.notalabel.analytics.report;

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
 */
@Validated
@ConfigurationProperties("nal.analytics.imports")
public record ImportProperties(@DefaultValue("2GB") DataSize maxSize, @Min(1) @DefaultValue("2") int concurrency) {

}
