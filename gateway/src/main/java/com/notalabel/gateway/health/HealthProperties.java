package com.notalabel.gateway.health;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code GET /health} ({@code nal.gateway.health.*}).
 *
 * @param timeout how long each probe may take; a service that has not answered by then
 * counts as down
 * @param cacheFor how long one report is served to everyone: the endpoint is public and
 * must not become a way to multiply load on the services
 * @param readinessPath each service's readiness probe
 */
@Validated
@ConfigurationProperties("nal.gateway.health")
public record HealthProperties(@NotNull @DefaultValue("2s") Duration timeout,
		@NotNull @DefaultValue("2s") Duration cacheFor,
		@NotBlank @DefaultValue("/actuator/health/readiness") String readinessPath) {

}
