package com.notalabel.notification.mail;

import java.net.URI;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Outgoing mail ({@code nal.mail.*}). The SMTP server itself is Spring Boot's
 * {@code spring.mail.*}.
 *
 * @param from the sender, with a display name: {@code Not a Label <no-reply@example.com>}
 * @param appBaseUrl the web app that links in mails open, such as
 * {@code https://app.example.com}
 */
@Validated
@ConfigurationProperties("nal.mail")
public record MailSettings(@NotBlank String from, @NotNull URI appBaseUrl) {

	public MailSettings {
		// Checked here so that a typo stops the service at start-up, not at the first mail.
		if (from != null && !from.isBlank()) {
			try {
				new InternetAddress(from, true).validate();
			}
			catch (AddressException ex) {
				throw new IllegalArgumentException("nal.mail.from is not a mail address: " + ex.getMessage(), ex);
			}
		}
		if (appBaseUrl != null && (!appBaseUrl.isAbsolute()
				|| !("https".equals(appBaseUrl.getScheme()) || "http".equals(appBaseUrl.getScheme()))
				|| appBaseUrl.getHost() == null)) {
			throw new IllegalArgumentException("nal.mail.app-base-url must be an absolute http(s) URL");
		}
	}

	/**
	 * The sender as an address.
	 * @return the parsed {@link #from()}
	 */
	public InternetAddress sender() {
		try {
			return new InternetAddress(this.from, true);
		}
		catch (AddressException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
