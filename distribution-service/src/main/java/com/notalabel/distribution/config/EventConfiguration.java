package com.notalabel.distribution.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.notalabel.distribution.catalogue.Catalogue;
import com.notalabel.distribution.erasure.AccountErasure;
import com.notalabel.shared.events.EventSubscriptions;
import com.notalabel.types.events.music.AlbumUpdated;
import com.notalabel.types.events.music.TrackDeleted;
import com.notalabel.types.events.music.TrackProcessed;
import com.notalabel.types.events.music.TrackUpdated;
import com.notalabel.types.events.user.UserDeleted;
import com.notalabel.types.events.user.UserProfileUpdated;

/**
 * The events distribution-service consumes (ARCHITECTURE.md §2): the catalogue's whole
 * states for its own copy, the artist's name, and the erasure of accounts.
 */
@Configuration(proxyBeanMethods = false)
class EventConfiguration {

	@Bean
	EventSubscriptions eventSubscriptions(Catalogue catalogue, AccountErasure erasure) {
		return EventSubscriptions.builder()
			.on(AlbumUpdated.class, catalogue::on)
			.on(TrackUpdated.class, catalogue::on)
			.on(TrackProcessed.class, catalogue::on)
			.on(TrackDeleted.class, catalogue::on)
			.on(UserProfileUpdated.class, catalogue::on)
			.on(UserDeleted.class, erasure::on)
			.build();
	}

}
