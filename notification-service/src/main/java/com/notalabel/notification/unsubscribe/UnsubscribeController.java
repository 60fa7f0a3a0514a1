package com.notalabel.notification.unsubscribe;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.notalabel.notification.inbox.NotificationCategory;
import com.notalabel.notification.preference.Preferences;
import com.notalabel.notification.unsubscribe.UnsubscribeTokens.Subscriber;

/**
 * The links of notification mails, public: the token is the credential. {@code GET}
 * changes nothing, because mail scanners prefetch links; {@code POST} is what a mail
 * client's one-click button (RFC 8058) and the web app's page send. The body of the
 * {@code POST} ({@code List-Unsubscribe=One-Click}, form-encoded or multipart, or none)
 * is not needed: the token says everything.
 */
@RestController
@RequestMapping("/api/v1/notifications/unsubscribe")
class UnsubscribeController {

	private final UnsubscribeTokens tokens;

	private final Preferences preferences;

	UnsubscribeController(UnsubscribeTokens tokens, Preferences preferences) {
		this.tokens = tokens;
		this.preferences = preferences;
	}

	@GetMapping
	UnsubscribeResponse describe(@RequestParam(defaultValue = "") String token) {
		Subscriber subscriber = find(token);
		return UnsubscribeResponse.of(subscriber.category(), mailOn(subscriber));
	}

	@PostMapping
	UnsubscribeResponse unsubscribe(@RequestParam(defaultValue = "") String token) {
		Subscriber subscriber = find(token);
		if (subscriber.user() != null) {
			this.preferences.unsubscribeFromMail(subscriber.user(), subscriber.category());
		}
		else if (subscriber.email() != null) {
			this.preferences.unsubscribeAddress(subscriber.email(), subscriber.category());
		}
		return UnsubscribeResponse.of(subscriber.category(), mailOn(subscriber));
	}

	private Subscriber find(String token) {
		return this.tokens.find(token).orElseThrow(UnsubscribeTokenUnknown::new);
	}

	private boolean mailOn(Subscriber subscriber) {
		if (subscriber.user() != null) {
			return this.preferences.channelsFor(subscriber.user(), subscriber.category()).mail();
		}
		return subscriber.email() != null && this.preferences.mailOnFor(subscriber.email(), subscriber.category());
	}

	/**
	 * @param category the category the link is about
	 * @param categoryTitle how the app calls it
	 * @param mail whether mail is still on for it
	 */
	record UnsubscribeResponse(NotificationCategory category, String categoryTitle, boolean mail) {

		static UnsubscribeResponse of(NotificationCategory category, boolean mail) {
			return new UnsubscribeResponse(category, category.title(), mail);
		}

	}

}
