package com.notalabel.user.password;

import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import com.notalabel.test.http.Response;
import com.notalabel.types.events.user.SessionRevoked.RevocationReason;
import com.notalabel.types.events.user.SessionRevoked;
import com.notalabel.user.UserServiceIntegrationTest;
import com.notalabel.user.testing.ClientAddresses;
import com.notalabel.user.testing.People;
import com.notalabel.user.testing.Person;
import com.notalabel.user.testing.UserServiceApi;

import static org.assertj.core.api.Assertions.assertThat;

@UserServiceIntegrationTest
class PasswordChangeIntegrationTests {

	private final UserServiceApi api;

	PasswordChangeIntegrationTests(@Autowired UserServiceApi api) {
		this.api = api;
	}

	@Test
	void setsTheNewPasswordAndEndsEveryOtherSession() {
		Person laptop = this.api.people().register();
		Person phone = this.api.people().signIn(laptop);
		String newPassword = People.newPassword();

		Response response = change(laptop, laptop.password(), newPassword);

		assertThat(response.status()).isEqualTo(204);
		assertThat(this.api.http().get("/api/v1/users/me").bearer(laptop.accessToken()).send().status()).isEqualTo(200);
		assertThat(this.api.http().get("/api/v1/users/me").bearer(phone.accessToken()).send().status()).isEqualTo(401);
		assertThat(this.api.http().post("/api/v1/auth/refresh").cookie("nal_rt", phone.refreshToken()).send().status())
			.isEqualTo(401);
		assertThat(this.api.events()
			.await(SessionRevoked.class, (event) -> event.sessionId().equals(phone.session()))
			.reason()).isEqualTo(RevocationReason.PASSWORD_CHANGED);
		assertThat(this.api.people().login(laptop.email(), newPassword, ClientAddresses.next(), null).status())
			.isEqualTo(200);
		assertThat(this.api.people().login(laptop.email(), laptop.password(), ClientAddresses.next(), null).status())
			.isEqualTo(401);
	}

	@Nested
	class Refuses {

		@Test
		void aWrongCurrentPasswordAndChangesNothing() {
			Person person = PasswordChangeIntegrationTests.this.api.people().register();

			Response response = change(person, "not " + person.password(), People.newPassword());

			assertThat(response.status()).isEqualTo(400);
			assertThat(response.code()).isEqualTo("auth.wrong_password");
			assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("currentPassword");
			assertThat(PasswordChangeIntegrationTests.this.api.people()
				.login(person.email(), person.password(), ClientAddresses.next(), null)
				.status()).isEqualTo(200);
		}

		@Test
		void guessingTheCurrentPasswordWithAStolenToken() {
			Person person = PasswordChangeIntegrationTests.this.api.people().register();
			for (int guess = 0; guess < 5; guess++) {
				assertThat(change(person, "guess " + guess, People.newPassword()).status()).isEqualTo(400);
			}

			assertThat(change(person, person.password(), People.newPassword()).status()).isEqualTo(429);
		}

		@Test
		void aWeakNewPassword() {
			Person person = PasswordChangeIntegrationTests.this.api.people().register();

			Response response = change(person, person.password(), "short");

			assertThat(response.status()).isEqualTo(400);
			assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("newPassword");
		}

		@Test
		void anAnonymousCall() {
			Response response = PasswordChangeIntegrationTests.this.api.http()
				.post("/api/v1/auth/password/change")
				.json(Map.of("currentPassword", "a", "newPassword", People.newPassword()))
				.send();

			assertThat(response.status()).isEqualTo(401);
		}

	}

	private Response change(Person person, String currentPassword, String newPassword) {
		return this.api.http()
			.post("/api/v1/auth/password/change")
			.bearer(person.accessToken())
			.json(Map.of("currentPassword", currentPassword, "newPassword", newPassword))
			.send();
	}

}
