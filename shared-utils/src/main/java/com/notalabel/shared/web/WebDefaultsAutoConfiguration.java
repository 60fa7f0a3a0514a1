package com.notalabel.shared.web;

import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.ServerConnector;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.jetty.ConfigurableJettyWebServerFactory;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Problem details, request ids, the error page and the container's own error report
 * (Tomcat's or Jetty's, whichever the service runs on) for every servlet service, and the
 * rules every request's JSON and parameters are read by.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration",
		afterName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
@ConditionalOnWebApplication(type = Type.SERVLET)
public final class WebDefaultsAutoConfiguration {

	/** After the observation filter (so logs carry the trace id), before security. */
	static final int REQUEST_ID_FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

	/**
	 * The listen backlog. The service defaults set it under Tomcat's name, since every
	 * service but one runs on Tomcat; a Jetty service takes the same value (and the same
	 * {@code SERVER_ACCEPT_COUNT}) rather than the JDK's 50, which Jetty keeps unless
	 * told.
	 */
	static final String LISTEN_BACKLOG_PROPERTY = "server.tomcat.accept-count";

	static final int DEFAULT_LISTEN_BACKLOG = 1024;

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
	@ConditionalOnClass(name = { "org.apache.catalina.startup.Tomcat", "org.apache.catalina.valves.ErrorReportValve",
			"org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory" })
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

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = { "org.eclipse.jetty.server.Server",
			"org.springframework.boot.jetty.ConfigurableJettyWebServerFactory" })
	static class JettyErrorHandlerConfiguration {

		@Bean
		JettyProblemErrors jettyProblemErrors(ProblemResponseWriter writer, Environment environment) {
			return new JettyProblemErrors(writer,
					environment.getProperty(LISTEN_BACKLOG_PROPERTY, Integer.class, DEFAULT_LISTEN_BACKLOG));
		}

		@Bean
		WebMvcConfigurer storableFileNames() {
			return new WebMvcConfigurer() {
				@Override
				public void addInterceptors(InterceptorRegistry registry) {
					registry.addInterceptor(new StorableFileNames());
				}
			};
		}

	}

	/**
	 * Makes {@link JettyProblemErrorHandler} the server's error handler, which Jetty
	 * calls for what it refuses outside any context (the servlet context keeps Boot's,
	 * which forwards to the application's error page), and gives the connectors the
	 * listen backlog the other services have.
	 */
	static final class JettyProblemErrors
			implements WebServerFactoryCustomizer<ConfigurableJettyWebServerFactory>, Ordered {

		private final ProblemResponseWriter writer;

		private final int listenBacklog;

		JettyProblemErrors(ProblemResponseWriter writer, int listenBacklog) {
			this.writer = writer;
			this.listenBacklog = listenBacklog;
		}

		@Override
		public void customize(ConfigurableJettyWebServerFactory factory) {
			factory.addServerCustomizers((server) -> {
				server.setErrorHandler(new JettyProblemErrorHandler(this.writer));
				for (Connector connector : server.getConnectors()) {
					if (connector instanceof ServerConnector network) {
						network.setAcceptQueueSize(this.listenBacklog);
					}
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
