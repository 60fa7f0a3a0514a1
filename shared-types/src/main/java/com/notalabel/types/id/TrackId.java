package com.notalabel.types.id;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import com.notalabel.types.Uuid7;

/**
 * Identifies an uploaded recording.
 *
 * @param value the UUID
 */
public record TrackId(UUID value) {

	public TrackId {
		Ids.requireValue(value, "TrackId");
	}

	public static TrackId newId() {
		return new TrackId(Uuid7.next());
	}

	public static TrackId of(UUID value) {
		return new TrackId(value);
	}

	/**
	 * Reads the canonical UUID form, which is also the JSON form.
	 * @param text a UUID such as {@code 0190a6e4-7c3a-7b2e-9f4d-1a2b3c4d5e6f}
	 * @return the id
	 * @throws IllegalArgumentException if the text is not a canonical UUID
	 */
	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public static TrackId parse(String text) {
		return new TrackId(Ids.parse(text, "TrackId"));
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
