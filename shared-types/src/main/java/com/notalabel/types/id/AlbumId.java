package com.notalabel.types.id;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import com.notalabel.types.Uuid7;

/**
 * Identifies a single, EP or album: the unit an artist releases.
 *
 * @param value the UUID
 */
public record AlbumId(UUID value) {

	public AlbumId {
		Ids.requireValue(value, "AlbumId");
	}

	public static AlbumId newId() {
		return new AlbumId(Uuid7.next());
	}

	public static AlbumId of(UUID value) {
		return new AlbumId(value);
	}

	/**
	 * Reads the canonical UUID form, which is also the JSON form.
	 * @param text a UUID such as {@code 0190a6e4-7c3a-7b2e-9f4d-1a2b3c4d5e6f}
	 * @return the id
	 * @throws IllegalArgumentException if the text is not a canonical UUID
	 */
	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public static AlbumId parse(String text) {
		return new AlbumId(Ids.parse(text, "AlbumId"));
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
