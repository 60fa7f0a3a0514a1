package com.notalabel.payment.earnings;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How earnings are posted ({@code nal.payments.earnings.*}).
 *
 * @param feeBasisPoints the platform's fee on each line of a store report, in hundredths
 * of a percent (0 to 10,000); the rest is split among the track's payees
 * @param chunkSize lines posted per round of statements; a report of any size is still
 * posted in one transaction
 */
@Validated
@ConfigurationProperties("nal.payments.earnings")
public record EarningsProperties(@Min(0) @Max(10_000) @DefaultValue("0") int feeBasisPoints,
		@Min(1) @Max(100_000) @DefaultValue("5000") int chunkSize) {

}
