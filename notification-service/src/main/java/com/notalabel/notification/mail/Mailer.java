package com.notalabel.notification.mail;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;

import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Hands mails to the SMTP server. A failure is thrown, never swallowed, so that the event
 * that asked for the mail is retried.
 */
@Component
public class Mailer {

	private final JavaMailSender sender;

	private final InternetAddress from;

	private final Clock clock;

	Mailer(JavaMailSender sender, MailSettings settings, Clock clock) {
		this.sender = sender;
		this.from = settings.sender();
		this.clock = clock;
	}

	/**
	 * Sends a mail and returns once the SMTP server accepted it.
	 * @param mail the mail
	 * @throws MailException if it could not be built, or the server could not be reached
	 * or refused it
	 */
	public void send(Mail mail) {
		this.sender.send(toMimeMessage(mail));
	}

	MimeMessage toMimeMessage(Mail mail) {
		MimeMessage message = this.sender.createMimeMessage();
		try {
			message.setFrom(this.from);
			message.setRecipient(RecipientType.TO, recipient(mail));
			message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
			message.setSentDate(Date.from(this.clock.instant()));
			// RFC 3834: out-of-office and other robots must not answer.
			message.setHeader("Auto-Submitted", "auto-generated");
			MimeBodyPart text = new MimeBodyPart();
			text.setText(mail.text(), StandardCharsets.UTF_8.name(), "plain");
			MimeBodyPart html = new MimeBodyPart();
			html.setText(mail.html(), StandardCharsets.UTF_8.name(), "html");
			// The richest alternative comes last (RFC 2046 §5.1.4).
			message.setContent(new MimeMultipart("alternative", text, html));
			message.saveChanges();
			return message;
		}
		catch (MessagingException | UnsupportedEncodingException ex) {
			throw new MailPreparationException("Could not build the mail '" + mail.subject() + "'", ex);
		}
	}

	private static InternetAddress recipient(Mail mail) throws MessagingException, UnsupportedEncodingException {
		InternetAddress address = new InternetAddress(mail.to(), true);
		String name = singleLine(mail.toName());
		return name.isBlank() ? address
				: new InternetAddress(address.getAddress(), name, StandardCharsets.UTF_8.name());
	}

	/**
	 * A display name comes from the person; a line break in it must not start a new
	 * header.
	 */
	static String singleLine(String text) {
		return text.replaceAll("\\p{Cntrl}+", " ").strip();
	}

}
