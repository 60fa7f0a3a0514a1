package com.notalabel.types.id;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import com.notalabel.types.Uuid7;

/**
 * Identifies one signed-in device or browser of a user; revoking it logs that device out.
 *
 * @param value the UUID
 */
public record SessionId(UUID value) {

	public SessionId {
		Ids.requireValue(value, "SessionId");
	}

	public static SessionId newId() {
		return new SessionId(Uuid7.next());
	}

	public static SessionId of(UUID value) {
		return new SessionId(value);
	}

	/**
	 * Reads the canonical UUID form, which is also the JSON form.
	 * @param text a UUID such as {@code 0190a6e4-7c3a-7b2e-9f4d-1a2b3c4d5e6f}
	 * @return the id
	 * @throws IllegalArgumentException if the text is not a canonical UUID
	 */
	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public static SessionId parse(String text) {
		return new SessionId(Ids.parse(text, "SessionId"));
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
