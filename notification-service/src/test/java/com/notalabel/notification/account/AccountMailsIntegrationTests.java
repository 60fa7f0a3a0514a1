package com.notalabel.notification.account;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.notalabel.test.events.ProducerStream;
import com.notalabel.notification.NotificationServiceIntegrationTest;
import com.notalabel.notification.testing.ReceivedMail;
import com.notalabel.notification.testing.TestMailServer;
import com.notalabel.test.logging.LogLevels;
import com.notalabel.types.event.EventCodec;
import com.notalabel.types.event.EventEnvelope;
import com.notalabel.types.events.user.EmailVerificationRequested;
import com.notalabel.types.events.user.PasswordResetRequested;
import com.notalabel.types.id.UserId;
import com.notalabel.types.redis.RedisKeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@NotificationServiceIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class AccountMailsIntegrationTests {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final ProducerStream userService;

	private final JdbcClient jdbc;

	private final MeterRegistry meters;

	private LogLevels logs;

	@Autowired
	AccountMailsIntegrationTests(StringRedisTemplate redis, EventCodec codec, RedisKeys keys, JdbcClient jdbc,
			MeterRegistry meters) {
		this.userService = new ProducerStream(redis, codec, keys, "user-service", "notification-service");
		this.jdbc = jdbc;
		this.meters = meters;
	}

	@BeforeEach
	void logWhatIsMailedAndWhy() {
		// Some tests look at what the service logs about a mail (at INFO).
		this.logs = LogLevels.raise(AccountMails.class, LogLevel.INFO);
	}

	@AfterEach
	void logWarningsOnly() {
		this.logs.close();
	}

	@Test
	void mailsTheVerificationLinkToThePersonWithTheirNameEscapedInTheHtml(CapturedOutput output) {
		Person ada = Person.named("<script>alert('x')</script> Ada");
		EventEnvelope<EmailVerificationRequested> envelope = ProducerStream.envelope(new EmailVerificationRequested(
				ada.id(), ada.email(), ada.name(), ada.token(), in(Duration.ofHours(24))));

		this.userService.append(envelope);

		ReceivedMail mail = awaitOnlyMailTo(ada);
		String link = "http://localhost:5173/verify-email?token=" + ada.token();
		assertThat(mail.to()).singleElement().satisfies((to) -> {
			assertThat(to.getAddress()).isEqualTo(ada.email());
			assertThat(to.getPersonal()).isEqualTo(ada.name());
		});
		assertThat(mail.from().getAddress()).isEqualTo("no-reply@notalabel.local");
		assertThat(mail.from().getPersonal()).isEqualTo("Not a Label");
		assertThat(mail.subject()).isEqualTo("Confirm your email address");
		assertThat(mail.contentType()).startsWith("multipart/alternative");
		assertThat(mail.partTypes()).satisfiesExactly((type) -> assertThat(type).startsWith("text/plain"),
				(type) -> assertThat(type).startsWith("text/html"));
		assertThat(mail.autoSubmitted()).isEqualTo("auto-generated");
		assertThat(mail.text()).contains("Hi " + ada.name() + ",", link, "within the next 24 hours", ada.email());
		assertThat(mail.html())
			.contains("href=\"" + link + "\"", "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Ada",
					"within the next 24 hours")
			.doesNotContain("<script");
		// The mail leaves inside the handler's transaction; its record is visible once that commits.
		await().untilAsserted(
				() -> assertThat(sentMails(envelope.id())).containsExactly("EMAIL_VERIFICATION " + ada.id().value()));
		assertThat(this.jdbc.sql("select s::text from sent_mail s where event_id = ?")
			.param(envelope.id())
			.query(String.class)
			.single()).doesNotContain(ada.token()).doesNotContain(ada.email());
		assertThat(output.getAll()).contains(envelope.id().toString()).doesNotContain(ada.token());
	}

	@Test
	void mailsThePasswordResetLink() {
		Person grace = Person.named("Grace");

		this.userService.append(ProducerStream.envelope(new PasswordResetRequested(grace.id(), grace.email(),
				grace.name(), grace.token(), in(Duration.ofMinutes(30)))));

		ReceivedMail mail = awaitOnlyMailTo(grace);
		String link = "http://localhost:5173/reset-password?token=" + grace.token();
		assertThat(mail.subject()).isEqualTo("Reset your Not a Label password");
		assertThat(mail.text()).contains("Hi Grace,", link, "within the next 30 minutes");
		assertThat(mail.html()).contains("href=\"" + link + "\"", "Choose a new password");
	}

	@Test
	void sendsNoSecondMailWhenTheSameEventIsDeliveredAgain() {
		Person alan = Person.named("Alan");
		EventEnvelope<EmailVerificationRequested> envelope = ProducerStream.envelope(new EmailVerificationRequested(
				alan.id(), alan.email(), alan.name(), alan.token(), in(Duration.ofHours(24))));
		this.userService.awaitAcknowledged(this.userService.append(envelope));
		assertThat(awaitOnlyMailTo(alan).messageId()).startsWith("<" + envelope.id() + "@");

		RecordId again = this.userService.append(envelope);

		this.userService.awaitAcknowledged(again);
		assertThat(TestMailServer.mailsTo(alan.email())).hasSize(1);
		assertThat(sentMails(envelope.id())).hasSize(1);
	}

	@Test
	void sendsNoSecondMailForAnEventItMailedEvenOnceTheConsumerHasForgottenTheEvent() {
		Person barbara = Person.named("Barbara");
		EventEnvelope<PasswordResetRequested> envelope = ProducerStream.envelope(new PasswordResetRequested(
				barbara.id(), barbara.email(), barbara.name(), barbara.token(), in(Duration.ofMinutes(30))));
		this.userService.awaitAcknowledged(this.userService.append(envelope));
		awaitOnlyMailTo(barbara);
		// As once the bus's deduplication window has passed.
		this.jdbc.sql("delete from processed_event where event_id = ?").param(envelope.id()).update();

		RecordId again = this.userService.append(envelope);

		this.userService.awaitAcknowledged(again);
		assertThat(processed(envelope.id())).isTrue();
		assertThat(TestMailServer.mailsTo(barbara.email())).hasSize(1);
	}

	@Test
	void sendsNothingWhenTheLinkHasExpiredByTheTimeTheEventArrives(CapturedOutput output) {
		Person edsger = Person.named("Edsger");
		EventEnvelope<EmailVerificationRequested> envelope = ProducerStream.envelope(new EmailVerificationRequested(
				edsger.id(), edsger.email(), edsger.name(), edsger.token(), in(Duration.ofMinutes(-1))));

		this.userService.awaitAcknowledged(this.userService.append(envelope));

		assertThat(processed(envelope.id())).isTrue();
		assertThat(TestMailServer.mailsTo(edsger.email())).isEmpty();
		assertThat(sentMails(envelope.id())).isEmpty();
		assertThat(output.getAll()).contains("Not mailing EMAIL_VERIFICATION for event " + envelope.id())
			.doesNotContain(edsger.token());
	}

	@Test
	void retriesAMailTheSmtpServerCouldNotTakeUntilItCan() {
		Person hedy = Person.named("Hedy");
		EventEnvelope<EmailVerificationRequested> envelope = ProducerStream.envelope(new EmailVerificationRequested(
				hedy.id(), hedy.email(), hedy.name(), hedy.token(), in(Duration.ofHours(24))));
		double failuresBefore = handlerFailures();
		RecordId entry;

		try (TestMailServer.Outage outage = TestMailServer.outage()) {
			entry = this.userService.append(envelope);
			await().atMost(Duration.ofSeconds(20)).until(() -> handlerFailures() > failuresBefore);
			assertThat(this.userService.pending(entry)).isTrue();
			assertThat(processed(envelope.id())).isFalse();
		}

		this.userService.awaitAcknowledged(entry);
		assertThat(TestMailServer.mailsTo(hedy.email())).hasSize(1);
		assertThat(sentMails(envelope.id())).hasSize(1);
	}

	private ReceivedMail awaitOnlyMailTo(Person person) {
		await().atMost(Duration.ofSeconds(20)).until(() -> !TestMailServer.mailsTo(person.email()).isEmpty());
		List<ReceivedMail> mails = TestMailServer.mailsTo(person.email());
		assertThat(mails).hasSize(1);
		return mails.getFirst();
	}

	private List<String> sentMails(UUID eventId) {
		return this.jdbc.sql("select kind || ' ' || recipient_id from sent_mail where event_id = ?")
			.param(eventId)
			.query(String.class)
			.list();
	}

	private boolean processed(UUID eventId) {
		return this.jdbc.sql("select count(*) from processed_event where event_id = ?")
			.param(eventId)
			.query(Long.class)
			.single() == 1;
	}

	private double handlerFailures() {
		Counter failures = this.meters.find("nal.events.handler.failures")
			.tags("group", "notification-service", "type", "user.EmailVerificationRequested")
			.counter();
		return (failures != null) ? failures.count() : 0;
	}

	private static Instant in(Duration duration) {
		return Instant.now().plus(duration);
	}

	/**
	 * Someone user-service mails, with an address of their own so that tests sharing the
	 * SMTP server never see each other's mails.
	 */
	private record Person(UserId id, String name, String email, String token) {

		static Person named(String name) {
			byte[] secret = new byte[32];
			RANDOM.nextBytes(secret);
			UserId id = UserId.newId();
			return new Person(id, name, "person-" + id.value() + "@example.com",
					Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
		}

	}

}
