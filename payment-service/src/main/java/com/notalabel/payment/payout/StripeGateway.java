package com.notalabel.payment.payout;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.ApiException;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import com.stripe.model.Account;
import com.stripe.model.AccountLink;
import com.stripe.model.Transfer;
import com.stripe.net.RequestOptions;
import com.stripe.param.AccountCreateParams;
import com.stripe.param.AccountLinkCreateParams;
import com.stripe.param.TransferCreateParams;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import com.notalabel.types.id.PayoutId;
import com.notalabel.types.id.UserId;
import com.notalabel.types.money.Money;

/**
 * What payment-service asks of Stripe, through the real {@link StripeClient}: connected
 * accounts that receive transfers (recipients), their onboarding links, and transfers
 * whose idempotency key comes from the payout's id, so that asking again never transfers
 * twice. Without a configured client every call refuses with
 * {@link PayoutsNotConfigured}.
 *
 * <p>
 * Every call goes through the {@code stripe} circuit breaker (ADR 42): when Stripe keeps
 * failing (unreachable, timing out, 5xx, 429) or answering slowly, the breaker opens and
 * calls are refused at once with {@link StripeUnavailable} instead of each waiting for
 * its timeouts and stripe-java's own retries; after a while a few calls probe Stripe
 * again. Stripe's refusals (4xx) are answers, not failures, and never open it.
 */
@Component
public class StripeGateway {

	private static final Logger log = LoggerFactory.getLogger(StripeGateway.class);

	private final @Nullable StripeClient client;

	private final StripeProperties properties;

	private final CircuitBreaker breaker;

	StripeGateway(ObjectProvider<StripeClient> client, StripeProperties properties, CircuitBreakerRegistry breakers) {
		this.client = client.getIfAvailable();
		this.properties = properties;
		this.breaker = breakers.circuitBreaker("stripe");
	}

	public boolean configured() {
		return this.client != null;
	}

	/**
	 * Whether Stripe is being asked at all: not while the breaker is open.
	 * @return false while calls to Stripe are refused without being made
	 */
	boolean available() {
		CircuitBreaker.State state = this.breaker.getState();
		return state != CircuitBreaker.State.OPEN && state != CircuitBreaker.State.FORCED_OPEN;
	}

	/**
	 * Refuses at once while the breaker is open, before anything is changed for a call
	 * that would be refused anyway.
	 * @throws StripeUnavailable while Stripe is not being asked
	 */
	void ensureAvailable() {
		if (!available()) {
			throw openBreaker();
		}
	}

	private <T> T call(StripeCall<T> call) throws StripeException {
		StripeClient stripe = client();
		try {
			return this.breaker.executeCheckedSupplier(() -> call.on(stripe));
		}
		catch (StripeException | RuntimeException | Error ex) {
			throw ex;
		}
		catch (Throwable ex) {
			throw new IllegalStateException("A Stripe call threw " + ex.getClass().getName(), ex);
		}
	}

	private StripeUnavailable openBreaker() {
		long wait = this.breaker.getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState().apply(1);
		return new StripeUnavailable(Duration.ofMillis(wait));
	}

	private StripeClient client() {
		if (this.client == null) {
			throw new PayoutsNotConfigured();
		}
		return this.client;
	}

	/**
	 * Creates a payee's connected account: Stripe collects what it needs and bears no
	 * dashboard cost for the platform; the account can only receive transfers.
	 * @param payee the payee
	 * @return the account as Stripe created it
	 */
	AccountState createRecipient(UserId payee) {
		AccountCreateParams params = AccountCreateParams.builder()
			.setController(AccountCreateParams.Controller.builder()
				.setFees(AccountCreateParams.Controller.Fees.builder()
					.setPayer(AccountCreateParams.Controller.Fees.Payer.APPLICATION)
					.build())
				.setLosses(AccountCreateParams.Controller.Losses.builder()
					.setPayments(AccountCreateParams.Controller.Losses.Payments.APPLICATION)
					.build())
				.setStripeDashboard(AccountCreateParams.Controller.StripeDashboard.builder()
					.setType(AccountCreateParams.Controller.StripeDashboard.Type.EXPRESS)
					.build())
				.build())
			.setCapabilities(AccountCreateParams.Capabilities.builder()
				.setTransfers(AccountCreateParams.Capabilities.Transfers.builder().setRequested(true).build())
				.build())
			.setTosAcceptance(AccountCreateParams.TosAcceptance.builder().setServiceAgreement("recipient").build())
			.putMetadata("user_id", payee.toString())
			.build();
		try {
			Account account = call((stripe) -> stripe.v1()
				.accounts()
				.create(params, RequestOptions.builder().setIdempotencyKey("account-" + payee).build()));
			return AccountState.of(account);
		}
		catch (CallNotPermittedException ex) {
			throw openBreaker();
		}
		catch (StripeException ex) {
			throw unavailable("create a connected account", ex);
		}
	}

