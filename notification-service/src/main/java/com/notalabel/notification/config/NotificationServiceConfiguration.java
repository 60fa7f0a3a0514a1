package com.notalabel.notification.config;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

import com.notalabel.notification.account.AccountMails;
import com.notalabel.notification.digest.DigestSettings;
import com.notalabel.notification.digest.WeeklyDigests;
import com.notalabel.notification.erasure.PersonErasure;
import com.notalabel.notification.live.LiveSettings;
import com.notalabel.notification.mail.MailSettings;
import com.notalabel.notification.notice.EventNotifications;
import com.notalabel.notification.notice.SplitInvitationMails;
import com.notalabel.notification.push.PushSettings;
import com.notalabel.notification.recipient.Recipients;
import com.notalabel.types.events.analytics.MilestoneReached;
import com.notalabel.types.events.payment.PayoutCompleted;
import com.notalabel.types.events.payment.PayoutFailed;
import com.notalabel.types.events.payment.SplitInvitationSent;
import com.notalabel.types.events.analytics.SpikeDetected;
import com.notalabel.types.events.analytics.SuspiciousActivity;
import com.notalabel.shared.events.EventSubscriptions;
import com.notalabel.types.events.distribution.ReleaseStatusChanged;
import com.notalabel.types.events.music.TrackProcessed;
import com.notalabel.types.events.music.TrackProcessingFailed;
import com.notalabel.types.events.user.EmailVerificationRequested;
import com.notalabel.types.events.user.PasswordResetRequested;
import com.notalabel.notification.unsubscribe.UnsubscribeSettings;
import com.notalabel.types.events.user.UserDeleted;
import com.notalabel.types.events.user.UserProfileUpdated;
import com.notalabel.types.events.user.UserRegistered;

/**
 * The service's mail settings and the events it consumes.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ MailSettings.class, LiveSettings.class, PushSettings.class, DigestSettings.class,
		UnsubscribeSettings.class })
@EnableScheduling
class NotificationServiceConfiguration {

	@Bean
	EventSubscriptions eventSubscriptions(AccountMails accountMails, Recipients recipients,
			EventNotifications notifications, SplitInvitationMails invitations, WeeklyDigests digests,
			PersonErasure erasure) {
		return EventSubscriptions.builder()
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
			.onEnvelope(SplitInvitationSent.class, invitations::onSplitInvitationSent)
			.onEnvelope(MilestoneReached.class, notifications::onMilestoneReached)
			.onEnvelope(MilestoneReached.class, digests::onMilestoneReached)
			.onEnvelope(SpikeDetected.class, notifications::onSpikeDetected)
			.onEnvelope(SpikeDetected.class, digests::onSpikeDetected)
			.onEnvelope(SuspiciousActivity.class, notifications::onSuspiciousActivity)
			.build();
	}

}
