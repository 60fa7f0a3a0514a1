package com.notalabel.user.login;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import com.notalabel.test.http.Response;
import com.notalabel.user.UserServiceIntegrationTest;
import com.notalabel.user.account.Emails;
import com.notalabel.user.testing.ClientAddresses;
import com.notalabel.user.testing.People;
import com.notalabel.user.testing.Person;
import com.notalabel.user.testing.UserServiceApi;

import static org.assertj.core.api.Assertions.assertThat;

@UserServiceIntegrationTest
class LoginThrottlingIntegrationTests {

	private final UserServiceApi api;

	LoginThrottlingIntegrationTests(@Autowired UserServiceApi api) {
		this.api = api;
	}

	@Test
	void makesTheSixthAttemptWaitAndDoublesTheWaitWithEveryFailure() {
		Person person = this.api.people().register();
		failFiveTimes(person.email());

		assertThat(retryAfter(attemptWrong(person.email()))).isEqualTo(1);
		waitOut(person.email());
		assertThat(attemptWrong(person.email()).status()).isEqualTo(401);
		assertThat(retryAfter(attemptWrong(person.email()))).isEqualTo(2);
		waitOut(person.email());
		assertThat(attemptWrong(person.email()).status()).isEqualTo(401);
		assertThat(retryAfter(attemptWrong(person.email()))).isEqualTo(4);
	}

	@Test
	void holdsTheRightPasswordBackWhileTheWaitLasts() {
		Person person = this.api.people().register();
		failFiveTimes(person.email());

		Response response = this.api.people().login(person.email(), person.password(), ClientAddresses.next(), null);

		assertThat(response.status()).isEqualTo(429);
		assertThat(response.code()).isEqualTo("auth.too_many_attempts");
		assertThat(response.cookies()).isEmpty();
	}

	@Test
	void neverLocksForLongerThanFifteenMinutes() {
		Person person = this.api.people().register();
		failFiveTimes(person.email());
		this.api.jdbc()
			.sql("update users.throttle set attempts = 60, last_attempt_at = now() - interval '15 minutes 1 second',"
					+ " blocked_until = now() - interval '1 second' where key = ?")
			.param(accountKey(person.email()))
			.update();

		assertThat(attemptWrong(person.email()).status()).isEqualTo(401);

		assertThat(retryAfter(attemptWrong(person.email()))).isEqualTo(900);
	}

	@Test
	void letsTheRightPasswordInOnceTheWaitIsOverAndStartsTheCountAgain() {
		Person person = this.api.people().register();
		failFiveTimes(person.email());
		waitOut(person.email());

		assertThat(this.api.people().login(person.email(), person.password(), ClientAddresses.next(), null).status())
			.isEqualTo(200);

		failFiveTimes(person.email());
	}

	@Test
	void letsTheOwnerInFromAKnownBrowserWhileAnAttackerIsLockedOut() {
		Person person = this.api.people().register();
		for (int attempt = 0; attempt < 12; attempt++) {
			attemptWrong(person.email());
		}
		assertThat(attemptWrong(person.email()).status()).isEqualTo(429);

		Response owner = this.api.people()
			.login(person.email(), person.password(), ClientAddresses.next(), person.deviceToken());

		assertThat(owner.status()).isEqualTo(200);
		assertThat(owner.cookie("nal_dev").orElseThrow().value()).isEqualTo(person.deviceToken());
		assertThat(attemptWrong(person.email()).status()).as("the attacker is still locked out").isEqualTo(429);
	}

	@Test
	void throttlesAKnownBrowserOnItsOwnCounter() {
		Person person = this.api.people().register();
		for (int attempt = 0; attempt < 5; attempt++) {
			assertThat(this.api.people()
				.login(person.email(), "wrong " + attempt, ClientAddresses.next(), person.deviceToken())
				.status()).isEqualTo(401);
		}

		assertThat(this.api.people()
			.login(person.email(), person.password(), ClientAddresses.next(), person.deviceToken())
			.status()).isEqualTo(429);
		assertThat(this.api.people().login(person.email(), person.password(), ClientAddresses.next(), null).status())
			.as("unknown browsers have a counter of their own")
			.isEqualTo(200);
	}

	@Test
	void throttlesAnAddressWithoutAnAccountLikeOneWithAnAccount() {
		String email = People.newEmail();
		failFiveTimes(email);

		assertThat(retryAfter(attemptWrong(email))).isEqualTo(1);
	}

	@Test
	void throttlesOneClientAddressAcrossAccountsAndItsOwnSuccessesDoNotResetIt() {
		String address = ClientAddresses.next();
		Person own = this.api.people().register();
		for (int attempt = 0; attempt < 19; attempt++) {
			assertThat(this.api.people().login(People.newEmail(), "guess", address, null).status()).isEqualTo(401);
		}
		assertThat(this.api.people().login(own.email(), own.password(), address, null).status()).isEqualTo(200);
		assertThat(this.api.people().login(People.newEmail(), "guess", address, null).status()).isEqualTo(401);

		Response throttled = this.api.people().login(People.newEmail(), "guess", address, null);

		assertThat(throttled.status()).isEqualTo(429);
		assertThat(this.api.people().login(own.email(), own.password(), address, own.deviceToken()).status())
			.as("a known browser behind the same address")
			.isEqualTo(200);
	}

	private void failFiveTimes(String email) {
		for (int attempt = 1; attempt <= 5; attempt++) {
			assertThat(attemptWrong(email).status()).as("attempt %d", attempt).isEqualTo(401);
		}
	}

	private Response attemptWrong(String email) {
		return this.api.people().login(email, "certainly wrong", ClientAddresses.next(), null);
	}

	/** As if the wait had passed: the counter stays, the block ends. */
	/** Moves the last attempt back by the wait it made, as if that wait were over. */
	private void waitOut(String email) {
		assertThat(this.api.jdbc()
			.sql("update users.throttle set last_attempt_at = now() - (blocked_until - last_attempt_at)"
					+ " - interval '1 second', blocked_until = now() - interval '1 second' where key = ?")
			.param(accountKey(email))
			.update()).isEqualTo(1);
	}

	private static String accountKey(String email) {
		return "sign-in:account:" + Emails.fingerprint(email);
	}

	private static long retryAfter(Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(429);
		return Long.parseLong(response.header("Retry-After"));
	}

}
