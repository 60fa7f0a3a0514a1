package com.notalabel.gateway.web;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * A method and a path pattern, written as configuration writes them:
 * {@code POST /api/v1/auth/login}, or a bare pattern for any method. {@code GET} also
 * covers {@code HEAD}.
 *
 * @param method the method, or {@code null} for any
 * @param pattern the path pattern
 */
public record RequestRule(@Nullable HttpMethod method, PathPattern pattern) {

	public static RequestRule parse(String rule) {
		String text = rule.strip();
		int space = text.indexOf(' ');
		if (space < 0) {
			return new RequestRule(null, PathPatternParser.defaultInstance.parse(text));
		}
		return new RequestRule(HttpMethod.valueOf(text.substring(0, space)),
				PathPatternParser.defaultInstance.parse(text.substring(space + 1).strip()));
	}

	public boolean matches(HttpMethod requestMethod, PathContainer path) {
		if (this.method != null && !this.method.equals(requestMethod)
				&& !(HttpMethod.GET.equals(this.method) && HttpMethod.HEAD.equals(requestMethod))) {
			return false;
		}
		return this.pattern.matches(path);
	}

	@Override
	public String toString() {
		return ((this.method != null) ? this.method.name() + " " : "") + this.pattern.getPatternString();
	}

}
