package com.notalabel.notification.notice;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.notalabel.notification.inbox.NotificationCategory;
import com.notalabel.notification.mail.AppLinks;
import com.notalabel.notification.mail.Mail;
import com.notalabel.notification.mail.MailLayout;
import com.notalabel.notification.mail.Mailer;
import com.notalabel.notification.preference.Preferences;
import com.notalabel.notification.recipient.Recipient;
import com.notalabel.notification.recipient.Recipients;
import com.notalabel.notification.unsubscribe.UnsubscribeTokens;
import com.notalabel.types.event.EventEnvelope;
import com.notalabel.types.events.payment.SplitInvitationSent;

/**
 * Mails a collaborator the invitation to a track's split, to the address the artist
 * named, which may have no account here. The link carries the invitation's token, so it
 * goes by mail only: the address is what the invitation names, and only its mailbox
 * proves it. An account holding the address has its mail preference for invitations
 * respected; an address without one can unsubscribe by itself.
 */
@Service
public class SplitInvitationMails {

	private static final Logger log = LoggerFactory.getLogger(SplitInvitationMails.class);

	private static final NotificationCategory CATEGORY = NotificationCategory.SPLIT_INVITATION;

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	private final Recipients recipients;

	private final Preferences preferences;

	private final Deliveries deliveries;

	private final UnsubscribeTokens tokens;

	private final AppLinks links;

	private final Mailer mailer;

	private final Clock clock;

	SplitInvitationMails(Recipients recipients, Preferences preferences, Deliveries deliveries,
			UnsubscribeTokens tokens, AppLinks links, Mailer mailer, Clock clock) {
		this.recipients = recipients;
		this.preferences = preferences;
		this.deliveries = deliveries;
		this.tokens = tokens;
		this.links = links;
		this.mailer = mailer;
		this.clock = clock;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void onSplitInvitationSent(EventEnvelope<SplitInvitationSent> envelope) {
		UUID eventId = envelope.id();
		SplitInvitationSent invitation = envelope.payload();
		if (!this.clock.instant().isBefore(invitation.expiresAt())) {
			log.info("Not mailing split invitation {} of event {}: it expired at {}", invitation.invitationId(),
					eventId, invitation.expiresAt());
			return;
		}
		Optional<Recipient> account = this.recipients.findByEmail(invitation.email());
		boolean mailOn = account.map((person) -> this.preferences.channelsFor(person.userId(), CATEGORY).mail())
			.orElseGet(() -> this.preferences.mailOnFor(invitation.email(), CATEGORY));
		if (!mailOn) {
			log.info("Not mailing split invitation {} of event {}: its recipient turned such mails off",
					invitation.invitationId(), eventId);
			return;
		}
		if (!this.deliveries.claimAddress(eventId)) {
			return;
		}
		String token = account.map((person) -> this.tokens.issue(person.userId(), CATEGORY))
			.orElseGet(() -> this.tokens.issue(invitation.email(), CATEGORY));
		this.mailer.send(write(invitation, account.map(Recipient::displayName).orElse(""), token), eventId);
		log.info("Mailed split invitation {} of event {}", invitation.invitationId(), eventId);
	}

	private Mail write(SplitInvitationSent invitation, String name, String token) {
		String inviter = this.recipients.find(invitation.ownerId())
			.map((owner) -> MailLayout.singleLine(owner.displayName()))
			.filter((owner) -> !owner.isEmpty())
			.orElse("An artist on Not a Label");
		String track = (invitation.trackTitle() != null)
				? "\u201c" + MailLayout.singleLine(invitation.trackTitle()) + "\u201d" : "one of their tracks";
		String share = BigDecimal.valueOf(invitation.basisPoints(), 2).stripTrailingZeros().toPlainString() + "%";
		String subject = inviter + " invited you to share the royalties of " + track;
		List<String> paragraphs = List.of(
				inviter + " named you as " + role(invitation.role()) + " on " + track + ", with a share of " + share
						+ " of its royalties.",
				"To accept, open the invitation and sign in, or create a free account. Until you accept,"
						+ " your share is kept for you.",
				"The invitation can be accepted until " + DATE.format(invitation.expiresAt()) + ". If you do not know "
						+ inviter + ", you can ignore this mail.");
		return MailLayout.write(invitation.email(), name, subject, paragraphs, "See the invitation",
				this.links.withTokenSegment("/invitations/", invitation.token()),
				"You get this mail because an artist on Not a Label named this address in a royalty split.",
				this.links.withToken(NoticeMails.UNSUBSCRIBE_PAGE, token),
				this.links.withToken(NoticeMails.ONE_CLICK, token));
	}

	private static String role(SplitInvitationSent.Role role) {
		return switch (role) {
			case OTHER -> "a collaborator";
			case MAIN_ARTIST -> "the main artist";
			default -> "the " + role.name().toLowerCase(Locale.ROOT).replace('_', ' ');
		};
	}

}
