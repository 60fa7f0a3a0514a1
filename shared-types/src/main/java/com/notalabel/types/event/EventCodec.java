package com.notalabel.types.event;

import java.time.Instant;
import java.util.UUID;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns envelopes into JSON and back. Producers and consumers share this one codec so
 * that the wire format is whatever the golden files in this module's tests say it is.
 *
 * <p>
 * Tolerant reader: unknown fields are ignored and an unknown enum constant reads as the
 * constant marked {@code @JsonEnumDefaultValue}, so that producers can add fields and
 * values before consumers are upgraded. The other way round, a field that is missing
 * because the event was written before the field was added reads as {@code null}, or as
 * {@code 0} or {@code false} for a primitive.
 */
public final class EventCodec {

	private final JsonMapper mapper;

	private final EventCatalog catalog;

	public EventCodec(EventCatalog catalog) {
		this.catalog = catalog;
		this.mapper = JsonMapper.builder()
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			// Jackson 3 enables this by default, so an event written before a primitive
			// field was added would not decode once consumers know the field.
			.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
			.enable(EnumFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
			.build();
	}

	public static EventCodec standard() {
		return new EventCodec(EventCatalog.standard());
	}

	public String encode(EventEnvelope<?> envelope) {
		return this.mapper.writeValueAsString(envelope);
	}

	/**
	 * Reads an envelope and its payload.
	 * @param json the wire form
	 * @return the envelope
	 * @throws UnknownEventTypeException if the type is not in the catalogue
	 * @throws EventDecodingException if the text is not a valid envelope
	 */
	public EventEnvelope<DomainEvent> decode(String json) {
		JsonNode root;
		try {
			root = this.mapper.readTree(json);
		}
		catch (JacksonException ex) {
			throw new EventDecodingException("Not JSON", ex);
		}
		if (root == null || !root.isObject()) {
			throw new EventDecodingException("Not a JSON object");
		}
		String type = requiredText(root, "type");
		Class<? extends DomainEvent> payloadClass = this.catalog.classFor(type)
			.orElseThrow(() -> new UnknownEventTypeException(type));
		try {
			JsonNode payloadNode = root.get("payload");
			if (payloadNode == null || !payloadNode.isObject()) {
				throw new EventDecodingException("Envelope of " + type + " has no payload object");
			}
			DomainEvent payload = this.mapper.treeToValue(payloadNode, payloadClass);
			return new EventEnvelope<>(UUID.fromString(requiredText(root, "id")), type, root.path("version").asInt(1),
					Instant.parse(requiredText(root, "occurredAt")), requiredText(root, "producer"),
					requiredText(root, "subject"), payload);
		}
		catch (JacksonException | IllegalArgumentException | NullPointerException
				| java.time.format.DateTimeParseException ex) {
			throw new EventDecodingException("Invalid envelope of " + type + ": " + ex.getMessage(), ex);
		}
	}

	private static String requiredText(JsonNode root, String field) {
		JsonNode node = root.get(field);
		if (node == null || !node.isString() || node.asString().isBlank()) {
			throw new EventDecodingException("Envelope field '" + field + "' is missing");
		}
		return node.asString();
	}

}
