package com.notalabel.notification.mail;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;

class MailerTests {

	private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

	private static final UUID ID = UUID.fromString("0b9d6c52-7a0e-4f53-9d1c-2a8e0f7c4b11");

	private final Mailer mailer = new Mailer(new JavaMailSenderImpl(),
			new MailSettings("Not a Label <no-reply@example.com>", URI.create("https://app.example.com")),
			Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void buildsAPlainTextBodyWithItsHtmlAlternativeLast() throws MessagingException, IOException {
		MimeMessage message = this.mailer
			.toMimeMessage(new Mail("ada@example.com", "Ada", "Hello", "plain words", "<p>html words</p>"), ID);

		assertThat(message.getContentType()).startsWith("multipart/alternative");
		Multipart parts = (Multipart) message.getContent();
		assertThat(parts.getCount()).isEqualTo(2);
		assertThat(parts.getBodyPart(0).isMimeType("text/plain")).isTrue();
		assertThat(parts.getBodyPart(0).getContent()).isEqualTo("plain words");
		assertThat(parts.getBodyPart(1).isMimeType("text/html")).isTrue();
		assertThat(parts.getBodyPart(1).getContent()).isEqualTo("<p>html words</p>");
		assertThat(parts.getBodyPart(1).getContentType()).containsIgnoringCase("charset=UTF-8");
	}

	@Test
	void sendsFromTheConfiguredSenderToThePersonByName() throws MessagingException {
		MimeMessage message = this.mailer
			.toMimeMessage(new Mail("ada@example.com", "Ada Lovelace", "Hello", "text", "<p>html</p>"), ID);

		InternetAddress from = (InternetAddress) message.getFrom()[0];
		InternetAddress to = (InternetAddress) message.getAllRecipients()[0];
		assertThat(from.getAddress()).isEqualTo("no-reply@example.com");
		assertThat(from.getPersonal()).isEqualTo("Not a Label");
		assertThat(to.getAddress()).isEqualTo("ada@example.com");
		assertThat(to.getPersonal()).isEqualTo("Ada Lovelace");
		assertThat(message.getSentDate().toInstant()).isEqualTo(NOW);
		assertThat(message.getHeader("Auto-Submitted")).containsExactly("auto-generated");
	}

	@Test
	void givesTheSameMailTheSameMessageIdEveryTimeItIsBuilt() throws MessagingException {
		Mail mail = new Mail("ada@example.com", "Ada", "Hello", "text", "<p>html</p>");

		MimeMessage first = this.mailer.toMimeMessage(mail, ID);
		MimeMessage again = this.mailer.toMimeMessage(mail, ID);

		assertThat(first.getMessageID()).isEqualTo("<" + ID + "@example.com>").isEqualTo(again.getMessageID());
		assertThat(this.mailer.toMimeMessage(mail, UUID.randomUUID()).getMessageID())
			.isNotEqualTo(first.getMessageID());
	}

	@Test
	void keepsANameWithALineBreakFromAddingAHeader() throws MessagingException {
		MimeMessage message = this.mailer.toMimeMessage(
				new Mail("ada@example.com", "Ada\r\nBcc: victim@example.com", "Hello", "text", "<p>html</p>"), ID);

		assertThat(message.getHeader("Bcc")).isNull();
		assertThat(((InternetAddress) message.getAllRecipients()[0]).getPersonal())
			.isEqualTo("Ada Bcc: victim@example.com");
		assertThat(message.getAllRecipients()).hasSize(1);
	}

	@Test
	void encodesANameBeyondAscii() throws MessagingException {
		MimeMessage message = this.mailer
			.toMimeMessage(new Mail("ada@example.com", "Zoë Ünal", "Grüße", "text", "<p>html</p>"), ID);

		assertThat(((InternetAddress) message.getAllRecipients()[0]).getPersonal()).isEqualTo("Zoë Ünal");
		assertThat(message.getHeader("To")[0]).doesNotContain("ë").contains("=?UTF-8?");
		assertThat(message.getSubject()).isEqualTo("Grüße");
	}

}
