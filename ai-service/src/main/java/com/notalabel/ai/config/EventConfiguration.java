package com.notalabel.ai.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.notalabel.ai.erasure.ArtistErasure;
import com.notalabel.ai.fact.FactRecorder;
import com.notalabel.shared.events.EventSubscriptions;
import com.notalabel.types.events.analytics.AnalyticsRolledUp;
import com.notalabel.types.events.analytics.MilestoneReached;
import com.notalabel.types.events.analytics.SpikeDetected;
import com.notalabel.types.events.distribution.ReleaseStatusChanged;
import com.notalabel.types.events.music.TrackProcessed;
import com.notalabel.types.events.music.TrackUpdated;
import com.notalabel.types.events.payment.PayoutCompleted;
import com.notalabel.types.events.user.UserDeleted;
import com.notalabel.types.events.user.UserProfileUpdated;

/**
 * The events ai-service consumes: everything its fact sheets are made of, and erasures.
 */
@Configuration(proxyBeanMethods = false)
class EventConfiguration {

	@Bean
	EventSubscriptions eventSubscriptions(FactRecorder facts, ArtistErasure erasure) {
		return EventSubscriptions.builder()
			.on(UserProfileUpdated.class, facts::on)
			.on(TrackUpdated.class, facts::on)
			.on(TrackProcessed.class, facts::on)
			.on(ReleaseStatusChanged.class, facts::on)
			.on(AnalyticsRolledUp.class, facts::on)
			.on(MilestoneReached.class, facts::on)
			.on(SpikeDetected.class, facts::on)
			.on(PayoutCompleted.class, facts::on)
			.on(UserDeleted.class, erasure::on)
			.build();
	}

}
