package com.notalabel.notification.notice;

import java.util.List;

import org.springframework.stereotype.Component;

import com.notalabel.notification.inbox.Notice;
import com.notalabel.notification.mail.AppLinks;
import com.notalabel.notification.mail.Mail;
import com.notalabel.notification.mail.MailLayout;
import com.notalabel.notification.recipient.Recipient;
import com.notalabel.notification.unsubscribe.UnsubscribeTokens;

/**
 * The mail of a notice: its title as the subject, its body, a button to the page it is
 * about, and for a category that can be turned off, the unsubscribe link in the footer
 * and in the {@code List-Unsubscribe} header.
 */
@Component
class NoticeMails {

	static final String UNSUBSCRIBE_PAGE = "/unsubscribe";

	static final String ONE_CLICK = "/api/v1/notifications/unsubscribe";

	private final AppLinks links;

	private final UnsubscribeTokens tokens;

	NoticeMails(AppLinks links, UnsubscribeTokens tokens) {
		this.links = links;
		this.tokens = tokens;
	}

	Mail write(Notice notice, Recipient recipient) {
		String title = notice.category().title();
		if (notice.category().locked()) {
			return MailLayout.write(recipient.email(), recipient.displayName(), notice.title(), List.of(notice.body()),
					"Open Not a Label", this.links.page(notice.link()),
					"This mail is about your account's safety (" + title + "), so it cannot be turned off.", null,
					null);
		}
		String token = this.tokens.issue(recipient.userId(), notice.category());
		return MailLayout.write(recipient.email(), recipient.displayName(), notice.title(), List.of(notice.body()),
				"Open Not a Label", this.links.page(notice.link()),
				"You get this mail because mail is on for \u201c" + title + "\u201d in your notification settings.",
				this.links.withToken(UNSUBSCRIBE_PAGE, token), this.links.withToken(ONE_CLICK, token));
	}

}
