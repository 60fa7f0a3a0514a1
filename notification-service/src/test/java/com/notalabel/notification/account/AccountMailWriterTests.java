package com.notalabel.notification.account;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.notalabel.notification.mail.Mail;
import com.notalabel.notification.mail.MailSettings;
import com.notalabel.types.id.UserId;

import static org.assertj.core.api.Assertions.assertThat;

class AccountMailWriterTests {

	private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

	private final AccountMailWriter writer = writer("https://app.example.com");

	@Test
	void linksTheVerificationPageWithTheToken() {
		Mail mail = this.writer.write(request(AccountMailKind.EMAIL_VERIFICATION, "Ada", "tok_EN-123"), NOW);

		assertThat(mail.text()).contains("https://app.example.com/verify-email?token=tok_EN-123");
		assertThat(mail.html()).contains("href=\"https://app.example.com/verify-email?token=tok_EN-123\"");
	}

	@Test
	void linksTheResetPageWithTheToken() {
		Mail mail = this.writer.write(request(AccountMailKind.PASSWORD_RESET, "Ada", "abc"), NOW);

		assertThat(mail.text()).contains("https://app.example.com/reset-password?token=abc");
	}

	@Test
	void keepsThePathOfABaseUrlWithOrWithoutATrailingSlash() {
		assertThat(writer("https://example.com/app/").link(AccountMailKind.PASSWORD_RESET, "abc"))
			.isEqualTo("https://example.com/app/reset-password?token=abc");
		assertThat(writer("https://example.com/app").link(AccountMailKind.PASSWORD_RESET, "abc"))
			.isEqualTo("https://example.com/app/reset-password?token=abc");
	}

	@Test
	void encodesEveryCharacterOfTheTokenThatWouldChangeTheQuery() {
		assertThat(this.writer.link(AccountMailKind.EMAIL_VERIFICATION, "a+b&c=d/e f"))
			.isEqualTo("https://app.example.com/verify-email?token=a%2Bb%26c%3Dd%2Fe%20f");
	}

	@Test
	void escapesWhatThePersonTypedInTheHtmlButNotInThePlainText() {
		Mail mail = this.writer.write(request(AccountMailKind.EMAIL_VERIFICATION, "<b>Ada</b> & \"Co\"", "abc"), NOW);

		assertThat(mail.html()).contains("Hi &lt;b&gt;Ada&lt;/b&gt; &amp; &quot;Co&quot;,").doesNotContain("<b>");
		assertThat(mail.text()).contains("Hi <b>Ada</b> & \"Co\",");
	}

	@Test
	void escapesTheLinkInsideTheHtmlAttribute() {
		Mail mail = this.writer.write(request(AccountMailKind.EMAIL_VERIFICATION, "Ada", "abc"), NOW);

		assertThat(writer("https://example.com/?x=1").link(AccountMailKind.EMAIL_VERIFICATION, "t"))
			.isEqualTo("https://example.com/verify-email?x=1&token=t");
		assertThat(
				writer("https://example.com/?x=1").write(request(AccountMailKind.EMAIL_VERIFICATION, "Ada", "t"), NOW)
					.html())
			.contains("href=\"https://example.com/verify-email?x=1&amp;token=t\"");
		assertThat(mail.html()).doesNotContain("&amp;amp;");
	}

	@Test
	void keepsALineBreakInTheNameFromLayingOutTheMail() {
		Mail mail = this.writer.write(request(AccountMailKind.EMAIL_VERIFICATION, "Ada\r\n\r\nVisit evil.example", "t"),
				NOW);

		assertThat(mail.text()).contains("Hi Ada Visit evil.example,");
		assertThat(mail.toName()).isEqualTo("Ada Visit evil.example");
	}

	@Test
	void greetsSomeoneWithoutANameWithoutOne() {
		Mail mail = this.writer.write(request(AccountMailKind.EMAIL_VERIFICATION, "  ", "t"), NOW);

		assertThat(mail.text()).startsWith("Hello,");
	}

	@Test
	void saysHowLongTheLinkStillWorks() {
		AccountMailRequest request = new AccountMailRequest(AccountMailKind.PASSWORD_RESET, UserId.newId(),
				"ada@example.com", "Ada", "t", NOW.plus(Duration.ofMinutes(30)));

		Mail mail = this.writer.write(request, NOW.plusSeconds(1));

		assertThat(mail.text()).contains("The link works once, within the next 30 minutes.");
		assertThat(mail.html()).contains("The link works once, within the next 30 minutes.");
	}

	@Test
	void addressesTheMailToThePersonAndKeepsTheLinkOutOfItsToString() {
		Mail mail = this.writer.write(request(AccountMailKind.EMAIL_VERIFICATION, "Ada", "secret-token"), NOW);

		assertThat(mail.to()).isEqualTo("ada@example.com");
		assertThat(mail.subject()).isEqualTo("Confirm your email address");
		assertThat(mail.text()).contains("ada@example.com");
		assertThat(mail).asString().doesNotContain("secret-token");
	}

	private static AccountMailRequest request(AccountMailKind kind, String name, String token) {
		return new AccountMailRequest(kind, UserId.newId(), "ada@example.com", name, token,
				NOW.plus(Duration.ofHours(24)));
	}

	private static AccountMailWriter writer(String baseUrl) {
		return new AccountMailWriter(new MailSettings("Not a Label <no-reply@example.com>", URI.create(baseUrl)));
	}

}
