package com.notalabel.user.verification;

import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import com.notalabel.test.http.Response;
import com.notalabel.types.events.user.EmailVerificationRequested;
import com.notalabel.user.UserServiceIntegrationTest;
import com.notalabel.user.opaque.OpaqueToken;
import com.notalabel.user.testing.Person;
import com.notalabel.user.testing.UserServiceApi;

import static org.assertj.core.api.Assertions.assertThat;

@UserServiceIntegrationTest
class EmailVerificationIntegrationTests {

	private final UserServiceApi api;

	EmailVerificationIntegrationTests(@Autowired UserServiceApi api) {
		this.api = api;
	}

	@Test
	void verifiesTheAddressWithTheMailedTokenWithoutBeingSignedIn() {
		Person person = this.api.people().register();

		Response response = verify(mailedToken(person));

		assertThat(response.status()).isEqualTo(204);
		assertThat(me(person).path("emailVerified").asBoolean()).isTrue();
	}

	@Test
	void mailsANewTokenOnRequestAndEitherTokenWorksOnce() {
		Person person = this.api.people().register();
		String first = mailedToken(person);

		assertThat(resend(person).status()).isEqualTo(202);
		String second = this.api.events()
			.await(EmailVerificationRequested.class,
					(event) -> event.userId().equals(person.id()) && !event.token().equals(first))
			.token();

		assertThat(verify(second).status()).isEqualTo(204);
		assertThat(verify(first).code()).as("using one token uses up the others").isEqualTo("auth.token_invalid");
	}

	@Nested
	class Refuses {

		@Test
		void aTokenTheSecondTime() {
			Person person = EmailVerificationIntegrationTests.this.api.people().register();
			String token = mailedToken(person);
			verify(token);

			Response again = verify(token);

			assertThat(again.status()).isEqualTo(400);
			assertThat(again.code()).isEqualTo("auth.token_invalid");
		}

		@Test
		void aTokenOlderThanADay() {
			Person person = EmailVerificationIntegrationTests.this.api.people().register();
			String token = mailedToken(person);
			EmailVerificationIntegrationTests.this.api.jdbc()
				.sql("update users.account_token set expires_at = now() - interval '1 second' where token_hash = ?")
				.param(OpaqueToken.hashOf(token))
				.update();

			assertThat(verify(token).code()).isEqualTo("auth.token_invalid");
			assertThat(me(person).path("emailVerified").asBoolean()).isFalse();
		}

		@Test
		void aPasswordResetToken() {
			Person person = EmailVerificationIntegrationTests.this.api.people().register();
			EmailVerificationIntegrationTests.this.api.http()
				.post("/api/v1/auth/password/forgot")
				.json(Map.of("email", person.email()))
				.send();
			String resetToken = EmailVerificationIntegrationTests.this.api.events()
				.await(com.notalabel.types.events.user.PasswordResetRequested.class,
						(event) -> event.userId().equals(person.id()))
				.token();

			assertThat(verify(resetToken).code()).isEqualTo("auth.token_invalid");
		}

		@Test
		void toResendMoreThanThreeMailsAtOnce() {
			Person person = EmailVerificationIntegrationTests.this.api.people().register();
			for (int mail = 0; mail < 3; mail++) {
				assertThat(resend(person).status()).isEqualTo(202);
			}

			Response throttled = resend(person);

			assertThat(throttled.status()).isEqualTo(429);
			assertThat(throttled.header("Retry-After")).isEqualTo("60");
		}

		@Test
		void toResendToAVerifiedAddress() {
			Person person = EmailVerificationIntegrationTests.this.api.people().register();
			verify(mailedToken(person));

			Response response = resend(person);

			assertThat(response.status()).isEqualTo(409);
			assertThat(response.code()).isEqualTo("auth.email_already_verified");
		}

	}

	private String mailedToken(Person person) {
		return this.api.events()
			.await(EmailVerificationRequested.class, (event) -> event.userId().equals(person.id()))
			.token();
	}

	private Response verify(String token) {
		return this.api.http().post("/api/v1/auth/email/verify").json(Map.of("token", token)).send();
	}

	private Response resend(Person person) {
		return this.api.http().post("/api/v1/auth/email/resend").bearer(person.accessToken()).send();
	}

	private tools.jackson.databind.JsonNode me(Person person) {
		return this.api.http().get("/api/v1/users/me").bearer(person.accessToken()).send().json();
	}

}
