package com.notalabel.music.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.notalabel.music.erasure.CatalogueErasure;
import com.notalabel.shared.events.EventSubscriptions;
import com.notalabel.types.events.user.UserDeleted;

/**
 * The events music-service consumes (ARCHITECTURE.md §2).
 */
@Configuration(proxyBeanMethods = false)
class EventConfiguration {

	@Bean
	EventSubscriptions eventSubscriptions(CatalogueErasure erasure) {
		return EventSubscriptions.builder().on(UserDeleted.class, erasure::on).build();
	}

}
