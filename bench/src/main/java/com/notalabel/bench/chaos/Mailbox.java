package com.notalabel.bench.chaos;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The mails the platform sent, as {@code ./platform up}'s mail catcher keeps them
 * ({@code GET /api/messages}, platform-runner's MailCatcher).
 */
final class Mailbox {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final URI messages;

	Mailbox(String baseUrl) {
		this.messages = URI.create(baseUrl + "/api/messages");
	}

	/**
	 * @param linkPath the path of the link the mails carry, e.g. {@code /verify-email}
	 * @return for each recipient (lower case), how many mails with that link it got
	 */
	Map<String, Integer> countsByRecipient(String linkPath) {
		Map<String, Integer> counts = new HashMap<>();
		for (JsonNode mail : all()) {
			String text = mail.path("text").asString("") + mail.path("html").asString("");
			if (!text.contains(linkPath + "?")) {
				continue;
			}
			for (JsonNode to : mail.path("to")) {
				String recipient = to.asString().toLowerCase(Locale.ROOT);
				int open = recipient.indexOf('<');
				if (open >= 0) {
					recipient = recipient.substring(open + 1, recipient.indexOf('>', open));
				}
				counts.merge(recipient.strip(), 1, Integer::sum);
			}
		}
		return counts;
	}

	private JsonNode all() {
		try {
			HttpResponse<byte[]> response = this.client.send(
					HttpRequest.newBuilder(this.messages).timeout(Duration.ofSeconds(30)).GET().build(),
					HttpResponse.BodyHandlers.ofByteArray());
			return JSON.readTree(response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException("The mail catcher at " + this.messages + " does not answer", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
