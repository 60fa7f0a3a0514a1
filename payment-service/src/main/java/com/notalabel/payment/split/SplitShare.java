package com.notalabel.payment.split;

import java.util.Currency;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.notalabel.payment.ledger.AccountKey;
import com.notalabel.types.events.payment.SplitInvitationSent.Role;
import com.notalabel.types.id.UserId;

/**
 * One payee's share of a split version.
 *
 * @param shareNo its place in the version, from 0
 * @param invitationId the invitation of a collaborator, {@code null} for the track's
 * owner
 * @param email the collaborator's address, {@code null} for the owner
 * @param acceptedBy the account that accepted the invitation, {@code null} while it is
 * pending (and for the owner)
 * @param role what the payee did on the track
 * @param basisPoints the share in hundredths of a percent
 */
public record SplitShare(int shareNo, @Nullable UUID invitationId, @Nullable String email, @Nullable UserId acceptedBy,
		Role role, int basisPoints) {

	public boolean isOwner() {
		return this.invitationId == null;
	}

	/**
	 * The account the share's money goes to now: the owner's or the accepting
	 * collaborator's balance, or the invitation's held funds while it is pending.
	 * @param owner the track's owner
	 * @param currency the money's currency
	 * @return the account
	 */
	public AccountKey account(UserId owner, Currency currency) {
		if (this.invitationId == null) {
			return AccountKey.available(owner, currency);
		}
		if (this.acceptedBy != null) {
			return AccountKey.available(this.acceptedBy, currency);
		}
		return AccountKey.held(this.invitationId, currency);
	}

}
