package com.notalabel.gateway.web;

import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import reactor.netty.NettyPipeline;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import com.notalabel.gateway.config.ConditionalOnEdgeFilters;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EdgeProperties.class)
class WebConfiguration {

	@Bean
	ProblemResponses problemResponses(JsonMapper json) {
		return new ProblemResponses(json);
	}

	@Bean
	GatewayErrorHandler gatewayErrorHandler(ProblemResponses problems) {
		return new GatewayErrorHandler(problems);
	}

	/**
	 * What reactor-netty answers itself, before any filter, gets a problem+json body too
	 * ({@link MalformedRequests}); with or without the edge filters, since it costs next
	 * to nothing.
	 */
	@Bean
	NettyServerCustomizer malformedRequestProblems(ProblemResponses problems) {
		return (server) -> server.doOnChannelInit((observer, channel, remoteAddress) -> {
			ChannelPipeline pipeline = channel.pipeline();
			if (pipeline.get(NettyPipeline.HttpCodec) != null) {
				pipeline.addAfter(NettyPipeline.HttpCodec, MalformedRequests.NAME, new MalformedRequests(problems));
			}
		});
	}

	/**
	 * A client's half-close ends its input, not the connection, so that a body cut short
	 * is answered ({@link HalfClosedRequests}).
	 */
	@Bean
	NettyServerCustomizer halfClosedRequests() {
		return (server) -> server.childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
			.doOnChannelInit((observer, channel, remoteAddress) -> {
				ChannelPipeline pipeline = channel.pipeline();
				if (pipeline.get(NettyPipeline.HttpCodec) != null) {
					pipeline.addAfter(NettyPipeline.HttpCodec, HalfClosedRequests.NAME, new HalfClosedRequests());
				}
			});
	}

	@Bean
	@ConditionalOnEdgeFilters
	EdgeWebFilter edgeWebFilter(EdgeProperties properties, ProblemResponses problems) {
		return new EdgeWebFilter(TrustedProxies.of(properties.trustedProxies()), problems);
	}

	@Bean
	@ConditionalOnEdgeFilters
	CorsFilter corsFilter(EdgeProperties properties, ProblemResponses problems) {
		return new CorsFilter(properties.cors(), problems);
	}

	/**
	 * With or without the edge filters: the services get the forwarding headers and the
	 * trace context either way; only the removal of internal headers is an edge filter.
	 */
	@Bean
	ProxiedRequestHeaders proxiedRequestHeaders(EdgeProperties properties, Environment environment) {
		boolean edgeFilters = environment.getProperty(ConditionalOnEdgeFilters.PROPERTY, Boolean.class, true);
		EdgeProperties.Tracing tracing = properties.tracing();
		return new ProxiedRequestHeaders(edgeFilters,
				tracing.enabled() ? new TraceContext(tracing.samplingProbability()) : null);
	}

	@Bean
	ProxiedResponseHeaders proxiedResponseHeaders() {
		return new ProxiedResponseHeaders();
	}

	@Bean
	@ConditionalOnEdgeFilters
	RequestSizeLimits requestSizeLimits(EdgeProperties properties) {
		return new RequestSizeLimits(properties.maxRequestSize());
	}

	@Bean
	@ConditionalOnEdgeFilters
	RequestSizeLimitFilter requestSizeLimitFilter(RequestSizeLimits limits, ProblemResponses problems) {
		return new RequestSizeLimitFilter(limits, problems);
	}

	@Bean
	@ConditionalOnEdgeFilters
	RequestBodyFilter requestBodyFilter(RequestSizeLimits limits, EdgeProperties properties) {
		return new RequestBodyFilter(limits, properties.requestBodyIdleTimeout());
	}

}
