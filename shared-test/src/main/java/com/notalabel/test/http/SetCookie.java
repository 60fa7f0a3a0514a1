package com.notalabel.test.http;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One {@code Set-Cookie} header, read as a browser would.
 *
 * @param name the cookie's name
 * @param value its value
 * @param attributes its attributes, names in lower case; flags map to an empty string
 */
public record SetCookie(String name, String value, Map<String, String> attributes) {

	public static SetCookie parse(String header) {
		String[] parts = header.split(";");
		int equals = parts[0].indexOf('=');
		Map<String, String> attributes = new LinkedHashMap<>();
		for (int i = 1; i < parts.length; i++) {
			String part = parts[i].strip();
			int separator = part.indexOf('=');
			String name = (separator < 0) ? part : part.substring(0, separator);
			attributes.put(name.toLowerCase(Locale.ROOT), (separator < 0) ? "" : part.substring(separator + 1));
		}
		return new SetCookie(parts[0].substring(0, equals).strip(), parts[0].substring(equals + 1).strip(), attributes);
	}

	public @Nullable String attribute(String name) {
		return this.attributes.get(name.toLowerCase(Locale.ROOT));
	}

	public boolean has(String flag) {
		return this.attributes.containsKey(flag.toLowerCase(Locale.ROOT));
	}

	public long maxAge() {
		String maxAge = attribute("Max-Age");
		return (maxAge != null) ? Long.parseLong(maxAge) : -1;
	}

}
