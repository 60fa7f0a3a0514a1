package com.notalabel.notification.notice;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.notalabel.types.events.analytics.MilestoneReached;
import com.notalabel.types.events.payment.PayoutCompleted;
import com.notalabel.types.events.payment.PayoutFailed;
import com.notalabel.types.events.analytics.SpikeDetected;
import com.notalabel.types.events.analytics.SuspiciousActivity;
import com.notalabel.types.event.EventEnvelope;
import com.notalabel.types.events.distribution.ReleaseStatusChanged;
import com.notalabel.types.events.music.TrackProcessed;
import com.notalabel.types.events.music.TrackProcessingFailed;

/**
 * The consumed events that notify their subject's owner, each in the event consumer's
 * transaction.
 */
@Service
public class EventNotifications {

	private final Notifier notifier;

	EventNotifications(Notifier notifier) {
		this.notifier = notifier;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void onTrackProcessed(EventEnvelope<TrackProcessed> envelope) {
		this.notifier.deliver(envelope.id(), Notices.of(envelope.payload()));
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void onTrackProcessingFailed(EventEnvelope<TrackProcessingFailed> envelope) {
		this.notifier.deliver(envelope.id(), Notices.of(envelope.payload()));
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void onReleaseStatusChanged(EventEnvelope<ReleaseStatusChanged> envelope) {
		Notices.of(envelope.payload()).ifPresent((notice) -> this.notifier.deliver(envelope.id(), notice));
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void onPayoutCompleted(EventEnvelope<PayoutCompleted> envelope) {
		this.notifier.deliver(envelope.id(), Notices.of(envelope.payload()));
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void onPayoutFailed(EventEnvelope<PayoutFailed> envelope) {
		this.notifier.deliver(envelope.id(), Notices.of(envelope.payload()));
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void onMilestoneReached(EventEnvelope<MilestoneReached> envelope) {
		this.notifier.deliver(envelope.id(), Notices.of(envelope.payload()));
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void onSpikeDetected(EventEnvelope<SpikeDetected> envelope) {
		this.notifier.deliver(envelope.id(), Notices.of(envelope.payload()));
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void onSuspiciousActivity(EventEnvelope<SuspiciousActivity> envelope) {
		this.notifier.deliver(envelope.id(), Notices.of(envelope.payload()));
	}

}
