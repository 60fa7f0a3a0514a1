package com.notalabel.shared.web;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * Problem details, request ids and the error page for every servlet service.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration",
		afterName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
@ConditionalOnWebApplication(type = Type.SERVLET)
public final class WebDefaultsAutoConfiguration {

	/** After the observation filter (so logs carry the trace id), before security. */
	static final int REQUEST_ID_FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

	@Bean
	ProblemResponseWriter problemResponseWriter(ObjectProvider<JsonMapper> mapper) {
		return new ProblemResponseWriter(mapper.getIfAvailable(JsonMapper::new));
	}

	@Bean
	ProblemDetailsExceptionHandler problemDetailsExceptionHandler() {
		return new ProblemDetailsExceptionHandler();
	}

	@Bean
	ProblemErrorController problemErrorController(ProblemResponseWriter writer) {
		return new ProblemErrorController(writer);
	}

	@Bean
	FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
		FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
		registration.setOrder(REQUEST_ID_FILTER_ORDER);
		return registration;
	}

	@Bean
	@ConditionalOnClass(RestClientCustomizer.class)
	RestClientCustomizer requestIdPropagation() {
		// The trace context travels through Boot's observation customizer; the request id
		// is ours to carry.
		return (builder) -> builder.requestInterceptor((request, body, execution) -> {
			String id = RequestIds.current();
			if (id != null && !request.getHeaders().containsHeader(RequestIds.HEADER)) {
				request.getHeaders().set(RequestIds.HEADER, id);
			}
			return execution.execute(request, body);
		});
	}

}
