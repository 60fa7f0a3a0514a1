package com.notalabel.bench.chaos.openapi;

import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One operation of a service's OpenAPI document, its schemas resolved.
 *
 * @param service the document's name at the gateway, e.g. {@code music-service}
 * @param method the method, upper case
 * @param path the path template, e.g. {@code /api/v1/albums/{id}}
 * @param parameters its path and query parameters
 * @param body its request body, if it has one
 * @param secured whether the document says it needs a token
 * @param streams whether it answers with an event stream that stays open
 */
public record Operation(String service, String method, String path, List<Parameter> parameters, @Nullable Body body,
		boolean secured, boolean streams) {

	/**
	 * @param name the name
	 * @param in {@code path} or {@code query}
	 * @param schema its schema, references resolved
	 * @param required whether it is required
	 */
	public record Parameter(String name, String in, JsonNode schema, boolean required) {

	}

	/**
	 * @param mediaType the first media type the document lists, e.g.
	 * {@code application/json}
	 * @param schema its schema, references resolved
	 */
	public record Body(String mediaType, JsonNode schema) {

		public boolean json() {
			return this.mediaType.contains("json");
		}

		public boolean multipart() {
			return this.mediaType.startsWith("multipart/");
		}

	}

	public List<Parameter> in(String location) {
		return this.parameters.stream().filter((parameter) -> parameter.in().equals(location)).toList();
	}

	public boolean writes() {
		return !this.method.equals("GET") && !this.method.equals("HEAD") && !this.method.equals("OPTIONS");
	}

	@Override
	public String toString() {
		return this.method + " " + this.path;
	}

}
