package com.notalabel.user.login;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import com.notalabel.test.http.Response;
import com.notalabel.user.UserServiceIntegrationTest;
import com.notalabel.user.testing.ClientAddresses;
import com.notalabel.user.testing.Person;

import com.notalabel.user.testing.UserServiceApi;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Crowds signing in at the same moment against a connection pool far smaller than the
 * crowd: no connection is held while a password is hashed, so the sign-ins queue for the
 * hashing threads and every one of them is answered. A context of its own: 3 connections
 * and 2 hashing threads, with waits for either long enough for a slow, shared machine, so
 * that only a connection held across a hash (a pool that deadlocks, a hash refused inside
 * a transaction) fails it. Refusing after a wait is the hashing pool's policy, tested on
 * its own in {@code HashingPoolTests}. Closed after the class, to give its connections
 * back.
 */
@UserServiceIntegrationTest
@TestPropertySource(properties = { "spring.datasource.hikari.maximum-pool-size=3",
		"spring.datasource.hikari.connection-timeout=120000", "nal.passwords.hashing.threads=2",
		"nal.passwords.hashing.max-wait=10m" })
@DirtiesContext
class LoginCrowdIntegrationTests {

	private static final int CROWD = 60;

	private final UserServiceApi api;

	LoginCrowdIntegrationTests(@Autowired UserServiceApi api) {
		this.api = api;
	}

	@Test
	void signsInEveryOneOfACrowdTwentyTimesTheConnectionPool() throws Exception {
		List<Person> people = atOnce(CROWD, (i) -> this.api.people().register());

		List<Response> answers = atOnce(CROWD, (i) -> this.api.people()
			.login(people.get(i).email(), people.get(i).password(), ClientAddresses.next(), null));

		assertThat(answers).extracting(Response::status).containsOnly(200);
		assertThat(answers).extracting((answer) -> answer.json().path("user").path("email").asString())
			.containsExactlyInAnyOrderElementsOf(people.stream().map(Person::email).toList());
	}

	@Test
	void answersEightSimultaneousSignInsToOneAccountWithoutAnError() throws Exception {
		Person person = this.api.people().register();

		List<Response> answers = atOnce(8,
				(i) -> this.api.people().login(person.email(), person.password(), ClientAddresses.next(), null));

		// More than five at once on one account meet its throttle, unless a success came first.
		assertThat(answers).extracting(Response::status).containsOnly(200, 429).contains(200);
		assertThat(answers).filteredOn((answer) -> answer.status() == 429)
			.allSatisfy((answer) -> assertThat(answer.code()).isEqualTo("auth.too_many_attempts"));
	}

	@Test
	void answersACrowdOfWrongPasswordsAndUnknownAddressesAlikeWithoutAnError() throws Exception {
		List<Person> people = atOnce(10, (i) -> this.api.people().register());

		// Three wrong passwords for each account, fewer than its throttle lets through, and
		// thirty addresses that have no account.
		List<Response> answers = atOnce(CROWD,
				(i) -> this.api.people()
					.login((i % 2 == 0) ? people.get(i / 2 % 10).email() : "nobody-" + i + "@example.com",
							"not the password", ClientAddresses.next(), null));

		assertThat(answers).extracting(Response::status).containsOnly(401);
	}

	/**
	 * Runs the calls on threads of their own, all let go at the same moment.
	 * @return their results, in order
	 */
	private static <T> List<T> atOnce(int count, IntFunction<T> call) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		List<Future<T>> results = new ArrayList<>();
		try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 0; i < count; i++) {
				int index = i;
				results.add(threads.submit((Callable<T>) () -> {
					start.await();
					return call.apply(index);
				}));
			}
			start.countDown();
		}
		List<T> done = new ArrayList<>();
		for (Future<T> result : results) {
			done.add(result.get());
		}
		return done;
	}

}
