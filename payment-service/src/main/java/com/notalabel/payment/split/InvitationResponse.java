package com.notalabel.payment.split;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.notalabel.types.events.payment.SplitInvitationSent.Role;
import com.notalabel.types.id.TrackId;
import com.notalabel.types.money.Money;

/**
 * An invitation as its collaborator sees it.
 *
 * @param id the invitation
 * @param email the address it went to
 * @param accepted whether it was accepted
 * @param expiresAt until when its link can be accepted
 * @param tracks the tracks whose current splits name the collaborator
 * @param held what is held for the collaborator until they accept, per currency (empty
 * once accepted: it was moved to their balance)
 */
record InvitationResponse(UUID id, String email, boolean accepted, Instant expiresAt, List<TrackShare> tracks,
		List<Money> held) {

	/**
	 * @param trackId the track
	 * @param role the collaborator's role on it
	 * @param basisPoints their share
	 */
	record TrackShare(TrackId trackId, Role role, int basisPoints) {

	}

}
