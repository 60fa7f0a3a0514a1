package com.notalabel.types.id;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import com.notalabel.types.Uuid7;

/**
 * Identifies a person's account.
 *
 * @param value the UUID
 */
public record UserId(UUID value) {

	public UserId {
		Ids.requireValue(value, "UserId");
	}

	public static UserId newId() {
		return new UserId(Uuid7.next());
	}

	public static UserId of(UUID value) {
		return new UserId(value);
	}

	/**
	 * Reads the canonical UUID form, which is also the JSON form.
	 * @param text a UUID such as {@code 0190a6e4-7c3a-7b2e-9f4d-1a2b3c4d5e6f}
	 * @return the id
	 * @throws IllegalArgumentException if the text is not a canonical UUID
	 */
	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public static UserId parse(String text) {
		return new UserId(Ids.parse(text, "UserId"));
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
