package com.notalabel.notification.notice;

import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.notalabel.notification.NotificationServiceIntegrationTest;
import com.notalabel.notification.testing.ReceivedMail;
import com.notalabel.notification.testing.Streams;
import com.notalabel.notification.testing.TestMailServer;
import com.notalabel.test.http.Response;
import com.notalabel.test.http.TestHttp;
import com.notalabel.test.security.TestKeySet;
import com.notalabel.types.event.EventCodec;
import com.notalabel.types.event.EventEnvelope;
import com.notalabel.types.events.distribution.ReleaseStatusChanged;
import com.notalabel.notification.unsubscribe.UnsubscribeTokens;
import com.notalabel.types.events.distribution.ReleaseStatusChanged.DeliveryStatus;
import com.notalabel.types.events.payment.PayoutCompleted;
import com.notalabel.types.events.payment.SplitInvitationSent;
import com.notalabel.types.events.payment.SplitInvitationSent.Role;
import com.notalabel.types.events.user.UserDeleted;
import com.notalabel.types.events.user.UserRegistered;
import com.notalabel.types.id.PayoutId;
import com.notalabel.types.id.TrackId;
import com.notalabel.types.id.UserId;
import com.notalabel.types.money.Money;
import com.notalabel.types.redis.RedisKeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@NotificationServiceIntegrationTest
class NotificationMailsIntegrationTests {

	private static final String BASE = "http://localhost:5173";

	private static final Pattern ONE_CLICK = Pattern
		.compile("<" + Pattern.quote(BASE + "/api/v1/notifications/unsubscribe?token=") + "([A-Za-z0-9_-]{43})>");

	private final Streams streams;

	private final TestHttp http;

	private final JdbcClient jdbc;

	private final UnsubscribeTokens tokens;

	@Autowired
	NotificationMailsIntegrationTests(StringRedisTemplate redis, EventCodec codec, RedisKeys keys,
			@LocalServerPort int port, JdbcClient jdbc, UnsubscribeTokens tokens) {
		this.streams = Streams.of(redis, codec, keys);
		this.http = TestHttp.on(port);
		this.jdbc = jdbc;
		this.tokens = tokens;
	}

	@Test
	void mailsALiveReleaseWithItsLinkAndOneClickUnsubscribe() {
		Person ada = register("Ada");
		EventEnvelope<ReleaseStatusChanged> envelope = Streams
			.envelope(Streams.releaseStatus(ada.id(), DeliveryStatus.LIVE, "Night Drive"));

		this.streams.distribution().awaitAcknowledged(this.streams.distribution().append(envelope));

		ReceivedMail mail = awaitOnlyMailTo(ada);
		assertThat(mail.subject()).isEqualTo("\u201cNight Drive\u201d is live on Reference Store");
		assertThat(mail.partTypes()).satisfiesExactly((type) -> assertThat(type).startsWith("text/plain"),
				(type) -> assertThat(type).startsWith("text/html"));
		assertThat(mail.text()).contains("Hi Ada,", "is now live on Reference Store",
				BASE + "/releases/" + envelope.payload().releaseId(), BASE + "/unsubscribe?token=");
		assertThat(mail.html()).contains("href=\"" + BASE + "/releases/" + envelope.payload().releaseId() + "\"",
				"Unsubscribe</a>");
		assertThat(mail.listUnsubscribe()).matches(ONE_CLICK);
		assertThat(mail.listUnsubscribePost()).isEqualTo("List-Unsubscribe=One-Click");
		// The footer's page and the header's endpoint carry the same token.
		assertThat(mail.text()).contains(BASE + "/unsubscribe?token=" + token(mail));
		assertThat(mail.messageId()).startsWith(
				"<" + Deliveries.identity(envelope.id(), ada.id(), Deliveries.Channel.MAIL) + "@notalabel.local>");
	}

	@Test
	void mailsAnEventDeliveredTwiceOnceEvenAfterTheConsumerForgotIt() {
		Person grace = register("Grace");
		EventEnvelope<PayoutCompleted> envelope = Streams.envelope(payout(grace.id()));
		this.streams.payment().awaitAcknowledged(this.streams.payment().append(envelope));
		awaitOnlyMailTo(grace);

		this.streams.payment().awaitAcknowledged(this.streams.payment().append(envelope));

		assertThat(TestMailServer.mailsTo(grace.email())).hasSize(1);
	}

	@Test
	void mailsNothingForWhatDoesNotMatterByMail() {
		Person alan = register("Alan");

		this.streams.music()
			.awaitAcknowledged(this.streams.music().append(Streams.envelope(Streams.trackProcessed(alan.id()))));
		this.streams.distribution()
			.awaitAcknowledged(this.streams.distribution()
				.append(Streams.envelope(Streams.releaseStatus(alan.id(), DeliveryStatus.ACCEPTED, "Quiet"))));

		assertThat(TestMailServer.mailsTo(alan.email())).isEmpty();
		assertThat(inbox(alan).get("totalItems").asLong()).isEqualTo(2);
	}

