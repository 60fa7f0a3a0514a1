package com.notalabel.payment.split;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.notalabel.payment.catalogue.TrackCatalogue;
import com.notalabel.shared.web.Problems.FieldError;
import com.notalabel.types.Uuid7;
import com.notalabel.types.id.TrackId;
import com.notalabel.types.id.UserId;
import com.notalabel.types.money.Money;

/**
 * Reads and changes tracks' splits. Only a track's owner sees or changes its split; to
 * anyone else the track does not exist. A change is a new version: earnings already
 * posted keep the split they were posted with.
 */
@Service
class Splits {

	// What HTML's email input accepts: enough to refuse typos, without pretending to verify.
	private static final Pattern EMAIL = Pattern
		.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
				+ "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

	private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

	private final SplitRepository repository;

	private final TrackCatalogue catalogue;

	private final Invitations invitations;

	private final Clock clock;

	Splits(SplitRepository repository, TrackCatalogue catalogue, Invitations invitations, Clock clock) {
		this.repository = repository;
		this.catalogue = catalogue;
		this.invitations = invitations;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	SplitResponse get(UserId caller, TrackId track) {
		this.catalogue.titleOfOwnTrack(caller, track).orElseThrow(TrackNotFound::new);
		SplitVersion latest = this.repository.latest(track);
		return (latest != null) ? SplitResponse.of(latest) : SplitResponse.ownerOnly(track);
	}

	@Transactional
	SplitResponse put(UserId caller, TrackId track, SplitRequest request) {
		String title = this.catalogue.titleOfOwnTrack(caller, track).orElseThrow(TrackNotFound::new);
		List<String> emails = validate(request);
		int number = this.repository.lockNextVersionNumber(track);
		SplitVersion previous = this.repository.latest(track);
		Set<String> previouslyNamed = new HashSet<>();
		if (previous != null) {
			previous.shares().stream().map(SplitShare::email).filter(Objects::nonNull).forEach(previouslyNamed::add);
		}
		List<SplitShare> shares = new ArrayList<>();
		List<Runnable> mails = new ArrayList<>();
		for (int i = 0; i < request.shares().size(); i++) {
			SplitRequest.ShareRequest share = request.shares().get(i);
			String email = emails.get(i);
			if (email == null) {
				shares.add(new SplitShare(i, null, null, null, share.role(), share.basisPoints()));
				continue;
			}
			Invitation invitation = this.invitations.findOrCreate(caller, email);
			SplitShare added = new SplitShare(i, invitation.id(), email, invitation.acceptedBy(), share.role(),
					share.basisPoints());
			shares.add(added);
			if (!invitation.isAccepted()
					&& (!previouslyNamed.contains(email) || this.invitations.expired(invitation))) {
				mails.add(() -> this.invitations.send(invitation, track, title, added));
			}
		}
		Instant now = this.clock.instant();
		LocalDate effectiveFrom = (request.effectiveFrom() != null) ? request.effectiveFrom()
				: (previous != null) ? LocalDate.ofInstant(now, ZoneOffset.UTC) : null;
		Recoupment recoupment = null;
		if (request.recoupment() != null) {
			String email = normalise(request.recoupment().email());
			int shareNo = emails.indexOf(email);
			recoupment = new Recoupment(shareNo,
					Money.of(request.recoupment().amount().amountMinor(), request.recoupment().amount().currency()), 0);
		}
		SplitVersion version = new SplitVersion(Uuid7.next(), track, caller, number, effectiveFrom, shares, recoupment,
				now);
		this.repository.insert(version);
		mails.forEach(Runnable::run);
		return SplitResponse.of(version);
	}

	/**
	 * Checks what Bean Validation cannot: the sum, one share per payee, addresses, the
	 * recoupment's payee and currency, the date's range.
	 * @return each share's normalised address ({@code null} for the owner), in order
	 */
	private List<String> validate(SplitRequest request) {
		List<FieldError> errors = new ArrayList<>();
		List<String> emails = new ArrayList<>();
		long sum = 0;
		for (int i = 0; i < request.shares().size(); i++) {
			SplitRequest.ShareRequest share = request.shares().get(i);
			sum += share.basisPoints();
			String email = normalise(share.email());
			if (email != null && !EMAIL.matcher(email).matches()) {
				errors.add(new FieldError("shares[" + i + "].email", "must be an email address"));
			}
			if (emails.contains(email)) {
				errors.add(new FieldError("shares[" + i + "].email",
						(email == null) ? "names the owner a second time; give the owner one share"
								: "names this payee a second time"));
			}
			emails.add(email);
		}
		if (sum != 10_000) {
			errors.add(new FieldError("shares",
					"must add up to exactly 10000 basis points (100 %), they add up to " + sum));
		}
		if (request.effectiveFrom() != null && (request.effectiveFrom().isBefore(EARLIEST) || request.effectiveFrom()
			.isAfter(LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC).plusYears(10)))) {
			errors.add(new FieldError("effectiveFrom", "must be between 1900-01-01 and ten years from now"));
		}
		if (request.recoupment() != null) {
			String email = normalise(request.recoupment().email());
			if (!emails.contains(email)) {
				errors.add(new FieldError("recoupment.email", (email == null) ? "names the owner, who has no share"
						: "must be the address of one of the shares"));
			}
			if (!isCurrency(request.recoupment().amount().currency())) {
				errors.add(new FieldError("recoupment.amount.currency", "must be an ISO 4217 currency code"));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidSplit(errors);
		}
		return emails;
	}

	private static boolean isCurrency(String code) {
		try {
			Currency.getInstance(code);
			return true;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	static @Nullable String normalise(@Nullable String email) {
		if (email == null || email.isBlank()) {
			return null;
		}
		return email.strip().toLowerCase(Locale.ROOT);
	}

}
