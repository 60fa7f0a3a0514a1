package com.notalabel.notification.upstream;

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
 * An artist named a collaborator by email in a track's royalty split; the collaborator is
 * mailed a link with the token.
 *
 * @param invitationId the invitation
 * @param ownerId the artist who owns the track
 * @param trackId the track
 * @param trackTitle the track's title, or {@code null} when payment-service does not know
 * it
 * @param email where the invitation goes
 * @param role what the collaborator did on the track
 * @param basisPoints their share in hundredths of a percent
 * @param token the secret the acceptance link carries; never stored, never logged
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

	@Override
	public String toString() {
		return "SplitInvitationSent[invitationId=" + this.invitationId + ", trackId=" + this.trackId
				+ ", token=<redacted>]";
	}

	/**
	 * What a payee did on the track.
	 */
	public enum Role {

		MAIN_ARTIST, FEATURED_ARTIST, PRODUCER, SONGWRITER, COMPOSER, LYRICIST, MIXING_ENGINEER, MASTERING_ENGINEER,
		REMIXER, PUBLISHER, MANAGER, LABEL,

		@JsonEnumDefaultValue
		OTHER

	}

}
