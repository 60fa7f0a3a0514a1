package com.notalabel.payment.ledger;

import java.util.Currency;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.notalabel.types.id.UserId;

/**
 * Names an account: its kind, its holder (a user or an invitation) and its currency. The
 * ledger opens an account the first time a posting names it.
 *
 * @param kind what it holds
 * @param holder the user or invitation, {@code null} for the platform's own accounts
 * @param currency the one currency of its postings
 */
public record AccountKey(AccountKind kind, @Nullable UUID holder, Currency currency) {

	public AccountKey {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(currency, "currency");
		if (kind.hasHolder() != (holder != null)) {
			throw new IllegalArgumentException(
					kind + (kind.hasHolder() ? " accounts need a holder" : " accounts have no holder"));
		}
	}

	public static AccountKey platform(AccountKind kind, Currency currency) {
		return new AccountKey(kind, null, currency);
	}

	public static AccountKey available(UserId payee, Currency currency) {
		return new AccountKey(AccountKind.PAYEE_AVAILABLE, payee.value(), currency);
	}

	public static AccountKey reserved(UserId payee, Currency currency) {
		return new AccountKey(AccountKind.PAYEE_RESERVED, payee.value(), currency);
	}

	public static AccountKey held(UUID invitation, Currency currency) {
		return new AccountKey(AccountKind.PAYEE_HELD, invitation, currency);
	}

	public static AccountKey unclaimed(UserId erased, Currency currency) {
		return new AccountKey(AccountKind.UNCLAIMED, erased.value(), currency);
	}

}
