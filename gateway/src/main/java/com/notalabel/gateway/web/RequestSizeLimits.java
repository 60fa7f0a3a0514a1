package com.notalabel.gateway.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.cloud.gateway.route.Route;
import org.springframework.util.unit.DataSize;

/**
 * How large a request body each route accepts: its {@code max-request-size} metadata,
 * otherwise {@code nal.gateway.max-request-size}.
 */
final class RequestSizeLimits {

	/** The route metadata key of a route's own limit, such as {@code 200MB}. */
	static final String METADATA_KEY = "max-request-size";

	private final long defaultLimit;

	private final Map<String, Long> limitsByRoute = new ConcurrentHashMap<>();

	RequestSizeLimits(DataSize defaultLimit) {
		this.defaultLimit = defaultLimit.toBytes();
	}

	long limitOf(@Nullable Route route) {
		if (route == null) {
			return this.defaultLimit;
		}
		return this.limitsByRoute.computeIfAbsent(route.getId(), (id) -> {
			Object configured = route.getMetadata().get(METADATA_KEY);
			return (configured != null) ? DataSize.parse(configured.toString()).toBytes() : this.defaultLimit;
		});
	}

}
