package com.notalabel.gateway.docs;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.cloud.gateway.config.GatewayProperties;
import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.cloud.gateway.support.RouteMetadataUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * A route to each service's OpenAPI document at {@code /api-docs/<route id>}, for the
 * Swagger UI at {@code /docs} (springdoc, configured in application.yml). The documents
 * name the service's own address as their server; the gateway replaces it with itself, so
 * that "Try it out" goes through the gateway like every other client.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsRoutes {

	static final String PATH_PREFIX = "/api-docs/";

	/**
	 * After the services' routes (order 0), whose prefixes never overlap these: a request
	 * to the API is matched without first trying a route per document.
	 */
	static final int ORDER = 1;

	private static final Logger log = LoggerFactory.getLogger(ApiDocsRoutes.class);

	@Bean
	RouteLocator apiDocsRouteLocator(RouteLocatorBuilder builder, GatewayProperties gateway, JsonMapper json) {
		RouteLocatorBuilder.Builder routes = builder.routes();
		for (RouteDefinition service : gateway.getRoutes()) {
			String id = service.getId();
			routes.route("api-docs-" + id,
					(route) -> route.order(ORDER)
						.path(PATH_PREFIX + id)
						.and()
						.method(HttpMethod.GET)
						.filters((filters) -> filters.setPath("/v3/api-docs")
							.modifyResponseBody(byte[].class, byte[].class,
									(exchange, body) -> Mono.justOrEmpty(throughTheGateway(json, body))))
						.metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, 5000)
						.uri(service.getUri()));
		}
		return routes.build();
	}

	/**
	 * @param body an OpenAPI document
	 * @return the same document with the gateway as its only server, or the body as it
	 * was if it is not a JSON object
	 */
	static byte @Nullable [] throughTheGateway(JsonMapper json, byte @Nullable [] body) {
		if (body == null) {
			return null;
		}
		try {
			JsonNode document = json.readTree(body);
			if (!(document instanceof ObjectNode object)) {
				return body;
			}
			object.set("servers", json.valueToTree(List.of(Map.of("url", "/", "description", "The gateway"))));
			return json.writeValueAsBytes(object);
		}
		catch (JacksonException ex) {
			log.debug("Passed on an API document that is not JSON: {}", ex.getOriginalMessage());
			return body;
		}
	}

}
