package com.notalabel.user.login;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import com.notalabel.test.http.Response;
import com.notalabel.user.UserServiceIntegrationTest;
import com.notalabel.user.account.Emails;
import com.notalabel.user.testing.ClientAddresses;
import com.notalabel.user.testing.People;

import com.notalabel.user.testing.UserServiceApi;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service too busy to check a password in time: a wait of a millisecond, always spent
 * before the sign-in reaches the hashing queue, refuses every hash. A context of its own,
 * closed after the class.
 */
@UserServiceIntegrationTest
@TestPropertySource(
		properties = { "nal.passwords.hashing.max-wait=1ms", "spring.datasource.hikari.maximum-pool-size=2" })
@DirtiesContext
class LoginWhileBusyIntegrationTests {

	private final UserServiceApi api;

	LoginWhileBusyIntegrationTests(@Autowired UserServiceApi api) {
		this.api = api;
	}

	@Test
	void answersServiceUnavailableWithRetryAfterAndCountsNoAttempt() {
		String email = People.newEmail();
		String address = ClientAddresses.next();

		Response response = this.api.people().login(email, "any password at all", address, null);

		assertThat(response.status()).isEqualTo(503);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.code()).isEqualTo("server.busy");
		assertThat(response.header("Retry-After")).isEqualTo("1");
		assertThat(attempts("sign-in:account:" + Emails.fingerprint(Emails.normalize(email)))).isZero();
		assertThat(attempts("sign-in:address:" + address)).isZero();
	}

	private int attempts(String key) {
		return this.api.jdbc()
			.sql("select coalesce(max(attempts), 0) from users.throttle where key = ?")
			.param(key)
			.query(Integer.class)
			.single();
	}

}
