package com.notalabel.user.password;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import com.notalabel.test.http.Response;
import com.notalabel.types.events.user.PasswordResetRequested;
import com.notalabel.types.events.user.SessionRevoked.RevocationReason;
import com.notalabel.types.events.user.SessionRevoked;
import com.notalabel.user.UserServiceIntegrationTest;
import com.notalabel.user.opaque.OpaqueToken;
import com.notalabel.user.testing.ClientAddresses;
import com.notalabel.user.testing.People;
import com.notalabel.user.testing.Person;
import com.notalabel.user.testing.UserServiceApi;

import static org.assertj.core.api.Assertions.assertThat;

@UserServiceIntegrationTest
class PasswordResetIntegrationTests {

	private final UserServiceApi api;

	PasswordResetIntegrationTests(@Autowired UserServiceApi api) {
		this.api = api;
	}

	@Test
	void acceptsARequestForAnyAddressAndMailsOnlyAnAccount() {
		Person person = this.api.people().register();

		Response known = forgot(person.email().toUpperCase());
		Response unknown = forgot(People.newEmail());

		assertThat(known.status()).isEqualTo(202);
		assertThat(unknown.status()).isEqualTo(202);
		assertThat(known.body()).isEqualTo(unknown.body()).isEmpty();
		PasswordResetRequested requested = this.api.events()
			.await(PasswordResetRequested.class, (event) -> event.userId().equals(person.id()));
		assertThat(requested.email()).isEqualTo(person.email());
		assertThat(requested.displayName()).isEqualTo(person.displayName());
		assertThat(OpaqueToken.isWellFormed(requested.token())).isTrue();
	}

	/**
	 * Interleaved samples compared by median, robust to load from other processes; the
	 * lookup and the mail happen after the answer, so the difference is noise.
	 */
	@Test
	void answersAsFastForAnUnknownAddressAsForAnAccount() {
		Person person = this.api.people().register();
		List<Long> known = new ArrayList<>();
		List<Long> unknown = new ArrayList<>();
		for (int sample = 0; sample < 40; sample++) {
			Response first = (sample % 2 == 0) ? forgot(person.email()) : forgot(People.newEmail());
			Response second = (sample % 2 == 0) ? forgot(People.newEmail()) : forgot(person.email());
			assertThat(first.status()).isEqualTo(202);
			assertThat(second.status()).isEqualTo(202);
			if (sample >= 10) {
				known.add(((sample % 2 == 0) ? first : second).elapsedNanos());
				unknown.add(((sample % 2 == 0) ? second : first).elapsedNanos());
			}
		}

		long difference = Math.abs(median(known) - median(unknown));

		assertThat(difference).as("medians %d and %d µs", median(known) / 1000, median(unknown) / 1000)
			.isLessThan(5_000_000L);
	}

	@Test
	void setsTheNewPasswordEndsEverySessionAndProvesTheAddress() {
		Person laptop = this.api.people().register();
		Person phone = this.api.people().signIn(laptop);
		String token = requestReset(laptop);
		String newPassword = People.newPassword();

		Response reset = reset(token, newPassword);

		assertThat(reset.status()).isEqualTo(204);
		assertThat(this.api.people().login(laptop.email(), laptop.password(), ClientAddresses.next(), null).status())
			.isEqualTo(401);
		Response signedIn = this.api.people().login(laptop.email(), newPassword, ClientAddresses.next(), null);
		assertThat(signedIn.status()).isEqualTo(200);
		assertThat(signedIn.json().path("user").path("emailVerified").asBoolean()).isTrue();
		for (Person session : List.of(laptop, phone)) {
			assertThat(this.api.http().get("/api/v1/users/me").bearer(session.accessToken()).send().status())
				.isEqualTo(401);
			assertThat(this.api.events()
				.await(SessionRevoked.class, (event) -> event.sessionId().equals(session.session()))
				.reason()).isEqualTo(RevocationReason.PASSWORD_RESET);
		}
	}

