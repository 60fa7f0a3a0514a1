package com.notalabel.user.token;

import java.io.OutputStream;
import java.util.Map;

import io.jsonwebtoken.io.AbstractSerializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes token headers and claims with the service's Jackson 3. jjwt's own
 * {@code jjwt-jackson} binds to Jackson 2, which this service would then depend on for
 * this alone; what jjwt hands over here is a flat map of strings, numbers and
 * collections.
 */
final class JacksonJwtSerializer extends AbstractSerializer<Map<String, ?>> {

	private final JsonMapper mapper;

	JacksonJwtSerializer(JsonMapper mapper) {
		this.mapper = mapper;
	}

	@Override
	protected void doSerialize(Map<String, ?> map, OutputStream out) {
		this.mapper.writeValue(out, map);
	}

}
