package com.notalabel.payment.config;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.notalabel.payment.catalogue.TrackCatalogue;
import com.notalabel.payment.earnings.EarningsPosting;
import com.notalabel.payment.earnings.EarningsRecorded;
import com.notalabel.payment.erasure.AccountErasure;
import com.notalabel.shared.events.EventSubscriptions;
import com.notalabel.types.event.DomainEvent;
import com.notalabel.types.event.EventCatalog;
import com.notalabel.types.event.EventCodec;
import com.notalabel.types.events.KnownEvents;
import com.notalabel.types.events.music.TrackUpdated;
import com.notalabel.types.events.user.UserDeleted;

/**
 * The events payment-service consumes: tracks' owners and titles, erasures, and store
 * earnings.
 *
 * <p>
 * Earnings are analytics' {@code analytics.EarningsRecorded}, which this service reads
 * into its own record of the same wire shape ({@link EarningsRecorded}): the codec below
 * maps the wire name to that record. The shared event bus subscribes only to names in
 * shared-types' {@code KnownEvents}; until analytics' record is listed there, no such
 * event can be published either, and the subscription waits for it (a line in the log
 * says so).
 */
@Configuration(proxyBeanMethods = false)
class EventConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EventConfiguration.class);

	@Bean
	EventCodec eventCodec() {
		List<Class<? extends DomainEvent>> events = new ArrayList<>();
		for (Class<? extends DomainEvent> known : KnownEvents.ALL) {
			if (!EventCatalog.typeOf(known).name().equals(EarningsRecorded.NAME)) {
				events.add(known);
			}
		}
		events.add(EarningsRecorded.class);
		return new EventCodec(new EventCatalog(events));
	}

	@Bean
	EventSubscriptions eventSubscriptions(TrackCatalogue catalogue, AccountErasure erasure, EarningsPosting earnings) {
		EventSubscriptions.Builder subscriptions = EventSubscriptions.builder()
			.on(TrackUpdated.class, catalogue::on)
			.on(UserDeleted.class, erasure::on);
		if (earningsAreKnown()) {
			subscriptions.onEnvelope(EarningsRecorded.class, earnings::on);
		}
		else {
			log.warn("{} is not in shared-types' KnownEvents yet: store earnings are not consumed until it is",
					EarningsRecorded.NAME);
		}
		return subscriptions.build();
	}

	static boolean earningsAreKnown() {
		return EventCatalog.standard().classFor(EarningsRecorded.NAME).isPresent();
	}

}
