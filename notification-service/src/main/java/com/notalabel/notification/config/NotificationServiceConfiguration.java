package com.notalabel.notification.config;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.notalabel.notification.account.AccountMails;
import com.notalabel.notification.erasure.PersonErasure;
import com.notalabel.notification.live.LiveSettings;
import com.notalabel.notification.mail.MailSettings;
import com.notalabel.notification.notice.EventNotifications;
import com.notalabel.notification.recipient.Recipients;
import com.notalabel.notification.upstream.MilestoneReached;
import com.notalabel.notification.upstream.PayoutCompleted;
import com.notalabel.notification.upstream.PayoutFailed;
import com.notalabel.notification.upstream.SpikeDetected;
import com.notalabel.notification.upstream.SuspiciousActivity;
import com.notalabel.notification.upstream.UpstreamEvents;
import com.notalabel.shared.events.EventSubscriptions;
import com.notalabel.types.event.EventCodec;
import com.notalabel.types.events.distribution.ReleaseStatusChanged;
import com.notalabel.types.events.music.TrackProcessed;
import com.notalabel.types.events.music.TrackProcessingFailed;
import com.notalabel.types.events.user.EmailVerificationRequested;
import com.notalabel.types.events.user.PasswordResetRequested;
import com.notalabel.types.events.user.UserDeleted;
import com.notalabel.types.events.user.UserProfileUpdated;
import com.notalabel.types.events.user.UserRegistered;

/**
 * The service's mail settings and the events it consumes.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ MailSettings.class, LiveSettings.class })
class NotificationServiceConfiguration {

	/**
	 * Reads payment-service's and analytics-service's events that are not in shared-types
	 * yet, as well as the shared ones.
	 */
	@Bean
	EventCodec eventCodec() {
		return new EventCodec(UpstreamEvents.catalog());
	}

	@Bean
	EventSubscriptions eventSubscriptions(AccountMails accountMails, Recipients recipients,
			EventNotifications notifications, PersonErasure erasure) {
		return EventSubscriptions.builder(UpstreamEvents.catalog())
			// The address is recorded before the mail goes, in the same transaction.
			.on(EmailVerificationRequested.class, recipients::on)
			.onEnvelope(EmailVerificationRequested.class, accountMails::onVerificationRequested)
			.onEnvelope(PasswordResetRequested.class, accountMails::onPasswordResetRequested)
			.on(UserRegistered.class, recipients::on)
			.on(UserProfileUpdated.class, recipients::on)
			.on(UserDeleted.class, erasure::on)
			.onEnvelope(TrackProcessed.class, notifications::onTrackProcessed)
			.onEnvelope(TrackProcessingFailed.class, notifications::onTrackProcessingFailed)
			.onEnvelope(ReleaseStatusChanged.class, notifications::onReleaseStatusChanged)
			.onEnvelope(PayoutCompleted.class, notifications::onPayoutCompleted)
			.onEnvelope(PayoutFailed.class, notifications::onPayoutFailed)
			.onEnvelope(MilestoneReached.class, notifications::onMilestoneReached)
			.onEnvelope(SpikeDetected.class, notifications::onSpikeDetected)
			.onEnvelope(SuspiciousActivity.class, notifications::onSuspiciousActivity)
			.build();
	}

}
