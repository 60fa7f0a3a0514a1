package com.notalabel.notification.config;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.notalabel.notification.account.AccountMails;
import com.notalabel.notification.mail.MailSettings;
import com.notalabel.shared.events.EventSubscriptions;
import com.notalabel.types.events.user.EmailVerificationRequested;
import com.notalabel.types.events.user.PasswordResetRequested;

/**
 * The service's mail settings and the events it consumes.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MailSettings.class)
class NotificationServiceConfiguration {

	@Bean
	EventSubscriptions eventSubscriptions(AccountMails accountMails) {
		return EventSubscriptions.builder()
			.onEnvelope(EmailVerificationRequested.class, accountMails::onVerificationRequested)
			.onEnvelope(PasswordResetRequested.class, accountMails::onPasswordResetRequested)
			.build();
	}

}
