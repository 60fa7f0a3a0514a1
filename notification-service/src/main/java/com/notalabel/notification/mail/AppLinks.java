package com.notalabel.notification.mail;

import java.net.URI;

import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Links from mails into the web app (and its API, which the web app's origin serves too).
 * A base URL with a path keeps it; whatever a value holds is encoded.
 */
@Component
public class AppLinks {

	private final URI base;

	AppLinks(MailSettings settings) {
		this.base = settings.appBaseUrl();
	}

	/**
	 * @param path a page of the app, such as {@code /releases/0190...}
	 * @return its absolute URL
	 */
	public String page(String path) {
		return UriComponentsBuilder.fromUri(this.base).path(path).build().toUriString();
	}

	/**
	 * @param path a page of the app
	 * @param token the value of its {@code token} query parameter
	 * @return its absolute URL
	 */
	public String withToken(String path, String token) {
		return UriComponentsBuilder.fromUri(this.base)
			.path(path)
			.queryParam("token", "{token}")
			.encode()
			.buildAndExpand(token)
			.toUriString();
	}

	/**
	 * @param path a page whose last segment is the token, such as {@code /invitations/}
	 * @param token the segment
	 * @return its absolute URL
	 */
	public String withTokenSegment(String path, String token) {
		return UriComponentsBuilder.fromUri(this.base)
			.path(path)
			.path("{token}")
			.encode()
			.buildAndExpand(token)
			.toUriString();
	}

}
