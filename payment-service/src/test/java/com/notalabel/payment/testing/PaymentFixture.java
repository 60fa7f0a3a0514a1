package com.notalabel.payment.testing;

import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.notalabel.test.events.ProducerStream;
import com.notalabel.payment.earnings.EarningsPosting;
import com.notalabel.payment.ledger.AccountKey;
import com.notalabel.payment.ledger.Ledger;
import com.notalabel.test.events.PublishedEvents;
import com.notalabel.types.event.EventCodec;
import com.notalabel.types.events.payment.SplitInvitationSent;
import com.notalabel.types.id.TrackId;
import com.notalabel.types.id.UserId;
import com.notalabel.types.redis.RedisKeys;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What most integration tests here start from: artists and their tracks, reports, the
 * ledger, the service's published events.
 */
public final class PaymentFixture {

	public final Artists artists;

	public final Reports reports;

	public final Ledger ledger;

	public final JdbcClient jdbc;

	public final PublishedEvents published;

	public final ProducerStream music;

	public final ProducerStream users;

	public final ProducerStream analytics;

	public PaymentFixture(int port, StringRedisTemplate redis, EventCodec codec, RedisKeys keys,
			EarningsPosting posting, PlatformTransactionManager transactions, Ledger ledger, JdbcClient jdbc) {
		this.music = new ProducerStream(redis, codec, keys, "music-service", "payment-service");
		this.users = new ProducerStream(redis, codec, keys, "user-service", "payment-service");
		this.analytics = new ProducerStream(redis, codec, keys, "analytics-service", "payment-service");
		this.artists = new Artists(port, this.music);
		this.reports = new Reports(posting, new TransactionTemplate(transactions));
		this.ledger = ledger;
		this.jdbc = jdbc;
		this.published = new PublishedEvents(redis, keys, "payment-service");
	}

	public long available(UserId payee, String currency) {
		return this.ledger.balance(AccountKey.available(payee, Currency.getInstance(currency)));
	}

	public long held(UUID invitation, String currency) {
		return this.ledger.balance(AccountKey.held(invitation, Currency.getInstance(currency)));
	}

	/**
	 * Sets a track's split through the API.
	 * @param owner the owner
	 * @param track the track
	 * @param shares email (or {@code null} for the owner), role, basis points, in order
	 */
	public void split(Artists.Artist owner, TrackId track, List<Map<String, Object>> shares) {
		var response = owner.http().put("/api/v1/payments/splits/" + track).json(Map.of("shares", shares)).send();
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
	}

	public static Map<String, Object> owner(String role, int basisPoints) {
		java.util.HashMap<String, Object> share = new java.util.HashMap<>();
		share.put("email", null);
		share.put("role", role);
		share.put("basisPoints", basisPoints);
		return share;
	}

	public static Map<String, Object> collaborator(String email, String role, int basisPoints) {
		return Map.of("email", email, "role", role, "basisPoints", basisPoints);
	}

	/**
	 * The invitation payment-service published for an address, once its outbox relayed
	 * it.
	 * @param email the collaborator's address
	 * @return the last invitation sent there
	 */
	public SplitInvitationSent invitationTo(String email) {
		this.published.await(SplitInvitationSent.class, (event) -> event.email().equals(email));
		return this.published.all(SplitInvitationSent.class, (event) -> event.email().equals(email)).getLast();
	}

	public void assertLedgerBalances() {
		assertThat(this.ledger.unbalancedEntries()).as("entries that do not balance").isEmpty();
		assertThat(this.ledger.accountsOutOfBalance()).as("cached balances that differ from postings").isEmpty();
	}

	public static String newEmail() {
		return "collaborator-" + UUID.randomUUID() + "@example.com";
	}

}
