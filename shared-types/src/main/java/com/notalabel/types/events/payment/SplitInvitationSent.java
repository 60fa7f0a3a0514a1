package com.notalabel.types.events.payment;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import org.jspecify.annotations.Nullable;

import com.notalabel.types.event.DomainEvent;
import com.notalabel.types.event.EventType;
import com.notalabel.types.id.TrackId;
import com.notalabel.types.id.UserId;

/**
 * An artist named a collaborator by email in a track's royalty split. The collaborator is
 * mailed a link that carries the token; until they accept it with an account of their
 * own, their share accrues as held funds. Sent again, with a new token, when the artist
 * names the collaborator again after the first token expired.
 *
 * @param invitationId the invitation, the same for every token sent for it
 * @param ownerId the artist who owns the track
 * @param trackId the track whose split names the collaborator
 * @param trackTitle the track's title, for the mail's words, or {@code null} when
 * payment-service has not heard of the track's title yet
 * @param email where the invitation goes
 * @param role what the collaborator did on the track
 * @param basisPoints their share of the track's revenue after the platform's fee, in
 * hundredths of a percent (2500 is 25 %)
 * @param token the secret the acceptance link carries; payment-service keeps only its
 * hash
 * @param expiresAt until when the token can be accepted
 * @param sentAt when the invitation was recorded
 */
@EventType(name = "payment.SplitInvitationSent", producer = "payment-service")
public record SplitInvitationSent(UUID invitationId, UserId ownerId, TrackId trackId, @Nullable String trackTitle,
		String email, Role role, int basisPoints, String token, Instant expiresAt,
		Instant sentAt) implements DomainEvent {

	public SplitInvitationSent {
		Objects.requireNonNull(invitationId, "invitationId");
		Objects.requireNonNull(ownerId, "ownerId");
		Objects.requireNonNull(trackId, "trackId");
		Objects.requireNonNull(email, "email");
		Objects.requireNonNull(role, "role");
		Objects.requireNonNull(token, "token");
		Objects.requireNonNull(expiresAt, "expiresAt");
		Objects.requireNonNull(sentAt, "sentAt");
	}

	@Override
	public String subject() {
		return this.invitationId.toString();
	}

	/**
	 * What a payee did on the track.
	 */
	public enum Role {

		MAIN_ARTIST, FEATURED_ARTIST, PRODUCER, SONGWRITER, COMPOSER, LYRICIST, MIXING_ENGINEER, MASTERING_ENGINEER,
		REMIXER, PUBLISHER, MANAGER, LABEL,

		/**
		 * Any role this build does not know: a newer producer's constant reads as this
		 * one.
		 */
		@JsonEnumDefaultValue
		OTHER

	}

}
