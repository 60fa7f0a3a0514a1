package com.notalabel.types.id;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import com.notalabel.types.Uuid7;

/**
 * Identifies one transfer of an artist's earnings to their bank account.
 *
 * @param value the UUID
 */
public record PayoutId(UUID value) {

	public PayoutId {
		Ids.requireValue(value, "PayoutId");
	}

	public static PayoutId newId() {
		return new PayoutId(Uuid7.next());
	}

	public static PayoutId of(UUID value) {
		return new PayoutId(value);
	}

	/**
	 * Reads the canonical UUID form, which is also the JSON form.
	 * @param text a UUID such as {@code 0190a6e4-7c3a-7b2e-9f4d-1a2b3c4d5e6f}
	 * @return the id
	 * @throws IllegalArgumentException if the text is not a canonical UUID
	 */
	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public static PayoutId parse(String text) {
		return new PayoutId(Ids.parse(text, "PayoutId"));
	}

	@JsonValue
	@Override
	public UUID value() {
		return this.value;
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
