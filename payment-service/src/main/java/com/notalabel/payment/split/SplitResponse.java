package com.notalabel.payment.split;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.notalabel.types.events.payment.SplitInvitationSent.Role;
import com.notalabel.types.id.TrackId;
import com.notalabel.types.money.Money;

/**
 * A track's split as it stands: its latest version, or, before any was set, the default
 * (everything to the owner, version 0).
 *
 * @param trackId the track
 * @param version the version's number, 0 for the default
 * @param effectiveFrom the first day it is in force, or {@code null} (from the beginning)
 * @param shares its shares
 * @param recoupment its recoupment, or {@code null}
 * @param createdAt when it was set, or {@code null} for the default
 */
record SplitResponse(TrackId trackId, int version, @Nullable LocalDate effectiveFrom, List<ShareResponse> shares,
		@Nullable RecoupmentResponse recoupment, @Nullable Instant createdAt) {

	static SplitResponse of(SplitVersion version) {
		Recoupment recoupment = version.recoupment();
		return new SplitResponse(version.trackId(), version.version(), version.effectiveFrom(),
				version.shares().stream().map(ShareResponse::of).toList(),
				(recoupment != null) ? new RecoupmentResponse(version.shares().get(recoupment.shareNo()).email(),
						recoupment.amount(), new Money(recoupment.recoupedMinor(), recoupment.amount().currency()))
						: null,
				version.createdAt());
	}

	static SplitResponse ownerOnly(TrackId track) {
		return new SplitResponse(track, 0, null, List.of(new ShareResponse(null, Role.MAIN_ARTIST, 10_000, "OWNER")),
				null, null);
	}

	/**
	 * @param email the collaborator's address, {@code null} for the owner
	 * @param role what they did
	 * @param basisPoints their share
	 * @param status {@code OWNER}, {@code INVITED} (their money is held) or
	 * {@code ACCEPTED}
	 */
	record ShareResponse(@Nullable String email, Role role, int basisPoints, String status) {

		static ShareResponse of(SplitShare share) {
			String status = share.isOwner() ? "OWNER" : (share.acceptedBy() != null) ? "ACCEPTED" : "INVITED";
			return new ShareResponse(share.email(), share.role(), share.basisPoints(), status);
		}

	}

	/**
	 * @param email who recoups, {@code null} for the owner
	 * @param amount how much in all
	 * @param recouped how much so far
	 */
	record RecoupmentResponse(@Nullable String email, Money amount, Money recouped) {

	}

}
