package com.notalabel.types.events;

import java.util.List;

import com.notalabel.types.event.DomainEvent;
import com.notalabel.types.events.analytics.AnalyticsRolledUp;
import com.notalabel.types.events.analytics.EarningsRecorded;
import com.notalabel.types.events.analytics.MilestoneReached;
import com.notalabel.types.events.analytics.SpikeDetected;
import com.notalabel.types.events.analytics.SuspiciousActivity;
import com.notalabel.types.events.distribution.ReleaseStatusChanged;
import com.notalabel.types.events.distribution.ReleaseSubmitted;
import com.notalabel.types.events.music.AlbumUpdated;
import com.notalabel.types.events.music.TrackDeleted;
import com.notalabel.types.events.music.TrackProcessed;
import com.notalabel.types.events.music.TrackProcessingFailed;
import com.notalabel.types.events.music.TrackUpdated;
import com.notalabel.types.events.music.TrackUploaded;
import com.notalabel.types.events.payment.PayoutCompleted;
import com.notalabel.types.events.payment.PayoutFailed;
import com.notalabel.types.events.payment.PayoutRequested;
import com.notalabel.types.events.payment.SplitInvitationSent;
import com.notalabel.types.events.user.EmailVerificationRequested;
import com.notalabel.types.events.user.PasswordResetRequested;
import com.notalabel.types.events.user.SessionRevoked;
import com.notalabel.types.events.user.UserDeleted;
import com.notalabel.types.events.user.UserProfileUpdated;
import com.notalabel.types.events.user.UserRegistered;

/**
 * Every event record the platform defines, grouped by producer. A new event is added here
 * so that consumers can decode it.
 */
public final class KnownEvents {

	public static final List<Class<? extends DomainEvent>> ALL = List.of(
			// user-service
			UserRegistered.class, EmailVerificationRequested.class, PasswordResetRequested.class,
			UserProfileUpdated.class, SessionRevoked.class, UserDeleted.class,
			// music-service
			TrackUploaded.class, TrackProcessed.class, TrackProcessingFailed.class, TrackDeleted.class,
			AlbumUpdated.class, TrackUpdated.class,
			// distribution-service
			ReleaseSubmitted.class, ReleaseStatusChanged.class,
			// payment-service
			SplitInvitationSent.class, PayoutRequested.class, PayoutCompleted.class, PayoutFailed.class,
			// analytics-service
			EarningsRecorded.class, AnalyticsRolledUp.class, MilestoneReached.class, SpikeDetected.class,
			SuspiciousActivity.class);

	private KnownEvents() {
	}

}
