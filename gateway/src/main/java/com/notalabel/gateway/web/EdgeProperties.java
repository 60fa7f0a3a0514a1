package com.notalabel.gateway.web;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The edge's settings ({@code nal.gateway.*}).
 *
 * @param trustedProxies addresses or CIDR blocks of the proxies in front of the gateway
 * (nginx), whose {@code X-Forwarded-*} headers are believed; empty when clients connect
 * directly
 * @param cors which browser origins may call the API
 * @param maxRequestSize the largest request body a route accepts unless its
 * {@code max-request-size} metadata says otherwise
 * @param requestBodyIdleTimeout how long a request body may stop arriving while the
 * gateway waits for more before the client is answered 408 and the service's call is
 * called off
 * @param tracing the trace context the gateway starts for requests that bring none
 */
@Validated
@ConfigurationProperties("nal.gateway")
public record EdgeProperties(@DefaultValue List<String> trustedProxies, @NotNull @Valid Cors cors,
		@NotNull @DefaultValue("1MB") DataSize maxRequestSize,
		@NotNull @DefaultValue("60s") Duration requestBodyIdleTimeout, @NotNull @Valid @DefaultValue Tracing tracing) {

	/**
	 * @param allowedOrigins exact origins ({@code https://app.notalabel.com}); never
	 * {@code *}, since requests carry credentials
	 * @param maxAge how long a browser may cache a preflight answer
	 */
	public record Cors(@NotEmpty List<String> allowedOrigins, @NotNull @DefaultValue("1h") Duration maxAge) {

	}

	/**
	 * @param enabled whether the gateway starts a trace for a request that brings none;
	 * off only to measure what it costs (ADR 28)
	 * @param samplingProbability the share of new traces marked sampled, the services'
	 * own {@code TRACING_SAMPLING_PROBABILITY}
	 */
	public record Tracing(@DefaultValue("true") boolean enabled,
			@DecimalMin("0.0") @DecimalMax("1.0") @DefaultValue("0.1") double samplingProbability) {

	}

}
