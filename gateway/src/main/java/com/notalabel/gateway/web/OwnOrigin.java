package com.notalabel.gateway.web;

import java.net.URI;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.web.server.ServerWebExchange;

/**
 * The gateway's own origin as the client addressed it: the scheme and host of the request
 * itself (its {@code Host} header), or, behind a trusted proxy, the
 * {@code X-Forwarded-Proto} and {@code X-Forwarded-Host} it sent. A page the gateway
 * serves (the Swagger UI at {@code /docs}) calls the API from this origin, so CORS and
 * the CSRF origin check accept it as they accept the allowlist. A forged cross-site
 * request cannot pass for it: the browser sets {@code Host} to the site it calls and
 * {@code Origin} to the page's, and nobody but a trusted proxy is believed about the
 * forwarded ones. {@code X-Forwarded-Port} is not read: nginx sends the port it listens
 * on inside its container, not the one the browser used.
 */
public final class OwnOrigin {

	private OwnOrigin() {
	}

	/**
	 * @param exchange the request
	 * @param origin an {@code Origin} (or the origin of a {@code Referer})
	 * @return whether it is the origin the request itself was sent to
	 */
	public static boolean matches(ServerWebExchange exchange, String origin) {
		URI uri = exchange.getRequest().getURI();
		EdgeRequest edge = EdgeRequest.of(exchange);
		String scheme = (edge.forwardedProto() != null) ? firstOf(edge.forwardedProto()) : uri.getScheme();
		String host = (edge.forwardedHost() != null) ? firstOf(edge.forwardedHost()) : hostAndPort(uri);
		if (scheme == null || host == null || host.isEmpty()) {
			return false;
		}
		String own = normalised(scheme, host);
		int separator = origin.indexOf("://");
		if (own == null || separator <= 0) {
			return false;
		}
		return own.equals(normalised(origin.substring(0, separator), origin.substring(separator + 3)));
	}

	/** The server's request URI is made from the {@code Host} header. */
	private static @Nullable String hostAndPort(URI uri) {
		String host = uri.getHost();
		if (host == null) {
			return null;
		}
		return (uri.getPort() >= 0) ? host + ":" + uri.getPort() : host;
	}

	/** A proxy that appends to a forwarded header leaves the client-side value first. */
	private static String firstOf(String value) {
		int comma = value.indexOf(',');
		return ((comma < 0) ? value : value.substring(0, comma)).strip();
	}

	/**
	 * {@code scheme://host[:port]} in lower case, without the scheme's default port, or
	 * {@code null} if it is not an HTTP origin.
	 */
	static @Nullable String normalised(String scheme, String hostAndPort) {
		String lowerScheme = scheme.toLowerCase(Locale.ROOT);
		String defaultPort = switch (lowerScheme) {
			case "http" -> "80";
			case "https" -> "443";
			default -> null;
		};
		if (defaultPort == null || hostAndPort.isEmpty() || hostAndPort.indexOf('/') >= 0
				|| hostAndPort.indexOf('@') >= 0) {
			return null;
		}
		String lower = hostAndPort.toLowerCase(Locale.ROOT);
		int portSeparator = lower.lastIndexOf(':');
		// "[::1]" is a host of its own; "[::1]:3001" and "localhost:3001" end with a port.
		if (portSeparator > lower.lastIndexOf(']')) {
			String port = lower.substring(portSeparator + 1);
			if (port.equals(defaultPort)) {
				lower = lower.substring(0, portSeparator);
			}
		}
		return lowerScheme + "://" + lower;
	}

}
