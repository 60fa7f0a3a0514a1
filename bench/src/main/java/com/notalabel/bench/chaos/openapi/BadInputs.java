package com.notalabel.bench.chaos.openapi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import com.notalabel.bench.chaos.openapi.FuzzCase.Auth;
import com.notalabel.test.http.Multipart;

/**
 * The bad-input matrix for one operation, from its OpenAPI description alone (issue 13):
 * broken JSON, values of the wrong type or out of range, characters no text may hold,
 * unknown names, the wrong media type, bad percent-encoding, missing and forged
 * credentials, and bodies that end before they said they would.
 */
public final class BadInputs {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int HUGE = 70_000;

	private static final String UNSIGNED_TOKEN = "eyJhbGciOiJub25lIiwidHlwIjoiYXQrand0In0."
			+ "eyJzdWIiOiIwMTk0YzZlMC0wMDAwLTcwMDAtODAwMC0wMDAwMDAwMDAwMDAifQ.";

	private BadInputs() {
	}

	/**
	 * @param auth the case's credentials
	 * @param artistToken the artist's token
	 * @return the bearer value a case with these credentials carries, empty for none
	 */
	public static String bearer(Auth auth, String artistToken) {
		return switch (auth) {
			case ARTIST -> artistToken;
			case NONE -> "";
			case GARBAGE -> "not-a-token";
			case UNSIGNED -> UNSIGNED_TOKEN;
		};
	}

	/**
	 * @param operation the operation
	 * @param pathValues values for its path parameters: the artist's own resources where
	 * there are some; the others get a random UUID
	 * @param file a file the operation's multipart form may carry
	 * @return its cases
	 */
	public static List<FuzzCase> expand(Operation operation, Map<String, String> pathValues, byte[] file) {
		List<FuzzCase> cases = new ArrayList<>();
		String own = fill(operation, pathValues, null);
		String query = sampleQuery(operation);
		String target = own + query;
		pathCases(operation, pathValues, query, cases);
		authCases(operation, target, cases);
		queryCases(operation, own, cases);
		Operation.Body body = operation.body();
		if (body != null && body.json()) {
			jsonCases(operation.method(), target, body, cases);
		}
		else if (body != null && body.multipart()) {
			multipartCases(operation.method(), target, file, cases);
		}
		return cases;
	}

	/**
	 * @param path a path of the platform
	 * @return the cases of requests past the limits of a URL and of the headers
	 */
	public static List<FuzzCase> limits(String path) {
		return List.of(
				new FuzzCase("URL of 70 000 characters", "GET", path + "?chaos=" + "a".repeat(HUGE), Auth.ARTIST, null,
						null, true, Map.of(), -1, true, true, false),
				new FuzzCase("headers of 40 kB", "GET", path, Auth.ARTIST, null, null, true,
						Map.of("X-Chaos-Padding", "a".repeat(40_000)), -1, true, true, false),
				new FuzzCase("query: a NUL (%00)", "GET", path + "?chaos=%00", Auth.ARTIST, null, null, false, Map.of(),
						-1, false, true, false));
	}

	private static void pathCases(Operation operation, Map<String, String> pathValues, String query,
			List<FuzzCase> cases) {
		if (operation.in("path").isEmpty()) {
			return;
		}
		String method = operation.method();
		String json = (operation.body() != null && operation.body().json())
				? JSON.writeValueAsString(Schemas.sample(operation.body().schema())) : null;
		String type = (json != null) ? operation.body().mediaType() : null;
		byte[] body = (json != null) ? json.getBytes(StandardCharsets.UTF_8) : null;
		// Reading what is not the artist's (or nothing at all) can never succeed.
		cases.add(new FuzzCase("path: a random id (another owner's or none)", method,
				fill(operation, Map.of(), "random") + query, Auth.ARTIST, type, body, false, Map.of(), -1,
				method.equals("GET"), true, false));
		cases.add(new FuzzCase("path: not an id", method, fill(operation, Map.of(), "not-an-id") + query, Auth.ARTIST,
				type, body, false, Map.of(), -1, false, true, false));
		cases.add(new FuzzCase("path: a segment of %ff", method, fill(operation, Map.of(), "%ff") + query, Auth.ARTIST,
				type, body, true, Map.of(), -1, false, true, false));
		cases.add(new FuzzCase("path: bad percent-encoding %zz", method, fill(operation, Map.of(), "chaos%zz") + query,
				Auth.ARTIST, type, body, true, Map.of(), -1, false, true, false));
		cases.add(new FuzzCase("path: a NUL (%00)", method, fill(operation, Map.of(), "chaos%00") + query, Auth.ARTIST,
				type, body, false, Map.of(), -1, false, true, false));
		cases.add(new FuzzCase("path: a segment of 4 000 characters", method,
				fill(operation, Map.of(), "a".repeat(4000)) + query, Auth.ARTIST, type, body, false, Map.of(), -1,
				false, true, false));
		cases
			.add(new FuzzCase("path: another owner's id, no token", method, fill(operation, Map.of(), "random") + query,
					Auth.NONE, type, body, false, Map.of(), -1, false, true, false));
	}

