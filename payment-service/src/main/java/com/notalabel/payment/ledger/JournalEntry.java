package com.notalabel.payment.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import com.notalabel.types.Uuid7;

/**
 * A whole transaction of the ledger: postings that add up to zero in each currency,
 * posted together or not at all, under the source that caused them. Two postings to one
 * account are merged, and an account whose postings cancel out is left out, so an entry
 * holds at most one posting per account.
 *
 * @param id the entry
 * @param kind why it was posted
 * @param source what caused it, unique in the ledger: posting the same source again posts
 * nothing
 * @param recordedAt when it was posted
 * @param postings its postings, at most one per account, none of them zero
 */
public record JournalEntry(UUID id, EntryKind kind, String source, Instant recordedAt, List<Posting> postings) {

	public JournalEntry {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(source, "source");
		Objects.requireNonNull(recordedAt, "recordedAt");
		postings = List.copyOf(postings);
		requireBalanced(source, postings);
	}

	public static Builder builder(EntryKind kind, String source, Instant recordedAt) {
		return new Builder(kind, source, recordedAt);
	}

	private static void requireBalanced(String source, List<Posting> postings) {
		Map<Currency, Long> sums = new LinkedHashMap<>();
		Map<AccountKey, Boolean> seen = new LinkedHashMap<>();
		for (Posting posting : postings) {
			if (seen.put(posting.account(), Boolean.TRUE) != null) {
				throw new UnbalancedEntry("Entry " + source + " posts to " + posting.account() + " twice");
			}
			sums.merge(posting.account().currency(), posting.amountMinor(), Math::addExact);
		}
		sums.forEach((currency, sum) -> {
			if (sum != 0) {
				throw new UnbalancedEntry(
						"Entry " + source + " does not balance in " + currency.getCurrencyCode() + ": " + sum);
			}
		});
	}

	/**
	 * Collects the postings of an entry; {@link #build()} checks that they balance.
	 */
	public static final class Builder {

		private final EntryKind kind;

		private final String source;

		private final Instant recordedAt;

		private final Map<AccountKey, Long> amounts = new LinkedHashMap<>();

		private Builder(EntryKind kind, String source, Instant recordedAt) {
			this.kind = kind;
			this.source = source;
			this.recordedAt = recordedAt;
		}

		/**
		 * Adds an amount to an account (negative to take it away); amounts to one account
		 * add up.
		 * @param account the account
		 * @param amountMinor the amount in minor units, zero allowed (it posts nothing)
		 * @return this builder
		 */
		public Builder post(AccountKey account, long amountMinor) {
			this.amounts.merge(account, amountMinor, Math::addExact);
			return this;
		}

		/**
		 * Moves an amount from one account to another.
		 * @param from the account it leaves
		 * @param to the account it reaches
		 * @param amountMinor the amount in minor units
		 * @return this builder
		 */
		public Builder move(AccountKey from, AccountKey to, long amountMinor) {
			return post(from, Math.negateExact(amountMinor)).post(to, amountMinor);
		}

		/**
		 * @return the entry
		 * @throws UnbalancedEntry if the postings do not add up to zero per currency
		 */
		public JournalEntry build() {
			List<Posting> postings = new ArrayList<>(this.amounts.size());
			this.amounts.forEach((account, amount) -> {
				if (amount != 0) {
					postings.add(new Posting(account, amount));
				}
			});
			return new JournalEntry(Uuid7.next(), this.kind, this.source, this.recordedAt, postings);
		}

	}

}