	@Test
	void oneClickTurnsTheCategorysMailOffAndTheNextPayoutGoesOnlyToTheInbox() {
		Person hedy = register("Hedy");
		this.streams.payment().awaitAcknowledged(this.streams.payment().append(Streams.envelope(payout(hedy.id()))));
		String token = token(awaitOnlyMailTo(hedy));
		String path = "/api/v1/notifications/unsubscribe?token=" + token;

		Response described = this.http.get(path).send();
		assertThat(described.status()).isEqualTo(200);
		assertThat(described.json().get("category").asString()).isEqualTo("PAYOUT");
		assertThat(described.json().get("categoryTitle").asString()).isEqualTo("Payouts");
		assertThat(described.json().get("mail").asBoolean()).isTrue();
		assertThat(preferences(hedy).get("PAYOUT").get("mail").asBoolean()).isTrue();

		Response unsubscribed = this.http.post(path)
			.body("application/x-www-form-urlencoded", "List-Unsubscribe=One-Click")
			.send();

		assertThat(unsubscribed.status()).isEqualTo(200);
		assertThat(unsubscribed.json().get("mail").asBoolean()).isFalse();
		assertThat(preferences(hedy).get("PAYOUT").get("mail").asBoolean()).isFalse();
		assertThat(preferences(hedy).get("PAYOUT").get("inbox").asBoolean()).isTrue();
		assertThat(this.http.get(path).send().json().get("mail").asBoolean()).isFalse();
		this.streams.payment().awaitAcknowledged(this.streams.payment().append(Streams.envelope(payout(hedy.id()))));
		assertThat(TestMailServer.mailsTo(hedy.email())).hasSize(1);
		assertThat(inbox(hedy).get("totalItems").asLong()).isEqualTo(2);
	}

	@Test
	void oneClickTakesAMultipartFormOrNoBodyAndIsIdempotent() {
		Person edsger = register("Edsger");
		this.streams.payment().awaitAcknowledged(this.streams.payment().append(Streams.envelope(payout(edsger.id()))));
		String path = "/api/v1/notifications/unsubscribe?token=" + token(awaitOnlyMailTo(edsger));
		String boundary = "nal-test-boundary";

		Response multipart = this.http.post(path)
			.body("multipart/form-data; boundary=" + boundary,
					"--" + boundary + "\r\nContent-Disposition: form-data; name=\"List-Unsubscribe\"\r\n\r\n"
							+ "One-Click\r\n--" + boundary + "--\r\n")
			.send();
		Response empty = this.http.post(path).send();

		assertThat(multipart.status()).isEqualTo(200);
		assertThat(empty.status()).isEqualTo(200);
		assertThat(empty.json().get("mail").asBoolean()).isFalse();
	}

	@Test
	void invitesACollaboratorWithoutAnAccountByAddressAndLetsTheAddressUnsubscribe() {
		Person owner = register("Ada Lovelace");
		String collaborator = "collaborator-" + UUID.randomUUID() + "@example.com";
		EventEnvelope<SplitInvitationSent> envelope = Streams
			.envelope(invitation(owner.id(), collaborator, "tok-" + UUID.randomUUID()));

		// The mail leaves inside the event's transaction: its unsubscribe token works once that
		// committed, which the acknowledgement follows.
		this.streams.payment().awaitAcknowledged(this.streams.payment().append(envelope));

		await().atMost(Duration.ofSeconds(20)).until(() -> !TestMailServer.mailsTo(collaborator).isEmpty());
		ReceivedMail mail = TestMailServer.mailsTo(collaborator).getFirst();
		assertThat(mail.subject())
			.isEqualTo("Ada Lovelace invited you to share the royalties of \u201cNight Drive\u201d");
		assertThat(mail.text()).contains("Hello,", "as the producer", "a share of 25% of its royalties",
				BASE + "/invitations/" + envelope.payload().token());
		assertThat(mail.messageId()).startsWith("<" + envelope.id() + "@");
		String path = "/api/v1/notifications/unsubscribe?token=" + token(mail);
		assertThat(this.http.get(path).send().json().get("category").asString()).isEqualTo("SPLIT_INVITATION");

		assertThat(this.http.post(path).send().json().get("mail").asBoolean()).isFalse();

		this.streams.payment()
			.awaitAcknowledged(this.streams.payment()
				.append(Streams.envelope(invitation(owner.id(), collaborator.toUpperCase(), "tok-again"))));
		assertThat(TestMailServer.mailsTo(collaborator)).hasSize(1);
	}

