package com.notalabel.gateway.web;

import java.util.List;

import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.support.Netty4HeadersAdapter;
import org.springframework.web.server.ServerWebExchange;

/**
 * The headers a service receives, built in one pass: the request's headers without the
 * hop-by-hop ones (RFC 9110 §7.6.1: {@code Connection}, those it names,
 * {@code Keep-Alive}, {@code TE}, {@code Upgrade}, ...), with the gateway's own account
 * of the client address, scheme, host and request id ({@code X-Forwarded-*},
 * {@code X-Request-Id}) and the trace context ({@link TraceContext}). With the edge
 * filters on, nothing a client could use to speak for the gateway passes either
 * ({@code X-User-*}, {@code X-Internal-*}, {@code X-Nal-*}, forwarding headers, request
 * ids). {@code Authorization} and cookies pass unchanged: every service verifies the
 * token again.
 * <p>
 * Spring Cloud Gateway's own request header filters do this in four passes, each copying
 * the headers into a new case-insensitive map ({@code RemoveHopByHopHeadersFilter},
 * {@code RemoveForwardedHeadersFilter}, {@code RemoveXForwardedHeadersFilter},
 * {@code GRPCRequestHeadersFilter}): the routing filter
 * ({@code com.notalabel.gateway.routing}) runs this one and
 * {@link ProxiedResponseHeaders} in their place (ADR 28). The platform's services speak
 * HTTP and JSON, not gRPC.
 */
public final class ProxiedRequestHeaders implements HttpHeadersFilter, Ordered {

	/**
	 * Last, so that other filters (Spring Cloud Gateway's {@code Transfer-Encoding}
	 * normalisation) read the request's own headers and this one writes what is sent.
	 */
	static final int ORDER = Ordered.LOWEST_PRECEDENCE;

	private static final List<String> INTERNAL_PREFIXES = List.of("x-user-", "x-internal-", "x-nal-", "x-forwarded-");

	private static final List<String> INTERNAL_NAMES = List.of("forwarded", "x-real-ip", "x-client-ip", "x-request-id");

	private final boolean removesInternalHeaders;

	private final @Nullable TraceContext traces;

	/**
	 * @param removesInternalHeaders whether the edge filters are on
	 * @param traces the trace context of requests that bring none, or {@code null} to
	 * pass the trace headers on as they came
	 */
	ProxiedRequestHeaders(boolean removesInternalHeaders, @Nullable TraceContext traces) {
		this.removesInternalHeaders = removesInternalHeaders;
		this.traces = traces;
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public boolean supports(Type type) {
		return type == Type.REQUEST;
	}

	@Override
	public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
		TraceContext traces = this.traces;
		boolean traced = traces == null || TraceContext.isCarriedBy(input);
		List<String> connection = input.getConnection();
		// Backed by Netty's headers: case-insensitive without lower-case copies of the names,
		// and what the routing filter copies them into anyway.
		HttpHeaders headers = new ProxiedHeaders(new Netty4HeadersAdapter(
				DefaultHttpHeadersFactory.headersFactory().withValidation(false).newHeaders()));
		input.forEach((name, values) -> {
			if (!isHopByHop(name, connection) && !(this.removesInternalHeaders && isInternal(name))
					&& (traced || !isTraceContext(name))) {
				headers.addAll(name, values);
			}
		});
		if (traces != null) {
			String traceparent = traced ? input.getFirst(TraceContext.TRACEPARENT) : traces.newTraceparent();
			String traceId = traced ? TraceContext.traceIdOf(traceparent) : traceparent.substring(3, 35);
			if (traceId != null) {
				exchange.getAttributes().put(TraceContext.TRACE_ID_ATTRIBUTE, traceId);
			}
			if (!traced) {
				headers.set(TraceContext.TRACEPARENT, traceparent);
			}
		}
		EdgeRequest edge = EdgeRequest.of(exchange);
		headers.set(EdgeRequest.REQUEST_ID_HEADER, edge.requestId());
		headers.set("X-Forwarded-For", edge.clientAddress());
		headers.set("X-Forwarded-Proto",
				(edge.forwardedProto() != null) ? edge.forwardedProto() : exchange.getRequest().getURI().getScheme());
		String host = (edge.forwardedHost() != null) ? edge.forwardedHost() : input.getFirst(HttpHeaders.HOST);
		if (host != null) {
			headers.set("X-Forwarded-Host", host);
		}
		return headers;
	}

	/**
	 * @param name a header's name
	 * @param connection the options of the message's {@code Connection} header
	 */
	static boolean isHopByHop(String name, List<String> connection) {
		boolean hopByHop = switch (name.length()) {
			case 2 -> name.equalsIgnoreCase("te");
			case 7 -> name.equalsIgnoreCase("trailer") || name.equalsIgnoreCase("upgrade");
			case 10 -> name.equalsIgnoreCase("connection") || name.equalsIgnoreCase("keep-alive");
			case 16 -> name.equalsIgnoreCase("proxy-connection");
			case 17 -> name.equalsIgnoreCase("transfer-encoding");
			case 18 -> name.equalsIgnoreCase("proxy-authenticate");
			case 19 -> name.equalsIgnoreCase("proxy-authorization");
			default -> false;
		};
		if (hopByHop) {
			return true;
		}
		for (String option : connection) {
			if (option.equalsIgnoreCase(name)) {
				return true;
			}
		}
		return false;
	}

	private static boolean isTraceContext(String name) {
		return name.equalsIgnoreCase(TraceContext.TRACEPARENT) || name.equalsIgnoreCase(TraceContext.TRACESTATE);
	}

	/** Most names are told apart by their first letter, without a lower-case copy. */
	static boolean isInternal(String name) {
		if (name.length() < 7) {
			return false;
		}
		char first = name.charAt(0);
		if (first != 'x' && first != 'X' && first != 'f' && first != 'F') {
			return false;
		}
		for (String prefix : INTERNAL_PREFIXES) {
			if (name.regionMatches(true, 0, prefix, 0, prefix.length())) {
				return true;
			}
		}
		for (String internal : INTERNAL_NAMES) {
			if (name.equalsIgnoreCase(internal)) {
				return true;
			}
		}
		return false;
	}

}