	private static void authCases(Operation operation, String target, List<FuzzCase> cases) {
		Operation.Body body = operation.body();
		String type = null;
		byte[] content = null;
		if (body != null && body.json()) {
			type = body.mediaType();
			content = JSON.writeValueAsBytes(Schemas.sample(body.schema()));
		}
		for (Auth auth : List.of(Auth.NONE, Auth.GARBAGE, Auth.UNSIGNED)) {
			cases.add(new FuzzCase("credentials: " + auth.name().toLowerCase(java.util.Locale.ROOT), operation.method(),
					target, auth, type, content, false, Map.of(), -1, false, true, false));
		}
	}

	private static void queryCases(Operation operation, String path, List<FuzzCase> cases) {
		String method = operation.method();
		Operation.Body body = operation.body();
		String type = (body != null && body.json()) ? body.mediaType() : null;
		byte[] content = (type != null) ? JSON.writeValueAsBytes(Schemas.sample(body.schema())) : null;
		for (Operation.Parameter parameter : operation.in("query")) {
			String name = parameter.name();
			String others = sampleQueryWithout(operation, name);
			List<String[]> values = new ArrayList<>();
			String kind = Schemas.type(parameter.schema());
			if (kind.equals("integer") || kind.equals("number")) {
				values.add(new String[] { "chaos", "refuse" });
				values.add(new String[] { "-1", "" });
				values.add(new String[] { "99999999999999999999", "" });
				values.add(new String[] { "1.5", "" });
			}
			if (parameter.schema().has("enum")) {
				values.add(new String[] { "CHAOS_UNKNOWN", "refuse" });
			}
			if (name.equals("sort")) {
				values.add(new String[] { "noSuchKey,asc", "refuse" });
				values.add(new String[] { "noSuchKey", "refuse" });
			}
			values.add(new String[] { "%00", "" });
			values.add(new String[] { "a".repeat(4000), "" });
			for (String[] value : values) {
				cases.add(new FuzzCase("query " + name + "=" + abbreviate(value[0]), method,
						path + "?" + others + name + "=" + value[0], Auth.ARTIST, type, content, false, Map.of(), -1,
						value[1].equals("refuse"), true, false));
			}
			for (String bad : List.of("%ff", "%zz", "%")) {
				cases.add(new FuzzCase("query " + name + "=" + bad, method, path + "?" + others + name + "=" + bad,
						Auth.ARTIST, type, content, true, Map.of(), -1, false, true, false));
			}
			cases.add(new FuzzCase("query " + name + " twice", method,
					path + "?" + others + name + "=" + sampleParameter(parameter) + "&" + name + "=chaos", Auth.ARTIST,
					type, content, false, Map.of(), -1, false, true, false));
		}
		cases.add(new FuzzCase("query: an unknown parameter", method, path + "?chaosUnknown=1", Auth.ARTIST, type,
				content, false, Map.of(), -1, false, true, false));
		cases.add(new FuzzCase("query: a name of %ff", method, path + "?%ff=1", Auth.ARTIST, type, content, true,
				Map.of(), -1, false, true, false));
	}

