package com.notalabel.gateway.web;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
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
 */
@Validated
@ConfigurationProperties("nal.gateway")
public record EdgeProperties(@DefaultValue List<String> trustedProxies, @NotNull @Valid Cors cors,
		@NotNull @DefaultValue("1MB") DataSize maxRequestSize,
		@NotNull @DefaultValue("60s") Duration requestBodyIdleTimeout) {

	/**
	 * @param allowedOrigins exact origins ({@code https://app.notalabel.com}); never
	 * {@code *}, since requests carry credentials
	 * @param maxAge how long a browser may cache a preflight answer
	 */
	public record Cors(@NotEmpty List<String> allowedOrigins, @NotNull @DefaultValue("1h") Duration maxAge) {

	}

}
