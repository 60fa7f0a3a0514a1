package com.notalabel.ai.fact;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A fact as the API shows it.
 *
 * @param id the stable id answers cite
 * @param label what it is
 * @param value its value in words and units
 * @param number the number behind it, if any
 * @param unit the number's unit, if any
 * @param observedAt when the platform learnt it; absent for the platform's own facts
 */
public record FactResponse(String id, String label, String value, @Nullable Double number, @Nullable String unit,
		@Nullable Instant observedAt) {

	public static FactResponse of(Fact fact) {
		return new FactResponse(fact.id(), fact.label(), fact.value(), fact.number(), fact.unit(),
				fact.observedAt().equals(Instant.EPOCH) ? null : fact.observedAt());
	}

}
