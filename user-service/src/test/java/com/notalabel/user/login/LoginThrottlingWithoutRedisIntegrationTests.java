package com.notalabel.user.login;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.notalabel.test.http.Response;
import com.notalabel.test.infra.RealPostgres;
import com.notalabel.user.testing.ClientAddresses;
import com.notalabel.user.testing.Person;
import com.notalabel.user.testing.UserServiceApi;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service with its Redis stopped (nothing listens where it points): sign-in
 * throttling keeps its counters in PostgreSQL and holds all the same, and a sign-out
 * still ends the session. This is the one test class with a context of its own.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@RealPostgres
class LoginThrottlingWithoutRedisIntegrationTests {

	private final UserServiceApi api;

	LoginThrottlingWithoutRedisIntegrationTests(@Autowired UserServiceApi api) {
		this.api = api;
	}

	@DynamicPropertySource
	static void stoppedRedis(DynamicPropertyRegistry registry) {
		registry.add("spring.data.redis.url", () -> "redis://127.0.0.1:" + unusedPort());
	}

	@Test
	void locksTheAccountOutAfterFiveFailures() {
		Person person = this.api.people().register();
		for (int attempt = 1; attempt <= 5; attempt++) {
			assertThat(this.api.people().login(person.email(), "wrong", ClientAddresses.next(), null).status())
				.as("attempt %d", attempt)
				.isEqualTo(401);
		}

		Response locked = this.api.people().login(person.email(), person.password(), ClientAddresses.next(), null);

		assertThat(locked.status()).isEqualTo(429);
		assertThat(locked.header("Retry-After")).isEqualTo("1");
	}

	@Test
	void endsASessionOnSignOutAndKeepsTheRevocationForTheGateways() {
		Person person = this.api.people().register();

		Response logout = this.api.http().post("/api/v1/auth/logout").cookie("nal_rt", person.refreshToken()).send();

		assertThat(logout.status()).isEqualTo(204);
		assertThat(this.api.http().post("/api/v1/auth/refresh").cookie("nal_rt", person.refreshToken()).send().status())
			.isEqualTo(401);
		assertThat(this.api.http().get("/api/v1/users/me").bearer(person.accessToken()).send().status()).isEqualTo(401);
		assertThat(this.api.jdbc()
			.sql("select count(*) from users.revoked_session where session_id = ?")
			.param(person.session().value())
			.query(Long.class)
			.single()).as("pushed to Redis by whichever instance reaches it first").isOne();
	}

	private static int unusedPort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
