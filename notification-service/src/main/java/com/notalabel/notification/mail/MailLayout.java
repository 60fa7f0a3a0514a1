package com.notalabel.notification.mail;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.web.util.HtmlUtils;

/**
 * The layout of the notification mails: a greeting, paragraphs, one button with its link
 * spelled out below, and a footer that says why the mail came and how to stop it. The
 * plain-text part says the same. Every value is escaped in the HTML part here, so callers
 * pass plain text.
 */
public final class MailLayout {

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
			%3$s<p style="margin:0 0 24px;"><a href="%4$s" style="display:inline-block;padding:12px 20px;\
			background:#1a1a1a;color:#ffffff;text-decoration:none;border-radius:6px;">%5$s</a></p>
			<p style="margin:0 0 16px;font-size:14px;color:#555555;">If the button does not work, \
			copy this link into your browser:<br><a href="%4$s" style="color:#1a1a1a;word-break:break-all;">%4$s</a></p>
			<p style="margin:0 0 16px;font-size:14px;color:#555555;">Not a Label</p>
			<p style="margin:0;font-size:12px;color:#777777;">%6$s</p>
			</div>
			</body>
			</html>
			""";

	private MailLayout() {
	}

	/**
	 * Writes a mail.
	 * @param to the address
	 * @param name the person's name, or empty
	 * @param subject the subject
	 * @param paragraphs what the mail says
	 * @param action the button's words
	 * @param link where the button leads
	 * @param footer why the mail came
	 * @param unsubscribePage the web page that turns such mails off, linked from the
	 * footer, or {@code null}
	 * @param oneClickUnsubscribe what the mail client's unsubscribe button posts to, or
	 * {@code null}
	 * @return the mail
	 */
	public static Mail write(String to, String name, String subject, List<String> paragraphs, String action,
			String link, String footer, @Nullable String unsubscribePage, @Nullable String oneClickUnsubscribe) {
		String person = singleLine(name);
		String greeting = person.isEmpty() ? "Hello," : "Hi " + person + ",";
		StringBuilder text = new StringBuilder(greeting).append("\n\n");
		StringBuilder html = new StringBuilder();
		for (String paragraph : paragraphs) {
			text.append(paragraph).append("\n\n");
			html.append("<p style=\"margin:0 0 16px;\">").append(escape(paragraph)).append("</p>\n");
		}
		text.append(action).append(": ").append(link).append("\n\nNot a Label\n\n--\n").append(footer);
		String htmlFooter = escape(footer);
		if (unsubscribePage != null) {
			text.append("\nUnsubscribe: ").append(unsubscribePage);
			htmlFooter += " <a href=\"" + escape(unsubscribePage) + "\" style=\"color:#555555;\">Unsubscribe</a>";
		}
		text.append('\n');
		return new Mail(to, person, subject, text.toString(),
				HTML.formatted(escape(subject), escape(greeting), html, escape(link), escape(action), htmlFooter),
				oneClickUnsubscribe);
	}

	/**
	 * Names and titles come from people; a line break in one must not lay out the mail.
	 * @param text the text
	 * @return it on one line
	 */
	public static String singleLine(String text) {
		return text.replaceAll("\\p{Cntrl}+", " ").strip();
	}

	private static String escape(String text) {
		return HtmlUtils.htmlEscape(text, "UTF-8");
	}

}
