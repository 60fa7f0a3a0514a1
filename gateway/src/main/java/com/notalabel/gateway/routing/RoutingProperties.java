package com.notalabel.gateway.routing;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How the gateway reaches the services ({@code nal.gateway.routing.*}).
 *
 * @param connectTimeout how long a connection to a service may take to open
 */
@Validated
@ConfigurationProperties("nal.gateway.routing")
public record RoutingProperties(@NotNull Duration connectTimeout) {

}
