package com.notalabel.notification.mail;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.UUID;

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
	 * @param identity what the mail is for (the event that asked for it): the same
	 * identity gives the same {@code Message-ID}, so that a mail sent again, after a
	 * crash between the server's acceptance and the record of it, is the same message to
	 * the recipient's mailbox and client (RFC 5322 §3.6.4), which show it once
	 * @throws MailException if it could not be built, or the server could not be reached
	 * or refused it
	 */
	public void send(Mail mail, UUID identity) {
		this.sender.send(toMimeMessage(mail, identity));
	}

	MimeMessage toMimeMessage(Mail mail, UUID identity) {
		MimeMessage message = this.sender.createMimeMessage();
		try {
			message.setFrom(this.from);
			message.setRecipient(RecipientType.TO, recipient(mail));
			message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
			message.setSentDate(Date.from(this.clock.instant()));
			// RFC 3834: out-of-office and other robots must not answer.
			message.setHeader("Auto-Submitted", "auto-generated");
			if (mail.oneClickUnsubscribe() != null) {
				// RFC 2369 and RFC 8058: the mail client's own unsubscribe button posts to it.
				message.setHeader("List-Unsubscribe", "<" + mail.oneClickUnsubscribe() + ">");
				message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
			}
			MimeBodyPart text = new MimeBodyPart();
			text.setText(mail.text(), StandardCharsets.UTF_8.name(), "plain");
			MimeBodyPart html = new MimeBodyPart();
			html.setText(mail.html(), StandardCharsets.UTF_8.name(), "html");
			// The richest alternative comes last (RFC 2046 §5.1.4).
			message.setContent(new MimeMultipart("alternative", text, html));
			message.saveChanges();
			// After saveChanges, which makes up a random one; JavaMailSender keeps it.
			message.setHeader("Message-ID", "<" + identity + "@" + domainOf(this.from) + ">");
			return message;
		}
		catch (MessagingException | UnsupportedEncodingException ex) {
			throw new MailPreparationException("Could not build the mail '" + mail.subject() + "'", ex);
		}
	}

	private static String domainOf(InternetAddress address) {
		String email = address.getAddress();
		return email.substring(email.lastIndexOf('@') + 1);
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
