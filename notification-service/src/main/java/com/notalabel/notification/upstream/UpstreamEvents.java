package com.notalabel.notification.upstream;

import java.util.ArrayList;
import java.util.List;

import com.notalabel.types.event.DomainEvent;
import com.notalabel.types.event.EventCatalog;
import com.notalabel.types.events.KnownEvents;

/**
 * The event catalogue this service reads: the shared one and the records of this package.
 */
public final class UpstreamEvents {

	/** The records of this package, read by their producers' wire names. */
	public static final List<Class<? extends DomainEvent>> ALL = List.of(PayoutCompleted.class, PayoutFailed.class,
			SplitInvitationSent.class, MilestoneReached.class, SpikeDetected.class, SuspiciousActivity.class);

	private UpstreamEvents() {
	}

	/**
	 * The shared catalogue plus the records of this package. A name both define is an
	 * error, which is how the build notices that a record here has become redundant.
	 * @return the catalogue
	 */
	public static EventCatalog catalog() {
		List<Class<? extends DomainEvent>> all = new ArrayList<>(KnownEvents.ALL);
		all.addAll(ALL);
		return new EventCatalog(all);
	}

}
