package com.notalabel.gateway.web;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.jspecify.annotations.Nullable;

import org.springframework.web.server.ServerWebExchange;

/**
 * What the gateway establishes about a request before anything else looks at it.
 *
 * @param requestId ties the request's logs, its problem responses and the service's work
 * together; sent to the service and back to the client as {@code X-Request-Id}
 * @param clientAddress the client's address as far as trusted proxies vouch for it; sent
 * to the service as {@code X-Forwarded-For}
 * @param clientKey what anonymous rate limits count by: the address, or for IPv6 its /64
 * network, which one subscriber usually holds whole
 * @param forwardedProto the scheme the client used, when a trusted proxy said so
 * @param forwardedHost the host the client asked for, when a trusted proxy said so
 */
public record EdgeRequest(String requestId, String clientAddress, String clientKey, @Nullable String forwardedProto,
		@Nullable String forwardedHost) {

	public static final String REQUEST_ID_HEADER = "X-Request-Id";

	static final String ATTRIBUTE = EdgeRequest.class.getName();

	/**
	 * The request's edge facts; established by {@link EdgeWebFilter}, or, when the edge
	 * filters are off or the request failed before them, derived from the connection
	 * alone.
	 * @param exchange the exchange
	 * @return its edge facts
	 */
	public static EdgeRequest of(ServerWebExchange exchange) {
		EdgeRequest edge = exchange.getAttribute(ATTRIBUTE);
		if (edge == null) {
			InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
			InetAddress address = (remote != null) ? remote.getAddress() : null;
			edge = of(newRequestId(), address, null, null);
			exchange.getAttributes().put(ATTRIBUTE, edge);
		}
		return edge;
	}

	static EdgeRequest of(String requestId, @Nullable InetAddress client, @Nullable String forwardedProto,
			@Nullable String forwardedHost) {
		if (client == null) {
			return new EdgeRequest(requestId, "unknown", "unknown", forwardedProto, forwardedHost);
		}
		return new EdgeRequest(requestId, client.getHostAddress(), Networks.rateLimitKey(client), forwardedProto,
				forwardedHost);
	}

	/**
	 * A random id in UUID form. It needs to be unique, not unguessable, so it does not
	 * draw on the shared {@code SecureRandom}.
	 * @return a new request id
	 */
	static String newRequestId() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		long high = (random.nextLong() & ~0xF000L) | 0x4000L;
		long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
		return new UUID(high, low).toString();
	}

}