	/**
	 * A link to Stripe's hosted onboarding of an account, valid for a few minutes.
	 * @param accountId the connected account
	 * @return the link and when it expires
	 */
	OnboardingLink onboardingLink(String accountId) {
		AccountLinkCreateParams params = AccountLinkCreateParams.builder()
			.setAccount(accountId)
			.setType(AccountLinkCreateParams.Type.ACCOUNT_ONBOARDING)
			.setReturnUrl(this.properties.onboardingReturnUrl().toString())
			.setRefreshUrl(this.properties.onboardingRefreshUrl().toString())
			.build();
		try {
			AccountLink link = call((stripe) -> stripe.v1().accountLinks().create(params));
			return new OnboardingLink(link.getUrl(), Instant.ofEpochSecond(link.getExpiresAt()));
		}
		catch (CallNotPermittedException ex) {
			throw openBreaker();
		}
		catch (StripeException ex) {
			throw unavailable("create an onboarding link", ex);
		}
	}

	/**
	 * An account as Stripe reports it now.
	 * @param accountId the connected account
	 * @return its state
	 */
	AccountState retrieve(String accountId) {
		try {
			return AccountState.of(call((stripe) -> stripe.v1().accounts().retrieve(accountId)));
		}
		catch (CallNotPermittedException ex) {
			throw openBreaker();
		}
		catch (StripeException ex) {
			throw unavailable("read the connected account", ex);
		}
	}

	/**
	 * Transfers a payout to its connected account. The idempotency key is the payout's
	 * id: Stripe answers a repeated request (a retry after a timeout, a crash, a 5xx)
	 * with the transfer it already made.
	 * @param payout the payout
	 * @param accountId the destination
	 * @param amount the amount
	 * @return what Stripe said
	 */
	TransferOutcome transfer(PayoutId payout, String accountId, Money amount) {
		TransferCreateParams params = TransferCreateParams.builder()
			.setAmount(amount.amountMinor())
			.setCurrency(amount.currency().getCurrencyCode().toLowerCase(Locale.ROOT))
			.setDestination(accountId)
			.setTransferGroup("payout-" + payout)
			.putMetadata("payout_id", payout.toString())
			.build();
		try {
			Transfer transfer = call((stripe) -> stripe.v1()
				.transfers()
				.create(params, RequestOptions.builder().setIdempotencyKey(idempotencyKey(payout)).build()));
			return new TransferOutcome.Transferred(transfer.getId());
		}
		catch (CallNotPermittedException ex) {
			// Not asked at all: the payout stays pending and is asked for when the breaker lets calls through.
			log.info("Stripe's circuit breaker is open; the transfer of payout {} is asked for later", payout);
			return new TransferOutcome.Unknown("circuit breaker open");
		}
		catch (RateLimitException | ApiConnectionException | ApiException | AuthenticationException
				| IdempotencyException ex) {
			// No clear answer: Stripe may or may not have made the transfer. Asked again later under the same key.
			log.warn("Stripe gave no clear answer to the transfer of payout {} ({} {}); it will be asked again", payout,
					ex.getClass().getSimpleName(), ex.getStatusCode());
			return new TransferOutcome.Unknown(ex.getClass().getSimpleName());
		}
		catch (StripeException ex) {
			// 4xx: Stripe refused (no such account, transfers not enabled, the platform's balance too low).
			log.info("Stripe refused the transfer of payout {}: {} ({})", payout, ex.getCode(), ex.getStatusCode());
			return new TransferOutcome.Refused(reason(ex.getCode()));
		}
	}

