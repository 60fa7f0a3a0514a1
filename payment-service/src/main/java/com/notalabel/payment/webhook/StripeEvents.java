package com.notalabel.payment.webhook;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.notalabel.payment.payout.BankPayout;
import com.notalabel.payment.payout.ConnectedAccounts;
import com.notalabel.payment.payout.Payouts;
import com.notalabel.shared.events.EventPublisher;
import com.notalabel.types.events.payment.PayoutFailed;
import com.notalabel.types.id.PayoutId;
import com.notalabel.types.id.UserId;
import com.notalabel.types.money.Money;

/**
 * Applies Stripe's events, each once: its id is recorded in the transaction that applies
 * it, so a redelivery finds it and changes nothing. The fields are read from the event's
 * JSON as sent rather than through stripe-java's models, which read an event of another
 * API version as empty. Events that change nothing here are acknowledged and ignored.
 */
@Service
class StripeEvents {

	private static final Logger log = LoggerFactory.getLogger(StripeEvents.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	private final ConnectedAccounts accounts;

	private final Payouts payouts;

	private final EventPublisher events;

	private final Clock clock;

	StripeEvents(JdbcClient jdbc, ConnectedAccounts accounts, Payouts payouts, EventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.payouts = payouts;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Applies a verified event.
	 * @param payload the event's JSON
	 * @return {@code false} if it was applied before
	 */
	@Transactional
	boolean handle(String payload) {
		JsonNode event = JSON.readTree(payload);
		String id = event.path("id").asString();
		String type = event.path("type").asString();
		if (id.isBlank() || type.isBlank()) {
			throw new InvalidSignature();
		}
		int first = this.jdbc
			.sql("insert into stripe_event (event_id, type, received_at) values (?, ?, ?) on conflict do nothing")
			.params(id, type, Timestamp.from(this.clock.instant()))
			.update();
		if (first == 0) {
			log.info("Stripe event {} ({}) was applied before", id, type);
			return false;
		}
		JsonNode object = event.path("data").path("object");
		switch (type) {
			case "account.updated" -> accountUpdated(object);
			case "transfer.created", "transfer.updated" -> transferMade(object);
			case "transfer.reversed" -> this.payouts.reversed(object.path("id").asString(),
					object.path("amount_reversed").asLong(), "stripe-event:" + id);
			case "payout.paid", "payout.failed", "payout.canceled", "payout.updated" ->
				bankPayout(event.path("account").asString(), object);
			default -> log.debug("Stripe event {} of type {} changes nothing here", id, type);
		}
		return true;
	}

	private void accountUpdated(JsonNode account) {
		List<String> due = new ArrayList<>();
		account.path("requirements").path("currently_due").forEach((field) -> due.add(field.asString()));
		JsonNode disabled = account.path("requirements").path("disabled_reason");
		var state = new com.notalabel.payment.payout.StripeGateway.AccountState(account.path("id").asString(),
				account.path("payouts_enabled").asBoolean(),
				"active".equals(account.path("capabilities").path("transfers").asString()),
				account.path("details_submitted").asBoolean(), List.copyOf(due),
				(disabled.isNull() || disabled.isMissingNode()) ? null : disabled.asString());
		if (!this.accounts.updated(state)) {
			log.info("account.updated for {}, which is not a payee's account here", state.accountId());
		}
	}

	private void transferMade(JsonNode transfer) {
		String payout = transfer.path("metadata").path("payout_id").asString();
		if (!payout.isBlank()) {
			// Settles a payout whose own call got no clear answer; nothing if it was booked already.
			this.payouts.transferred(PayoutId.parse(payout), transfer.path("id").asString());
		}
	}

	private void bankPayout(String accountId, JsonNode payout) {
		if (accountId.isBlank()) {
			return;
		}
		JsonNode arrival = payout.path("arrival_date");
		JsonNode failure = payout.path("failure_message");
		Money amount = Money.of(payout.path("amount").asLong(),
				payout.path("currency").asString("usd").toUpperCase(Locale.ROOT));
		BankPayout bankPayout = new BankPayout(
				payout.path("id").asString(), payout.path("status").asString(), amount, arrival.isNumber()
						? LocalDate.ofInstant(Instant.ofEpochSecond(arrival.asLong()), ZoneOffset.UTC) : null,
				(failure.isNull() || failure.isMissingNode()) ? null : failure.asString());
		Optional<UserId> payee = this.accounts.bankPayout(accountId, bankPayout);
		if (payee.isPresent() && "failed".equals(bankPayout.status())) {
			String reason = "Stripe could not pay your Stripe balance to your bank"
					+ ((bankPayout.failureMessage() != null) ? ": " + bankPayout.failureMessage() : ".")
					+ " Update your bank details in your Stripe account; the money waits there.";
			this.events.publish(new PayoutFailed(null, payee.get(), amount, PayoutFailed.Stage.BANK_PAYOUT, reason,
					this.clock.instant()));
		}
	}

}
