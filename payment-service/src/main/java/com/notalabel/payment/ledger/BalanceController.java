package com.notalabel.payment.ledger;

import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.notalabel.shared.security.CurrentUser;
import com.notalabel.types.money.Money;

/**
 * The signed-in payee's balance per currency.
 */
@RestController
class BalanceController {

	private final Ledger ledger;

	BalanceController(Ledger ledger) {
		this.ledger = ledger;
	}

	@GetMapping("/api/v1/payments/balance")
	BalanceResponse balance(CurrentUser user) {
		Map<Currency, long[]> byCurrency = new TreeMap<>((a, b) -> a.getCurrencyCode().compareTo(b.getCurrencyCode()));
		this.ledger.balancesOf(List.of(user.id().value())).forEach((account, balance) -> {
			long[] amounts = byCurrency.computeIfAbsent(account.currency(), (key) -> new long[2]);
			if (account.kind() == AccountKind.PAYEE_AVAILABLE) {
				amounts[0] += balance;
			}
			else if (account.kind() == AccountKind.PAYEE_RESERVED) {
				amounts[1] += balance;
			}
		});
		return new BalanceResponse(byCurrency.entrySet()
			.stream()
			.map((entry) -> new BalanceResponse.CurrencyBalance(entry.getKey().getCurrencyCode(),
					new Money(entry.getValue()[0], entry.getKey()), new Money(entry.getValue()[1], entry.getKey())))
			.toList());
	}

	/**
	 * @param balances one per currency the payee was ever paid in
	 */
	record BalanceResponse(List<CurrencyBalance> balances) {

		/**
		 * @param currency the currency
		 * @param available what can be paid out
		 * @param reserved what payouts in flight have taken
		 */
		record CurrencyBalance(String currency, Money available, Money reserved) {

		}

	}

}