	private static void jsonCases(String method, String target, Operation.Body body, List<FuzzCase> cases) {
		String type = body.mediaType();
		JsonNode sample = Schemas.sample(body.schema());
		String text = JSON.writeValueAsString(sample);
		List<String> properties = Schemas.propertyNames(body.schema());
		String first = properties.isEmpty() ? "chaos" : properties.get(0);
		cases.add(json("json: malformed", method, target, type, "{\"" + first + "\": ,}", true));
		cases.add(
				json("json: truncated", method, target, type, text.substring(0, Math.max(1, text.length() / 2)), true));
		cases.add(json("json: empty body", method, target, type, "", false));
		cases.add(json("json: null", method, target, type, "null", false));
		cases.add(json("json: an array", method, target, type, "[]", false));
		cases.add(json("json: a string", method, target, type, "\"chaos\"", false));
		cases.add(json("json: a raw NUL character", method, target, type, "{\u0000}", true));
		cases.add(json("json: a byte that is not UTF-8", method, target, type,
				new String(new byte[] { '{', '"', (byte) 0xff, '"', ':', '1', '}' }, StandardCharsets.ISO_8859_1),
				false));
		if (sample.isObject()) {
			ObjectNode unknown = ((ObjectNode) Schemas.sample(body.schema()));
			unknown.put("chaosUnknown", 1);
			cases.add(json("json: an unknown property", method, target, type, JSON.writeValueAsString(unknown), false));
			String duplicated = properties.isEmpty() ? "{\"chaos\":1,\"chaos\":2}"
					: "{\"" + first + "\":" + JSON.writeValueAsString(sample.path(first)) + ","
							+ JSON.writeValueAsString(Schemas.sample(body.schema())).substring(1);
			cases.add(json("json: duplicate key " + first, method, target, type, duplicated, true));
		}
		cases.add(new FuzzCase("json: sent as text/plain", method, target, Auth.ARTIST, "text/plain",
				text.getBytes(StandardCharsets.UTF_8), false, Map.of(), -1, false, true, false));
		cases.add(new FuzzCase("json: sent as application/xml", method, target, Auth.ARTIST, "application/xml",
				"<chaos/>".getBytes(StandardCharsets.UTF_8), false, Map.of(), -1, false, true, false));
		cases.add(new FuzzCase("json: Content-Length larger than the body", method, target, Auth.ARTIST, type,
				text.getBytes(StandardCharsets.UTF_8), true, Map.of(), text.length() + 100, true, true, true));
		for (String property : properties) {
			JsonNode schema = body.schema().path("properties").path(property);
			for (Value value : badValues(schema)) {
				ObjectNode mutated = (ObjectNode) Schemas.sample(body.schema());
				String written = value.json();
				mutated.put(property, "@@chaos-value@@");
				String json = JSON.writeValueAsString(mutated).replace("\"@@chaos-value@@\"", written);
				cases.add(new FuzzCase("body." + property + ": " + value.label(), method, target, Auth.ARTIST, type,
						json.getBytes(StandardCharsets.UTF_8), false, Map.of(), -1, value.refuse(), true, false));
			}
		}
	}

	/**
	 * A bad value for one property.
	 *
	 * @param label what is wrong with it
	 * @param json its JSON text
	 * @param refuse whether it must be refused
	 */
	record Value(String label, String json, boolean refuse) {

	}

	static List<Value> badValues(JsonNode schema) {
		List<Value> values = new ArrayList<>();
		String type = Schemas.type(schema);
		switch (type) {
			case "string" -> {
				values.add(new Value("NUL", "\"chaos\\u0000x\"", true));
				values.add(new Value("unpaired surrogate", "\"\\ud800x\"", true));
				int maxLength = schema.path("maxLength").asInt(Integer.MAX_VALUE);
				values.add(new Value("70 000 characters", "\"" + "a".repeat(HUGE) + "\"", maxLength < HUGE));
				values.add(new Value("a number", "12345", false));
				values.add(new Value("an object", "{\"chaos\":1}", true));
				values.add(new Value("an array", "[\"chaos\"]", false));
				String format = schema.path("format").asString("");
				if (format.equals("date") || format.equals("date-time")) {
					String suffix = format.equals("date") ? "" : "T00:00:00Z";
					values
						.add(new Value("out of range (+999999999-01-01)", "\"+999999999-01-01" + suffix + "\"", false));
					values.add(new Value("not a date", "\"2026-13-45" + suffix + "\"", true));
					values.add(new Value("year 0", "\"0000-01-01" + suffix + "\"", false));
				}
				if (format.equals("uuid")) {
					values.add(new Value("not a UUID", "\"not-a-uuid\"", true));
				}
				if (schema.has("enum")) {
					values.add(new Value("an unknown enum value", "\"CHAOS_UNKNOWN\"", true));
				}
			}
			case "integer", "number" -> {
				values.add(new Value("1e400", "1e400", false));
				values.add(new Value("99999999999999999999", "99999999999999999999", false));
				values.add(new Value("-1", "-1", false));
				values.add(new Value("0.5", "0.5", false));
				values.add(new Value("a string", "\"chaos\"", true));
			}
			case "boolean" -> values.add(new Value("a string", "\"chaos\"", true));
			case "array" -> {
				values.add(new Value("an object", "{\"chaos\":1}", true));
				values.add(new Value("[null]", "[null]", false));
				values.add(new Value("10 000 items", "[" + "1,".repeat(9999) + "1]", false));
				if (Schemas.type(schema.path("items")).equals("string")) {
					values.add(new Value("an item with a NUL", "[\"chaos\\u0000x\"]", true));
				}
			}
			case "object" -> values.add(new Value("a string", "\"chaos\"", false));
			default -> {
			}
		}
		values.add(new Value("null", "null", false));
		return values;
	}

