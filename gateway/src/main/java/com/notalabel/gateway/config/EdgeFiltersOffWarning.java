package com.notalabel.gateway.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Configuration;

/**
 * Says at every start, at error level, that the gateway runs without its edge filters.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = ConditionalOnEdgeFilters.PROPERTY, havingValue = false)
class EdgeFiltersOffWarning implements ApplicationListener<ApplicationReadyEvent> {

	private static final Logger log = LoggerFactory.getLogger(EdgeFiltersOffWarning.class);

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		log.error(
				"{}=false: the gateway routes WITHOUT authentication, rate limits, CORS or header hygiene."
						+ " This setting exists for benchmarking bare routing only.",
				ConditionalOnEdgeFilters.PROPERTY);
	}

}
