package com.notalabel.gateway.routing;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import reactor.netty.http.client.HttpClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.gateway.config.HttpClientProperties;
import org.springframework.cloud.gateway.filter.NettyRoutingFilter;
import org.springframework.cloud.gateway.filter.headers.ForwardedHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.GRPCRequestHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.GRPCResponseHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.RemoveForwardedHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.RemoveHopByHopHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.RemoveXForwardedHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.XForwardedHeadersFilter;

/**
 * Spring Cloud Gateway's routing filter with the gateway's own header filters in place of
 * the framework's that do the same work ({@code ProxiedRequestHeaders} and
 * {@code ProxiedResponseHeaders}): those copied every request's headers four times and
 * every answer's twice (ADR 28). The framework's filters stay for its WebSocket routing,
 * which reads the same beans. Its own routing filter is off
 * ({@code global-filter.netty-routing.enabled: false}), and with it the response writer
 * it ties to it, which {@link RoutingConfiguration} therefore declares.
 */
final class RoutingFilter extends NettyRoutingFilter {

	private static final Set<Class<?>> REPLACED = Set.of(RemoveHopByHopHeadersFilter.class,
			RemoveForwardedHeadersFilter.class, RemoveXForwardedHeadersFilter.class, ForwardedHeadersFilter.class,
			XForwardedHeadersFilter.class, GRPCRequestHeadersFilter.class, GRPCResponseHeadersFilter.class);

	private volatile @Nullable List<HttpHeadersFilter> headersFilters;

	RoutingFilter(HttpClient httpClient, ObjectProvider<List<HttpHeadersFilter>> headersFilters,
			HttpClientProperties properties) {
		super(httpClient, headersFilters, properties);
	}

	@Override
	public List<HttpHeadersFilter> getHeadersFilters() {
		List<HttpHeadersFilter> filters = this.headersFilters;
		if (filters == null) {
			List<HttpHeadersFilter> all = super.getHeadersFilters();
			filters = (all != null) ? all.stream().filter((filter) -> !REPLACED.contains(filter.getClass())).toList()
					: List.of();
			this.headersFilters = filters;
		}
		return filters;
	}

}
