package com.notalabel.shared.security;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Finds the access token in {@code Authorization: Bearer} or, for browsers, in the
 * access-token cookie. Public paths are not authenticated at all, so that a stale cookie
 * never stands between a user and the login page.
 */
final class AccessTokenResolver implements BearerTokenResolver {

	private final DefaultBearerTokenResolver header = new DefaultBearerTokenResolver();

	private final String cookieName;

	private final int maxLength;

	private final RequestMatcher publicPaths;

	AccessTokenResolver(String cookieName, int maxLength, RequestMatcher publicPaths) {
		this.cookieName = cookieName;
		this.maxLength = maxLength;
		this.publicPaths = publicPaths;
	}

	@Override
	public @Nullable String resolve(HttpServletRequest request) {
		if (this.publicPaths.matches(request)) {
			return null;
		}
		String token = this.header.resolve(request);
		if (token == null) {
			token = fromCookie(request);
		}
		if (token != null && token.length() > this.maxLength) {
			throw new InvalidBearerTokenException("Access token is too long");
		}
		return token;
	}

	private @Nullable String fromCookie(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return null;
		}
		for (Cookie cookie : cookies) {
			if (this.cookieName.equals(cookie.getName()) && !cookie.getValue().isBlank()) {
				return cookie.getValue();
			}
		}
		return null;
	}

}
