package com.notalabel.payment.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.notalabel.payment.catalogue.TrackCatalogue;
import com.notalabel.payment.earnings.EarningsPosting;
import com.notalabel.payment.erasure.AccountErasure;
import com.notalabel.shared.events.EventSubscriptions;
import com.notalabel.types.events.analytics.EarningsRecorded;
import com.notalabel.types.events.music.TrackUpdated;
import com.notalabel.types.events.user.UserDeleted;

/**
 * The events payment-service consumes: tracks' owners and titles, erasures, and store
 * earnings (analytics' {@code EarningsRecorded}).
 */
@Configuration(proxyBeanMethods = false)
class EventConfiguration {

	@Bean
	EventSubscriptions eventSubscriptions(TrackCatalogue catalogue, AccountErasure erasure, EarningsPosting earnings) {
		return EventSubscriptions.builder()
			.on(TrackUpdated.class, catalogue::on)
			.on(UserDeleted.class, erasure::on)
			.onEnvelope(EarningsRecorded.class, earnings::on)
			.build();
	}

}
