package com.notalabel.notification.testing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * A mail as the SMTP server received it.
 *
 * @param from the sender
 * @param to the recipients
 * @param subject the subject
 * @param contentType the top-level content type
 * @param partTypes the content types of the parts, in order
 * @param text the plain-text part
 * @param html the HTML part
 * @param autoSubmitted the {@code Auto-Submitted} header
 * @param messageId the {@code Message-ID} header
 * @param listUnsubscribe the {@code List-Unsubscribe} header, or empty
 * @param listUnsubscribePost the {@code List-Unsubscribe-Post} header, or empty
 */
public record ReceivedMail(InternetAddress from, List<InternetAddress> to, String subject, String contentType,
		List<String> partTypes, String text, String html, String autoSubmitted, String messageId,
		String listUnsubscribe, String listUnsubscribePost) {

	static ReceivedMail of(MimeMessage message) {
		try {
			List<InternetAddress> to = new ArrayList<>();
			for (Address address : message.getAllRecipients()) {
				to.add((InternetAddress) address);
			}
			Multipart parts = (Multipart) message.getContent();
			List<String> partTypes = new ArrayList<>();
			String text = "";
			String html = "";
			for (int i = 0; i < parts.getCount(); i++) {
				BodyPart part = parts.getBodyPart(i);
				partTypes.add(part.getContentType());
				if (part.isMimeType("text/plain")) {
					text = (String) part.getContent();
				}
				else if (part.isMimeType("text/html")) {
					html = (String) part.getContent();
				}
			}
			return new ReceivedMail((InternetAddress) message.getFrom()[0], to, message.getSubject(),
					message.getContentType(), partTypes, text, html,
					Objects.toString(message.getHeader("Auto-Submitted", ","), ""), message.getMessageID(),
					Objects.toString(message.getHeader("List-Unsubscribe", ","), ""),
					Objects.toString(message.getHeader("List-Unsubscribe-Post", ","), ""));
		}
		catch (MessagingException | IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
