package com.notalabel.bench.chaos.openapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads the schemas of an OpenAPI 3.0 or 3.1 document: resolves references, merges
 * compositions, and writes a plausible value for each.
 */
public final class Schemas {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static final int DEPTH = 8;

	private final JsonNode document;

	public Schemas(JsonNode document) {
		this.document = document;
	}

	/**
	 * @param schema a schema that may be a {@code $ref} or an {@code allOf}/{@code oneOf}
	 * @return the schema it stands for, its references resolved down to {@link #DEPTH}
	 */
	public JsonNode resolve(JsonNode schema) {
		return resolve(schema, 0);
	}

	private JsonNode resolve(JsonNode schema, int depth) {
		JsonNode resolved = schema;
		for (int hops = 0; resolved.has("$ref") && hops < DEPTH; hops++) {
			resolved = this.document.at(resolved.path("$ref").asString().substring(1));
		}
		if (depth >= DEPTH || !resolved.isObject()) {
			return resolved;
		}
		if (resolved.has("allOf")) {
			ObjectNode merged = NODES.objectNode();
			ObjectNode properties = NODES.objectNode();
			for (JsonNode part : resolved.path("allOf")) {
				JsonNode partResolved = resolve(part, depth + 1);
				partResolved.properties().forEach((entry) -> {
					if (!entry.getKey().equals("properties")) {
						merged.set(entry.getKey(), entry.getValue());
					}
				});
				partResolved.path("properties")
					.properties()
					.forEach((entry) -> properties.set(entry.getKey(), entry.getValue()));
			}
			merged.set("properties", properties);
			return resolve(merged, depth + 1);
		}
		for (String choice : List.of("oneOf", "anyOf")) {
			for (JsonNode option : resolved.path(choice)) {
				JsonNode optionResolved = resolve(option, depth + 1);
				if (!"null".equals(type(optionResolved))) {
					return optionResolved;
				}
			}
		}
		if (resolved.has("properties")) {
			ObjectNode copy = ((ObjectNode) resolved).deepCopy();
			ObjectNode properties = NODES.objectNode();
			for (Map.Entry<String, JsonNode> property : resolved.path("properties").properties()) {
				properties.set(property.getKey(), resolve(property.getValue(), depth + 1));
			}
			copy.set("properties", properties);
			return copy;
		}
		if (resolved.has("items")) {
			ObjectNode copy = ((ObjectNode) resolved).deepCopy();
			copy.set("items", resolve(resolved.path("items"), depth + 1));
			return copy;
		}
		return resolved;
	}

	/**
	 * @param schema a resolved schema
	 * @return its type ({@code string}, {@code integer}, ...; the first that is not
	 * {@code null} when 3.1 lists several), or {@code object} when it has properties, or
	 * an empty string
	 */
	public static String type(JsonNode schema) {
		JsonNode type = schema.path("type");
		if (type.isArray()) {
			for (JsonNode option : type) {
				if (!option.asString().equals("null")) {
					return option.asString();
				}
			}
		}
		if (type.isString()) {
			return type.asString();
		}
		if (schema.has("properties")) {
			return "object";
		}
		if (schema.has("items")) {
			return "array";
		}
		return "";
	}

	/**
	 * @param schema a resolved schema
	 * @return a value of that schema, as a well-meaning client would send it
	 */
	public static JsonNode sample(JsonNode schema) {
		return sample(schema, 0);
	}

	private static JsonNode sample(JsonNode schema, int depth) {
		if (schema.has("enum") && schema.path("enum").size() > 0) {
			return schema.path("enum").get(0);
		}
		if (schema.has("example") && !schema.path("example").isNull()) {
			return schema.path("example");
		}
		return switch (type(schema)) {
			case "string" -> NODES.stringNode(sampleString(schema));
			case "integer" -> NODES.numberNode(schema.path("minimum").asLong(1));
			case "number" -> NODES.numberNode(schema.path("minimum").asDouble(1.5));
			case "boolean" -> NODES.booleanNode(true);
			case "array" -> {
				ArrayNode array = NODES.arrayNode();
				if (depth < DEPTH) {
					array.add(sample(schema.path("items"), depth + 1));
				}
				yield array;
			}
			case "object" -> {
				ObjectNode object = NODES.objectNode();
				if (depth < DEPTH) {
					schema.path("properties")
						.properties()
						.forEach((entry) -> object.set(entry.getKey(), sample(entry.getValue(), depth + 1)));
				}
				yield object;
			}
			default -> NODES.stringNode("chaos");
		};
	}

	/**
	 * @param object a resolved object schema
	 * @return an object with its required properties only, each a plausible value
	 */
	public static JsonNode sampleRequired(JsonNode object) {
		ObjectNode sample = NODES.objectNode();
		for (JsonNode name : object.path("required")) {
			sample.set(name.asString(), sample(object.path("properties").path(name.asString()), 1));
		}
		return sample;
	}

	private static String sampleString(JsonNode schema) {
		return switch (schema.path("format").asString("")) {
			case "uuid" -> UUID.randomUUID().toString();
			case "date" -> "2026-01-01";
			case "date-time" -> "2026-01-01T00:00:00Z";
			case "email" -> "chaos-" + UUID.randomUUID() + "@example.com";
			case "uri", "url" -> "https://example.com/chaos";
			case "binary" -> "chaos";
			default -> {
				int minimum = schema.path("minLength").asInt(1);
				StringBuilder text = new StringBuilder("chaos");
				while (text.length() < minimum) {
					text.append('x');
				}
				yield text.toString();
			}
		};
	}

	/**
	 * @param object a resolved object schema
	 * @return its properties' names, in the document's order
	 */
	public static List<String> propertyNames(JsonNode object) {
		List<String> names = new ArrayList<>();
		object.path("properties").properties().forEach((entry) -> names.add(entry.getKey()));
		return names;
	}

}
