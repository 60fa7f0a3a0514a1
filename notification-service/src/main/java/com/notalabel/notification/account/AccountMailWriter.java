package com.notalabel.notification.account;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriComponentsBuilder;

import com.notalabel.notification.mail.Mail;
import com.notalabel.notification.mail.MailSettings;

/**
 * Writes an account mail: a greeting by name, what the link is for, the link, how long it
 * works, and what to do if the person did not ask for it. Everything that comes from the
 * event is escaped in the HTML part.
 */
@Component
class AccountMailWriter {

	private static final String HTML = """
			<!DOCTYPE html>
			<html lang="en">
			<head>
			<meta charset="utf-8">
			<meta name="viewport" content="width=device-width, initial-scale=1">
			<title>%1$s</title>
			</head>
			<body style="margin:0;padding:24px;background:#f4f4f4;font-family:Helvetica,Arial,sans-serif;\
			color:#1a1a1a;line-height:1.5;">
			<div style="max-width:560px;margin:0 auto;background:#ffffff;padding:32px;border-radius:8px;">
			<p style="margin:0 0 16px;">%2$s</p>
			<p style="margin:0 0 24px;">%3$s</p>
			<p style="margin:0 0 24px;"><a href="%4$s" style="display:inline-block;padding:12px 20px;\
			background:#1a1a1a;color:#ffffff;text-decoration:none;border-radius:6px;">%5$s</a></p>
			<p style="margin:0 0 16px;font-size:14px;color:#555555;">If the button does not work, \
			copy this link into your browser:<br><a href="%4$s" style="color:#1a1a1a;word-break:break-all;">%4$s</a></p>
			<p style="margin:0 0 16px;font-size:14px;color:#555555;">%6$s</p>
			<p style="margin:0 0 16px;font-size:14px;color:#555555;">%7$s</p>
			<p style="margin:0;font-size:14px;color:#555555;">Not a Label</p>
			</div>
			</body>
			</html>
			""";

	private static final String TEXT = """
			%1$s

			%2$s

			%3$s

			%4$s

			%5$s

			Not a Label
			""";

	private final URI appBaseUrl;

	AccountMailWriter(MailSettings settings) {
		this.appBaseUrl = settings.appBaseUrl();
	}

	Mail write(AccountMailRequest request, Instant now) {
		String link = link(request.kind(), request.token());
		String validity = "The link works once, within the next "
				+ TimeInWords.of(Duration.between(now, request.expiresAt())) + ".";
		String name = singleLine(request.displayName());
		String greeting = name.isEmpty() ? "Hello," : "Hi " + name + ",";
		Wording wording = wording(request);
		String text = TEXT.formatted(greeting, wording.purpose(), link, validity, wording.ifNotYou());
		String html = HTML.formatted(escape(wording.subject()), escape(greeting), escape(wording.purpose()),
				escape(link), escape(wording.action()), escape(validity), escape(wording.ifNotYou()));
		return new Mail(request.email(), name, wording.subject(), text, html);
	}

	/**
	 * The page of the web app that takes the token. The token is encoded as a query value
	 * whatever characters it has, and a base URL with a path or a trailing slash keeps
	 * its path.
	 */
	String link(AccountMailKind kind, String token) {
		return UriComponentsBuilder.fromUri(this.appBaseUrl)
			.path(kind.page())
			.queryParam("token", "{token}")
			.encode()
			.buildAndExpand(token)
			.toUriString();
	}

	private static Wording wording(AccountMailRequest request) {
		return switch (request.kind()) {
			case EMAIL_VERIFICATION -> new Wording("Confirm your email address",
					"Please confirm that " + request.email()
							+ " is the address of your Not a Label account by opening this link:",
					"Confirm my address", "If you did not sign up for Not a Label, you can ignore this mail.");
			case PASSWORD_RESET -> new Wording("Reset your Not a Label password",
					"Someone asked to reset the password of your Not a Label account."
							+ " To choose a new password, open this link:",
					"Choose a new password",
					"If you did not ask for this, ignore this mail: your password stays as it is.");
		};
	}

	/**
	 * user-service refuses control characters in names; this keeps a line break that got
	 * through anyway from laying out text of the sender's choosing in the mail.
	 */
	private static String singleLine(String text) {
		return text.replaceAll("\\p{Cntrl}+", " ").strip();
	}

	private static String escape(String text) {
		return HtmlUtils.htmlEscape(text, "UTF-8");
	}

	private record Wording(String subject, String purpose, String action, String ifNotYou) {

	}

}
