package com.notalabel.gateway.config;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;

/**
 * Marks what the gateway adds to plain routing: authentication, rate limits, CORS, the
 * path firewall, header hygiene and body limits.
 * {@code nal.gateway.filters.enabled=false} leaves all of it out; it exists only so that
 * the benchmark can measure bare routing with the same jar (every service still verifies
 * tokens itself), and the gateway says so loudly at start-up.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ConditionalOnBooleanProperty(name = ConditionalOnEdgeFilters.PROPERTY, matchIfMissing = true)
public @interface ConditionalOnEdgeFilters {

	String PROPERTY = "nal.gateway.filters.enabled";

}
