package com.notalabel.payment.split;

import java.util.List;

import jakarta.validation.constraints.Size;

import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import com.notalabel.payment.ledger.AccountKind;
import com.notalabel.payment.ledger.Ledger;
import com.notalabel.shared.security.CurrentUser;
import com.notalabel.types.money.Money;

/**
 * What a collaborator sees when they follow an invitation's link, and their acceptance.
 */
@RestController
@Validated
class InvitationController {

	private final Invitations invitations;

	private final SplitRepository splits;

	private final Ledger ledger;

	InvitationController(Invitations invitations, SplitRepository splits, Ledger ledger) {
		this.invitations = invitations;
		this.splits = splits;
		this.ledger = ledger;
	}

	@GetMapping("/api/v1/payments/splits/invitations/{token}")
	InvitationResponse get(CurrentUser user, @PathVariable @Size(max = 100) String token) {
		Invitation invitation = this.invitations.byToken(token, user.id()).orElseThrow(InvitationNotFound::new);
		return describe(invitation);
	}

	@PostMapping("/api/v1/payments/splits/invitations/{token}/accept")
	InvitationResponse accept(CurrentUser user, @PathVariable @Size(max = 100) String token) {
		return describe(this.invitations.accept(token, user.id()));
	}

	private InvitationResponse describe(Invitation invitation) {
		List<InvitationResponse.TrackShare> tracks = this.splits.latestNaming(invitation.id())
			.stream()
			.flatMap((version) -> version.shares()
				.stream()
				.filter((share) -> invitation.id().equals(share.invitationId()))
				.map((share) -> new InvitationResponse.TrackShare(version.trackId(), share.role(),
						share.basisPoints())))
			.toList();
		List<Money> held = this.ledger.balancesOf(List.of(invitation.id()))
			.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().kind() == AccountKind.PAYEE_HELD && entry.getValue() != 0)
			.map((entry) -> new Money(entry.getValue(), entry.getKey().currency()))
			.toList();
		return new InvitationResponse(invitation.id(), invitation.email(), invitation.isAccepted(),
				invitation.expiresAt(), tracks, held);
	}

}
