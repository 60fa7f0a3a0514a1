package com.notalabel.analytics.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.notalabel.analytics.catalogue.CatalogueCopies;
import com.notalabel.analytics.erasure.AnalyticsErasure;
import com.notalabel.shared.events.EventSubscriptions;
import com.notalabel.types.events.distribution.ReleaseStatusChanged;
import com.notalabel.types.events.music.AlbumUpdated;
import com.notalabel.types.events.music.TrackUpdated;
import com.notalabel.types.events.user.UserDeleted;

/**
 * The events analytics-service consumes (ARCHITECTURE.md §2).
 */
@Configuration(proxyBeanMethods = false)
class EventConfiguration {

	@Bean
	EventSubscriptions eventSubscriptions(CatalogueCopies catalogue, AnalyticsErasure erasure) {
		return EventSubscriptions.builder()
			.on(TrackUpdated.class, catalogue::on)
			.on(AlbumUpdated.class, catalogue::on)
			.on(ReleaseStatusChanged.class, catalogue::on)
			.on(UserDeleted.class, erasure::on)
			.build();
	}

}
