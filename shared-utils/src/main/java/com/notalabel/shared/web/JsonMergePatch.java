package com.notalabel.shared.web;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON merge patch (RFC 7396) of a flat request body: each member of the patch replaces
 * the current value, {@code null} clears it, an absent member keeps it. Request records
 * of this platform have no nested objects that could be merged member by member, so a
 * member's value is replaced whole.
 */
public final class JsonMergePatch {

	private JsonMergePatch() {
	}

	/**
	 * The current state with the patch applied, bound again to its record so that the
	 * record's types and unknown-field rule apply to what the client sent.
	 * @param mapper the service's mapper
	 * @param current the current state, as the request record
	 * @param patch the patch's members
	 * @param type the request record
	 * @param <T> the request record
	 * @return the patched state, not yet validated
	 * @throws JacksonException when a member has the wrong type; {@link #fieldOf} names
	 * it
	 */
	public static <T> T apply(ObjectMapper mapper, T current, Map<String, ? extends @Nullable Object> patch,
			Class<T> type) {
		ObjectNode merged = mapper.valueToTree(current);
		patch.forEach((name, value) -> merged.set(name, mapper.valueToTree(value)));
		return mapper.treeToValue(merged, type);
	}

	/**
	 * The field a binding failure is about, as clients name it: {@code links[1].url}.
	 * @param ex the failure
	 * @param whenNone what to answer when the failure names no field
	 * @return the field
	 */
	public static String fieldOf(JacksonException ex, String whenNone) {
		StringBuilder field = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				field.append(field.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				field.append('[').append(reference.getIndex()).append(']');
			}
		}
		return field.isEmpty() ? whenNone : field.toString();
	}

}