	private static void multipartCases(String method, String target, byte[] file, List<FuzzCase> cases) {
		multipart(cases, "multipart: a file name with NUL", method, target,
				Multipart.file("chaos\u0000.wav", file).metadata("{}"), false);
		multipart(cases, "multipart: a file name with an unpaired surrogate", method, target,
				Multipart.file("chaos\ud800.wav", file), false);
		multipart(cases, "multipart: a file name with a path", method, target, Multipart.file("../../etc/passwd", file),
				false);
		multipart(cases, "multipart: no file part", method, target, new Multipart().metadata("{}"), false);
		multipart(cases, "multipart: a file that is not audio", method, target,
				Multipart.file("chaos.wav", "not audio at all".getBytes(StandardCharsets.UTF_8)), false);
		multipart(cases, "multipart: an empty file", method, target, Multipart.file("chaos.wav", new byte[0]), false);
		multipart(cases, "multipart: metadata that is not JSON", method, target,
				Multipart.file("chaos.wav", file).metadata("{\"title\": ,}"), true);
		multipart(cases, "multipart: metadata with a NUL", method, target,
				Multipart.file("chaos.wav", file).metadata("{\"title\":\"chaos\\u0000x\"}"), true);
		multipart(cases, "multipart: metadata with duplicate keys", method, target,
				Multipart.file("chaos.wav", file).metadata("{\"title\":\"a\",\"title\":\"b\"}"), true);
		cases.add(new FuzzCase("multipart: no boundary", method, target, Auth.ARTIST, "multipart/form-data", file,
				false, Map.of(), -1, true, true, true));
		cases.add(new FuzzCase("multipart: sent as JSON", method, target, Auth.ARTIST, "application/json",
				"{}".getBytes(StandardCharsets.UTF_8), false, Map.of(), -1, true, true, true));
		Multipart whole = Multipart.file("chaos.wav", file);
		byte[] bytes = bytes(whole);
		byte[] half = java.util.Arrays.copyOf(bytes, bytes.length / 2);
		cases.add(new FuzzCase("multipart: Content-Length larger than the body", method, target, Auth.ARTIST,
				whole.contentType(), half, true, Map.of(), bytes.length, true, true, true));
	}

	private static void multipart(List<FuzzCase> cases, String label, String method, String target, Multipart form,
			boolean refuse) {
		// A valid file may be one the artist uploaded before: 409 is then the right answer.
		cases.add(new FuzzCase(label, method, target, Auth.ARTIST, form.contentType(), bytes(form), false, Map.of(), -1,
				refuse, refuse, refuse));
	}

	private static byte[] bytes(Multipart form) {
		try {
			return form.stream().readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static FuzzCase json(String label, String method, String target, String type, String text, boolean refuse) {
		return new FuzzCase(label, method, target, Auth.ARTIST, type, text.getBytes(latinOrUtf8(text)), false, Map.of(),
				-1, refuse, true, refuse);
	}

	/**
	 * Text with a byte above 0x7f that is not a character on purpose goes out byte for
	 * byte.
	 */
	private static java.nio.charset.Charset latinOrUtf8(String text) {
		return text.chars().anyMatch((c) -> c == 0xff) ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8;
	}

	/**
	 * @param operation the operation
	 * @param values values for path parameters by name
	 * @param every a value for every path parameter instead, or {@code null};
	 * {@code random} for a fresh UUID each
	 * @return the path
	 */
	static String fill(Operation operation, Map<String, String> values, @Nullable String every) {
		String path = operation.path();
		for (Operation.Parameter parameter : operation.in("path")) {
			String value;
			if (every == null) {
				value = values.getOrDefault(parameter.name(), sampleParameter(parameter));
			}
			else {
				value = every.equals("random") ? UUID.randomUUID().toString() : every;
			}
			path = path.replace("{" + parameter.name() + "}", value);
		}
		return path;
	}

	private static String sampleQuery(Operation operation) {
		String query = sampleQueryWithout(operation, "");
		return query.isEmpty() ? "" : "?" + query.substring(0, query.length() - 1);
	}

	/**
	 * @return the required query parameters but one, with plausible values, each followed
	 * by {@code &}
	 */
	private static String sampleQueryWithout(Operation operation, String left) {
		StringBuilder query = new StringBuilder();
		for (Operation.Parameter parameter : operation.in("query")) {
			if (parameter.required() && !parameter.name().equals(left)) {
				query.append(parameter.name()).append('=').append(sampleParameter(parameter)).append('&');
			}
		}
		return query.toString();
	}

	private static String sampleParameter(Operation.Parameter parameter) {
		JsonNode sample = Schemas.sample(parameter.schema());
		String text = sample.isValueNode() ? sample.asString() : "chaos";
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	private static String abbreviate(String value) {
		return (value.length() > 20) ? value.length() + " characters" : value;
	}

}