	/**
	 * The transfer made for a payout, found by its transfer group: for a payout whose
	 * idempotency key may have expired.
	 * @param payout the payout
	 * @return the transfer's id, if Stripe made one
	 */
	Optional<String> findTransfer(PayoutId payout) {
		try {
			for (Transfer transfer : call((stripe) -> stripe.v1()
				.transfers()
				.list(com.stripe.param.TransferListParams.builder().setTransferGroup("payout-" + payout).build()))
				.getData()) {
				return Optional.of(transfer.getId());
			}
			return Optional.empty();
		}
		catch (CallNotPermittedException ex) {
			throw openBreaker();
		}
		catch (StripeException ex) {
			throw unavailable("look for a payout's transfer", ex);
		}
	}

	static String idempotencyKey(PayoutId payout) {
		return "payout-" + payout;
	}

	private static String reason(@Nullable String code) {
		if (code == null) {
			return "Stripe refused the transfer.";
		}
		return switch (code) {
			case "insufficient_funds", "balance_insufficient" ->
				"Stripe refused the transfer: the platform's Stripe balance cannot cover it right now.";
			case "account_invalid", "transfers_not_allowed", "account_closed" ->
				"Stripe refused the transfer: your Stripe account cannot receive transfers. Finish its onboarding.";
			case "amount_too_small" -> "Stripe refused the transfer: the amount is below Stripe's minimum.";
			default -> "Stripe refused the transfer (" + code + ").";
		};
	}

	private static StripeUnavailable unavailable(String what, StripeException ex) {
		log.warn("Could not {} at Stripe: {} {} ({})", what, ex.getClass().getSimpleName(), ex.getStatusCode(),
				ex.getCode());
		return new StripeUnavailable();
	}

	/**
	 * One request to Stripe.
	 */
	@FunctionalInterface
	private interface StripeCall<T> {

		T on(StripeClient stripe) throws StripeException;

	}

	/**
	 * An onboarding link.
	 *
	 * @param url Stripe's hosted page
	 * @param expiresAt when it stops working
	 */
	record OnboardingLink(String url, Instant expiresAt) {

	}

	/**
	 * What Stripe answered to a transfer.
	 */
	sealed interface TransferOutcome {

		/**
		 * @param transferId the transfer Stripe made (or had made, for a repeated key)
		 */
		record Transferred(String transferId) implements TransferOutcome {

		}

		/**
		 * @param reason words for the payee
		 */
		record Refused(String reason) implements TransferOutcome {

		}

		/**
		 * @param why what went wrong, for the logs
		 */
		record Unknown(String why) implements TransferOutcome {

		}

	}

	/**
	 * A connected account as Stripe reports it.
	 *
	 * @param accountId its id
	 * @param payoutsEnabled whether Stripe pays its balance out to its bank
	 * @param transfersActive whether it can receive transfers
	 * @param detailsSubmitted whether the payee finished onboarding
	 * @param requirementsDue what Stripe still needs now
	 * @param disabledReason why it is restricted, if it is
	 */
	public record AccountState(String accountId, boolean payoutsEnabled, boolean transfersActive,
			boolean detailsSubmitted, List<String> requirementsDue, @Nullable String disabledReason) {

		static AccountState of(Account account) {
			List<String> due = new ArrayList<>();
			String disabled = null;
			if (account.getRequirements() != null) {
				if (account.getRequirements().getCurrentlyDue() != null) {
					due.addAll(account.getRequirements().getCurrentlyDue());
				}
				disabled = account.getRequirements().getDisabledReason();
			}
			boolean transfers = account.getCapabilities() != null
					&& "active".equals(account.getCapabilities().getTransfers());
			return new AccountState(account.getId(), Boolean.TRUE.equals(account.getPayoutsEnabled()), transfers,
					Boolean.TRUE.equals(account.getDetailsSubmitted()), List.copyOf(due), disabled);
		}

	}

}
