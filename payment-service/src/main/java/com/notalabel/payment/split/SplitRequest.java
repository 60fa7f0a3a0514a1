package com.notalabel.payment.split;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import com.notalabel.types.events.payment.SplitInvitationSent.Role;

/**
 * A new version of a track's split.
 *
 * @param shares the payees' shares, adding up to exactly 10,000 basis points
 * @param effectiveFrom the first day the version is in force; without one, the first
 * version is in force from the beginning and a later one from today
 * @param recoupment what one payee recoups before the split applies, or {@code null}
 */
record SplitRequest(@NotEmpty @Size(max = SplitRequest.MAX_SHARES) List<@Valid @NotNull ShareRequest> shares,
		@Nullable LocalDate effectiveFrom, @Valid @Nullable RecoupmentRequest recoupment) {

	static final int MAX_SHARES = 50;

	/**
	 * @param email the collaborator's address, or {@code null} for the track's owner
	 * @param role what they did on the track
	 * @param basisPoints their share in hundredths of a percent, 1 to 10,000
	 */
	record ShareRequest(@Nullable @Size(max = 254) String email, @NotNull Role role,
			@NotNull @Min(1) @Max(10_000) Integer basisPoints) {

	}

	/**
	 * @param email the payee who recoups (one of the shares' addresses), or {@code null}
	 * for the owner's share
	 * @param amount how much, in minor units, in one currency
	 */
	record RecoupmentRequest(@Nullable @Size(max = 254) String email, @Valid @NotNull AmountRequest amount) {

	}

	/**
	 * @param amountMinor the amount in minor units
	 * @param currency an ISO 4217 code
	 */
	record AmountRequest(@NotNull @Min(1) @Max(1_000_000_000_000L) Long amountMinor,
			@NotNull @Pattern(regexp = "[A-Z]{3}") String currency) {

	}

}