	@Test
	void liftsTheSignInLockOfTheAccount() {
		Person person = this.api.people().register();
		for (int attempt = 0; attempt < 6; attempt++) {
			this.api.people().login(person.email(), "wrong", ClientAddresses.next(), null);
		}
		assertThat(this.api.people().login(person.email(), person.password(), ClientAddresses.next(), null).status())
			.isEqualTo(429);
		String newPassword = People.newPassword();

		assertThat(reset(requestReset(person), newPassword).status()).isEqualTo(204);

		assertThat(this.api.people().login(person.email(), newPassword, ClientAddresses.next(), null).status())
			.isEqualTo(200);
	}

	@Nested
	class Refuses {

		@Test
		void aTokenTheSecondTime() {
			Person person = PasswordResetIntegrationTests.this.api.people().register();
			String token = requestReset(person);
			assertThat(reset(token, People.newPassword()).status()).isEqualTo(204);

			Response again = reset(token, People.newPassword());

			assertThat(again.status()).isEqualTo(400);
			assertThat(again.code()).isEqualTo("auth.token_invalid");
		}

		@Test
		void aTokenOlderThanThirtyMinutes() {
			Person person = PasswordResetIntegrationTests.this.api.people().register();
			String token = requestReset(person);
			PasswordResetIntegrationTests.this.api.jdbc()
				.sql("update users.account_token set expires_at = now() - interval '1 second' where token_hash = ?")
				.param(OpaqueToken.hashOf(token))
				.update();

			assertThat(reset(token, People.newPassword()).code()).isEqualTo("auth.token_invalid");
			assertThat(PasswordResetIntegrationTests.this.api.people()
				.login(person.email(), person.password(), ClientAddresses.next(), null)
				.status()).isEqualTo(200);
		}

		@Test
		void anUnknownToken() {
			assertThat(reset(OpaqueToken.generate().value(), People.newPassword()).code())
				.isEqualTo("auth.token_invalid");
			assertThat(reset("garbage", People.newPassword()).code()).isEqualTo("auth.token_invalid");
		}

		@Test
		void aWeakPasswordAndLeavesTheTokenUsable() {
			Person person = PasswordResetIntegrationTests.this.api.people().register();
			String token = requestReset(person);

			Response weak = reset(token, "password1");

			assertThat(weak.status()).isEqualTo(400);
			assertThat(weak.json().path("errors").get(0).path("field").asString()).isEqualTo("newPassword");
			assertThat(reset(token, People.newPassword()).status()).isEqualTo(204);
		}

		@Test
		void moreThanTenRequestsFromOneClientAddress() {
			String address = ClientAddresses.next();
			for (int request = 0; request < 10; request++) {
				assertThat(forgotFrom(address, People.newEmail()).status()).isEqualTo(202);
			}

			assertThat(forgotFrom(address, People.newEmail()).status()).isEqualTo(429);
		}

	}

	private String requestReset(Person person) {
		assertThat(forgot(person.email()).status()).isEqualTo(202);
		return this.api.events()
			.await(PasswordResetRequested.class,
					(event) -> event.userId().equals(person.id()) && unused(OpaqueToken.hashOf(event.token())))
			.token();
	}

	private boolean unused(String tokenHash) {
		return this.api.jdbc()
			.sql("select count(*) from users.account_token where token_hash = ?")
			.param(tokenHash)
			.query(Long.class)
			.single() == 1;
	}

	private Response forgot(String email) {
		return forgotFrom(ClientAddresses.next(), email);
	}

	private Response forgotFrom(String address, String email) {
		return this.api.http()
			.post("/api/v1/auth/password/forgot")
			.header(ClientAddresses.HEADER, address)
			.json(Map.of("email", email))
			.send();
	}

	private Response reset(String token, String newPassword) {
		return this.api.http()
			.post("/api/v1/auth/password/reset")
			.json(Map.of("token", token, "newPassword", newPassword))
			.send();
	}

	private static long median(List<Long> samples) {
		List<Long> sorted = new ArrayList<>(samples);
		Collections.sort(sorted);
		return sorted.get(sorted.size() / 2);
	}

}
