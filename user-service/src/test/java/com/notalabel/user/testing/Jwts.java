package com.notalabel.user.testing;

import java.util.Base64;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a JWT's parts without verifying it, to look at what was issued.
 */
public final class Jwts {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Jwts() {
	}

	public static JsonNode header(String jwt) {
		return part(jwt, 0);
	}

	public static JsonNode claims(String jwt) {
		return part(jwt, 1);
	}

	private static JsonNode part(String jwt, int index) {
		return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[index]));
	}

}
