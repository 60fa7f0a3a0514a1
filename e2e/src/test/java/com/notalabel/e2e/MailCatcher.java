package com.notalabel.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * The mails the platform sent, as the local mail catcher of {@code ./platform up} keeps
 * them ({@code GET /api/messages}).
 */
final class MailCatcher {

	private static final Pattern TOKEN = Pattern.compile("[?&]token=([A-Za-z0-9_\\-]+)");

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final URI messages;

	MailCatcher(String baseUrl) {
		this.messages = URI.create(baseUrl + "/api/messages");
	}

	/**
	 * The token of the newest link to {@code path} mailed to an address.
	 * @param recipient the address
	 * @param path the link's path, such as {@code /verify-email}
	 * @return the token, when such a mail arrived
	 */
	Optional<String> tokenMailedTo(String recipient, String path) {
		for (JsonNode mail : all()) {
			boolean toRecipient = false;
			for (JsonNode to : mail.path("to")) {
				toRecipient |= to.asString().contains(recipient);
			}
			String text = mail.path("text").asString("");
			int link = text.indexOf(path + "?");
			if (toRecipient && link >= 0) {
				Matcher matcher = TOKEN.matcher(text.substring(link));
				if (matcher.find()) {
					return Optional.of(matcher.group(1));
				}
			}
		}
		return Optional.empty();
	}

	private JsonNode all() {
		try {
			HttpResponse<byte[]> response = this.client.send(HttpRequest.newBuilder(this.messages).GET().build(),
					HttpResponse.BodyHandlers.ofByteArray());
			return Api.JSON.readTree(response.body());
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
