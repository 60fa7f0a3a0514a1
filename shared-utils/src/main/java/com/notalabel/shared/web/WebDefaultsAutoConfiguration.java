package com.notalabel.shared.web;

import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.startup.Tomcat;
import org.apache.catalina.valves.ErrorReportValve;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Problem details, request ids, the error page and Tomcat's error report for every
 * servlet service, and the rules every request's JSON and parameters are read by.
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

	/**
	 * Request bodies are read strictly: a member given twice is refused rather than the
	 * last one silently winning, and no string may carry what cannot be stored. Event
	 * envelopes are read by {@code EventCodec}'s own tolerant mapper, not this one.
	 */
	@Bean
	JsonMapperBuilderCustomizer strictJsonInput() {
		return (builder) -> builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
			.addModule(new StorableTextModule());
	}

	@Bean
	StorableParameters storableParameters() {
		return new StorableParameters();
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

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ Tomcat.class, ErrorReportValve.class })
	static class TomcatErrorReportConfiguration {

		@Bean
		ProblemErrorReports problemErrorReports(ProblemResponseWriter writer) {
			return new ProblemErrorReports(writer);
		}

	}

	/**
	 * Puts {@link ProblemErrorReportValve} where Tomcat's error report valve was. Boot
	 * adds its own (an {@link ErrorReportValve} without details) from a context
	 * customizer of its own factory customizer; this one runs after it and replaces it.
	 */
	static final class ProblemErrorReports
			implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

		private final ProblemResponseWriter writer;

		ProblemErrorReports(ProblemResponseWriter writer) {
			this.writer = writer;
		}

		@Override
		public void customize(ConfigurableTomcatWebServerFactory factory) {
			factory.addContextCustomizers((context) -> {
				if (context.getParent() instanceof StandardHost host) {
					for (Valve valve : host.getPipeline().getValves()) {
						if (valve instanceof ErrorReportValve) {
							host.getPipeline().removeValve(valve);
						}
					}
					// The host adds a valve of this class when it starts unless it has one.
					host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
					host.getPipeline().addValve(new ProblemErrorReportValve(this.writer));
				}
			});
		}

		@Override
		public int getOrder() {
			return Ordered.LOWEST_PRECEDENCE;
		}

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
