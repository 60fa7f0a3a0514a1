package com.notalabel.payment.split;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.notalabel.types.id.UserId;

/**
 * An invitation of a collaborator to an artist's splits.
 *
 * @param id the invitation
 * @param ownerId the artist who invited
 * @param email where it went
 * @param expiresAt until when its latest link can be accepted
 * @param acceptedBy who accepted it, or {@code null}
 * @param acceptedAt when, or {@code null}
 */
public record Invitation(UUID id, UserId ownerId, String email, Instant expiresAt, @Nullable UserId acceptedBy,
		@Nullable Instant acceptedAt) {

	public boolean isAccepted() {
		return this.acceptedBy != null;
	}

}
