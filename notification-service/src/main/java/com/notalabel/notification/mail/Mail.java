package com.notalabel.notification.mail;

import java.util.Objects;

/**
 * One message to one person.
 *
 * @param to the recipient's address
 * @param toName how the recipient is called, shown next to the address
 * @param subject the subject line
 * @param text the plain-text body
 * @param html the same content as HTML, already escaped
 */
public record Mail(String to, String toName, String subject, String text, String html) {

	public Mail {
		Objects.requireNonNull(to, "to");
		Objects.requireNonNull(toName, "toName");
		Objects.requireNonNull(subject, "subject");
		Objects.requireNonNull(text, "text");
		Objects.requireNonNull(html, "html");
	}

	@Override
	public String toString() {
		// The bodies carry single-use links; they must never reach a log.
		return "Mail[subject=" + this.subject + "]";
	}

}
