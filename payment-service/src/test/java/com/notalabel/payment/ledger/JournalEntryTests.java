package com.notalabel.payment.ledger;

import java.time.Instant;
import java.util.Currency;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.notalabel.types.id.UserId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JournalEntryTests {

	private static final Currency USD = Currency.getInstance("USD");

	private static final Currency EUR = Currency.getInstance("EUR");

	private final UserId payee = UserId.newId();

	@Test
	void buildsAnEntryWhosePostingsAddUpToZero() {
		JournalEntry entry = JournalEntry.builder(EntryKind.EARNINGS, "line-1", Instant.EPOCH)
			.post(AccountKey.platform(AccountKind.EARNINGS_SOURCE, USD), -100)
			.post(AccountKey.available(this.payee, USD), 100)
			.build();

		assertThat(entry.postings()).extracting(Posting::amountMinor).containsExactly(-100L, 100L);
	}

	@Test
	void mergesPostingsToOneAccountAndLeavesOutThoseThatCancel() {
		AccountKey available = AccountKey.available(this.payee, USD);
		JournalEntry entry = JournalEntry.builder(EntryKind.EARNINGS, "line-2", Instant.EPOCH)
			.post(AccountKey.platform(AccountKind.EARNINGS_SOURCE, USD), -100)
			.post(available, 60)
			.post(available, 40)
			.post(AccountKey.platform(AccountKind.PLATFORM_FEES, USD), 0)
			.build();

		assertThat(entry.postings()).hasSize(2).anySatisfy((posting) -> {
			assertThat(posting.account()).isEqualTo(available);
			assertThat(posting.amountMinor()).isEqualTo(100);
		});
	}

	@Test
	void refusesAnEntryThatDoesNotBalance() {
		assertThatThrownBy(() -> JournalEntry.builder(EntryKind.EARNINGS, "line-3", Instant.EPOCH)
			.post(AccountKey.platform(AccountKind.EARNINGS_SOURCE, USD), -100)
			.post(AccountKey.available(this.payee, USD), 99)
			.build()).isInstanceOf(UnbalancedEntry.class).hasMessageContaining("USD: -1");
	}

	@Test
	void refusesAnEntryThatBalancesOnlyAcrossCurrencies() {
		assertThatThrownBy(() -> JournalEntry.builder(EntryKind.EARNINGS, "line-4", Instant.EPOCH)
			.post(AccountKey.platform(AccountKind.EARNINGS_SOURCE, USD), -100)
			.post(AccountKey.available(this.payee, EUR), 100)
			.build()).isInstanceOf(UnbalancedEntry.class);
	}

	@Test
	void refusesAPlatformAccountWithAHolderAndAPayeeAccountWithout() {
		assertThatThrownBy(() -> new AccountKey(AccountKind.PLATFORM_FEES, UUID.randomUUID(), USD))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new AccountKey(AccountKind.PAYEE_AVAILABLE, null, USD))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
