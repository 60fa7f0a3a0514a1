package com.notalabel.notification.mail;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One message to one person.
 *
 * @param to the recipient's address
 * @param toName how the recipient is called, shown next to the address
 * @param subject the subject line
 * @param text the plain-text body
 * @param html the same content as HTML, already escaped
 * @param oneClickUnsubscribe the URL that a {@code POST} to turns this kind of mail off
 * (RFC 8058), or {@code null} for a mail that cannot be turned off (account mails)
 */
public record Mail(String to, String toName, String subject, String text, String html,
		@Nullable String oneClickUnsubscribe) {

	public Mail {
		Objects.requireNonNull(to, "to");
		Objects.requireNonNull(toName, "toName");
		Objects.requireNonNull(subject, "subject");
		Objects.requireNonNull(text, "text");
		Objects.requireNonNull(html, "html");
	}

	/**
	 * A mail without an unsubscribe link: one about the account itself.
	 * @param to the recipient's address
	 * @param toName how the recipient is called
	 * @param subject the subject line
	 * @param text the plain-text body
	 * @param html the HTML body
	 */
	public Mail(String to, String toName, String subject, String text, String html) {
		this(to, toName, subject, text, html, null);
	}

	@Override
	public String toString() {
		// The bodies carry single-use links; they must never reach a log.
		return "Mail[subject=" + this.subject + "]";
	}

}
