package com.notalabel.bench.chaos.openapi;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Every operation of the platform, read from the OpenAPI documents the gateway lists in
 * springdoc's {@code /api-docs/swagger-config}: a service whose document the gateway
 * serves is covered without naming any of its routes here.
 */
public final class ApiCatalogue {

	private static final Set<String> METHODS = Set.of("get", "put", "post", "patch", "delete");

	private ApiCatalogue() {
	}

	/**
	 * @param swaggerConfig the gateway's {@code /api-docs/swagger-config}
	 * @return each document's name and URL path, e.g. {@code music-service} at
	 * {@code /api-docs/music-service}
	 */
	public static List<Map.Entry<String, String>> documents(JsonNode swaggerConfig) {
		List<Map.Entry<String, String>> documents = new ArrayList<>();
		for (JsonNode url : swaggerConfig.path("urls")) {
			documents.add(Map.entry(url.path("name").asString(), url.path("url").asString()));
		}
		if (documents.isEmpty() && swaggerConfig.has("url")) {
			documents.add(Map.entry("default", swaggerConfig.path("url").asString()));
		}
		return documents;
	}

	/**
	 * @param service the document's name
	 * @param document the OpenAPI document
	 * @return its operations, reads before writes and deletions last (so that the
	 * resources they need still exist when the others run)
	 */
	public static List<Operation> operations(String service, JsonNode document) {
		Schemas schemas = new Schemas(document);
		boolean securedByDefault = hasRequirement(document.path("security"));
		List<Operation> operations = new ArrayList<>();
		for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
			JsonNode item = path.getValue();
			List<JsonNode> shared = new ArrayList<>();
			item.path("parameters").forEach(shared::add);
			for (Map.Entry<String, JsonNode> entry : item.properties()) {
				if (!METHODS.contains(entry.getKey())) {
					continue;
				}
				JsonNode operation = entry.getValue();
				List<Operation.Parameter> parameters = new ArrayList<>();
				List<JsonNode> declared = new ArrayList<>(shared);
				operation.path("parameters").forEach(declared::add);
				for (JsonNode parameter : declared) {
					JsonNode resolved = schemas.resolve(parameter);
					String in = resolved.path("in").asString();
					if (in.equals("path") || in.equals("query")) {
						parameters.add(new Operation.Parameter(resolved.path("name").asString(), in,
								schemas.resolve(resolved.path("schema")), resolved.path("required").asBoolean(false)));
					}
				}
				boolean secured = operation.has("security") ? hasRequirement(operation.path("security"))
						: securedByDefault;
				operations.add(new Operation(service, entry.getKey().toUpperCase(Locale.ROOT), path.getKey(),
						parameters, body(schemas, schemas.resolve(operation.path("requestBody"))), secured,
						streams(operation.path("responses"))));
			}
		}
		operations.sort(Comparator.comparingInt(ApiCatalogue::rank).thenComparing(Operation::path));
		return operations;
	}

	private static int rank(Operation operation) {
		return switch (operation.method()) {
			case "GET" -> 0;
			case "DELETE" -> 2;
			default -> 1;
		};
	}

	private static Operation.@Nullable Body body(Schemas schemas, JsonNode requestBody) {
		for (Map.Entry<String, JsonNode> media : requestBody.path("content").properties()) {
			return new Operation.Body(media.getKey(), schemas.resolve(media.getValue().path("schema")));
		}
		return null;
	}

	private static boolean streams(JsonNode responses) {
		for (Map.Entry<String, JsonNode> response : responses.properties()) {
			for (Map.Entry<String, JsonNode> media : response.getValue().path("content").properties()) {
				if (media.getKey().startsWith("text/event-stream")) {
					return true;
				}
			}
		}
		return false;
	}

	private static boolean hasRequirement(JsonNode security) {
		for (JsonNode requirement : security) {
			if (requirement.size() > 0) {
				return true;
			}
		}
		return false;
	}

}