	@Test
	void mailsAnInvitationToAnAccountHoldingTheAddressOnlyWhileItsInvitationMailIsOn() {
		Person owner = register("Owner");
		Person member = register("Member");
		this.http.put("/api/v1/notifications/preferences")
			.bearer(TestKeySet.shared().accessToken(member.id().value()))
			.json(Map.of("SPLIT_INVITATION", Map.of("inbox", true, "push", true, "mail", false)))
			.send();

		this.streams.payment()
			.awaitAcknowledged(this.streams.payment()
				.append(Streams.envelope(invitation(owner.id(), member.email(), "tok-" + UUID.randomUUID()))));

		assertThat(TestMailServer.mailsTo(member.email())).isEmpty();
	}

	@Test
	void erasesADeletedPersonsUnsubscribeLinks() {
		Person barbara = register("Barbara");
		this.streams.payment().awaitAcknowledged(this.streams.payment().append(Streams.envelope(payout(barbara.id()))));
		String path = "/api/v1/notifications/unsubscribe?token=" + token(awaitOnlyMailTo(barbara));

		this.streams.user()
			.awaitAcknowledged(
					this.streams.user().append(Streams.envelope(new UserDeleted(barbara.id(), Instant.now()))));

		assertThat(this.http.get(path).send().status()).isEqualTo(404);
	}

	@Test
	void expiresAnUnsubscribeLinkAfterItsLifetimeThenDeletesIt() {
		Person ada = register("Ada");
		this.streams.payment().awaitAcknowledged(this.streams.payment().append(Streams.envelope(payout(ada.id()))));
		String path = "/api/v1/notifications/unsubscribe?token=" + token(awaitOnlyMailTo(ada));
		this.jdbc
			.sql("update notification.unsubscribe_token set created_at = created_at - interval '366 days'"
					+ " where user_id = ?")
			.param(ada.id().value())
			.update();

		Response expired = this.http.get(path).send();

		assertThat(expired.status()).isEqualTo(404);
		assertThat(expired.code()).isEqualTo("notification.unsubscribe_token_unknown");
		assertThat(this.tokens.forgetExpired(Instant.now())).isPositive();
		assertThat(this.jdbc.sql("select count(*) from notification.unsubscribe_token where user_id = ?")
			.param(ada.id().value())
			.query(Integer.class)
			.single()).isZero();
	}

	@Nested
	class Refuses {

		@Test
		void anUnknownTokenAsNotFound() {
			Response response = NotificationMailsIntegrationTests.this.http
				.post("/api/v1/notifications/unsubscribe?token=" + "A".repeat(43))
				.send();

			assertThat(response.status()).isEqualTo(404);
			assertThat(response.contentType()).startsWith("application/problem+json");
			assertThat(response.code()).isEqualTo("notification.unsubscribe_token_unknown");
		}

		@Test
		void aMalformedOrMissingTokenAsNotFound() {
			assertThat(NotificationMailsIntegrationTests.this.http
				.get("/api/v1/notifications/unsubscribe?token=%27%20or%201=1")
				.send()
				.code()).isEqualTo("notification.unsubscribe_token_unknown");
			assertThat(NotificationMailsIntegrationTests.this.http.get("/api/v1/notifications/unsubscribe")
				.send()
				.status()).isEqualTo(404);
		}

	}

	private Person register(String name) {
		UserId id = UserId.newId();
		Person person = new Person(id, "person-" + id.value() + "@example.com");
		this.streams.user()
			.awaitAcknowledged(this.streams.user()
				.append(Streams.envelope(new UserRegistered(id, person.email(), name, Instant.now()))));
		return person;
	}

	private static PayoutCompleted payout(UserId payee) {
		return new PayoutCompleted(PayoutId.of(UUID.randomUUID()), payee, new Money(2500, Currency.getInstance("USD")),
				Instant.now());
	}

	private static SplitInvitationSent invitation(UserId owner, String email, String token) {
		return new SplitInvitationSent(UUID.randomUUID(), owner, TrackId.of(UUID.randomUUID()), "Night Drive", email,
				Role.PRODUCER, 2500, token, Instant.now().plus(Duration.ofDays(30)), Instant.now());
	}

	private static ReceivedMail awaitOnlyMailTo(Person person) {
		await().atMost(Duration.ofSeconds(20)).until(() -> !TestMailServer.mailsTo(person.email()).isEmpty());
		List<ReceivedMail> mails = TestMailServer.mailsTo(person.email());
		assertThat(mails).hasSize(1);
		return mails.getFirst();
	}

	private static String token(ReceivedMail mail) {
		Matcher matcher = ONE_CLICK.matcher(mail.listUnsubscribe());
		assertThat(matcher.matches()).as(mail.listUnsubscribe()).isTrue();
		return matcher.group(1);
	}

	private JsonNode inbox(Person person) {
		return this.http.get("/api/v1/notifications")
			.bearer(TestKeySet.shared().accessToken(person.id().value()))
			.send()
			.json();
	}

	private JsonNode preferences(Person person) {
		return this.http.get("/api/v1/notifications/preferences")
			.bearer(TestKeySet.shared().accessToken(person.id().value()))
			.send()
			.json()
			.get("categories");
	}

	private record Person(UserId id, String email) {

	}

}
