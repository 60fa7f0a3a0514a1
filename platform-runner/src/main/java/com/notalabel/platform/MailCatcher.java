package com.notalabel.platform;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Catches every mail the platform sends (GreenMail's SMTP server) and shows it: as JSON
 * at {@code GET /api/messages} for tests, as a page at {@code /} for a person.
 * {@code DELETE /api/messages} empties it.
 */
final class MailCatcher implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final GreenMail smtp;

	private final HttpServer http;

	private MailCatcher(GreenMail smtp, HttpServer http) {
		this.smtp = smtp;
		this.http = http;
	}

	/**
	 * The ports it will listen on: 1025 and 8025 unless taken
	 * ({@code PLATFORM_SMTP_PORT}, {@code PLATFORM_MAIL_UI_PORT}).
	 */
	record Listening(int smtpPort, int httpPort) {

		static Listening choose() {
			return new Listening(Ports.preferring(Integer.parseInt(Postgres.env("PLATFORM_SMTP_PORT", "1025"))),
					Ports.preferring(Integer.parseInt(Postgres.env("PLATFORM_MAIL_UI_PORT", "8025"))));
		}

	}

	static MailCatcher start(Listening ports) throws IOException {
		int smtpPort = ports.smtpPort();
		int httpPort = ports.httpPort();
		GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		smtp.start();
		HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), httpPort), 0);
		MailCatcher catcher = new MailCatcher(smtp, http);
		http.createContext("/api/messages", catcher::messages);
		http.createContext("/", catcher::page);
		http.start();
		Console.log("Mail: SMTP on 127.0.0.1:" + smtpPort + ", mails at http://127.0.0.1:" + httpPort);
		return catcher;
	}

	int smtpPort() {
		return this.smtp.getSmtp().getPort();
	}

	String url() {
		return "http://127.0.0.1:" + this.http.getAddress().getPort();
	}

	record Mail(int id, List<String> from, List<String> to, String subject, @Nullable Instant sentAt,
			@Nullable String text, @Nullable String html) {

	}

	List<Mail> mails() {
		MimeMessage[] received = this.smtp.getReceivedMessages();
		List<Mail> mails = new ArrayList<>();
		for (int i = 0; i < received.length; i++) {
			mails.add(read(i + 1, received[i]));
		}
		return mails;
	}

	private static Mail read(int id, MimeMessage message) {
		try {
			Map<String, String> bodies = new LinkedHashMap<>();
			collectBodies(message, bodies);
			return new Mail(id, addresses(message.getFrom()),
					addresses(message.getRecipients(jakarta.mail.Message.RecipientType.TO)),
					String.valueOf(message.getSubject()),
					(message.getSentDate() != null) ? message.getSentDate().toInstant() : null,
					bodies.get("text/plain"), bodies.get("text/html"));
		}
		catch (MessagingException | IOException ex) {
			return new Mail(id, List.of(), List.of(), "(unreadable: " + ex.getMessage() + ")", null, null, null);
		}
	}

	private static void collectBodies(Part part, Map<String, String> bodies) throws MessagingException, IOException {
		if (part.isMimeType("text/plain") || part.isMimeType("text/html")) {
			String type = part.isMimeType("text/plain") ? "text/plain" : "text/html";
			bodies.putIfAbsent(type, String.valueOf(part.getContent()));
		}
		else if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart child = multipart.getBodyPart(i);
				collectBodies(child, bodies);
			}
		}
	}

	private static List<String> addresses(Address @Nullable [] addresses) {
		return (addresses != null) ? Arrays.stream(addresses).map(Address::toString).toList() : List.of();
	}

	private void messages(HttpExchange exchange) throws IOException {
		try (exchange) {
			switch (exchange.getRequestMethod()) {
				case "GET" -> respond(exchange, 200, "application/json", JSON.writeValueAsBytes(mails()));
				case "DELETE" -> {
					this.smtp.purgeEmailFromAllMailboxes();
					exchange.sendResponseHeaders(204, -1);
				}
				default -> respond(exchange, 405, "text/plain", "GET or DELETE".getBytes(StandardCharsets.UTF_8));
			}
		}
		catch (Exception ex) {
			throw new IOException(ex);
		}
	}

	private void page(HttpExchange exchange) throws IOException {
		try (exchange) {
			StringBuilder html = new StringBuilder("<!doctype html><meta charset=utf-8><title>Mail catcher</title>"
					+ "<h1>Mails sent by the platform</h1>");
			List<Mail> mails = mails();
			if (mails.isEmpty()) {
				html.append("<p>None yet.</p>");
			}
			for (Mail mail : mails.reversed()) {
				html.append("<article><h2>")
					.append(escape(mail.subject()))
					.append("</h2><p>To ")
					.append(escape(String.join(", ", mail.to())))
					.append(" from ")
					.append(escape(String.join(", ", mail.from())))
					.append("</p><pre>")
					.append(escape((mail.text() != null) ? mail.text() : String.valueOf(mail.html())))
					.append("</pre></article>");
			}
			respond(exchange, 200, "text/html; charset=utf-8", html.toString().getBytes(StandardCharsets.UTF_8));
		}
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

	private static void respond(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
		exchange.getResponseHeaders().set("Content-Type", type);
		exchange.sendResponseHeaders(status, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	@Override
	public void close() {
		this.http.stop(0);
		this.smtp.stop();
	}

}
