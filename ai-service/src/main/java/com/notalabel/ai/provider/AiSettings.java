package com.notalabel.ai.provider;

import java.math.BigDecimal;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What the artist may spend with the provider and what it costs.
 *
 * @param dailyTokenBudget tokens (prompt and answer together) one artist may use per UTC
 * day
 * @param inputCostPerMillion US dollars per million prompt tokens
 * @param outputCostPerMillion US dollars per million answer tokens
 */
@Validated
@ConfigurationProperties("nal.ai")
public record AiSettings(@Min(1) @DefaultValue("200000") long dailyTokenBudget,
		@NotNull @PositiveOrZero @DefaultValue("0") BigDecimal inputCostPerMillion,
		@NotNull @PositiveOrZero @DefaultValue("0") BigDecimal outputCostPerMillion) {

}
