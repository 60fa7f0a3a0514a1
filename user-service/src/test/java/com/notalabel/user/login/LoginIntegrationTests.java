package com.notalabel.user.login;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

import com.notalabel.test.http.Response;
import com.notalabel.test.http.SetCookie;
import com.notalabel.user.UserServiceIntegrationTest;
import com.notalabel.user.account.Emails;
import com.notalabel.user.testing.ClientAddresses;
import com.notalabel.user.testing.People;
import com.notalabel.user.testing.Person;
import com.notalabel.user.testing.UserServiceApi;

import static org.assertj.core.api.Assertions.assertThat;

@UserServiceIntegrationTest
class LoginIntegrationTests {

	private final UserServiceApi api;

	LoginIntegrationTests(@Autowired UserServiceApi api) {
		this.api = api;
	}

	@Test
	void answersWithTheAccountAndTheAccessTokenAndSetsTheCookies() {
		Person person = this.api.people().register();

		Response response = this.api.people()
			.login(person.email().toUpperCase(), person.password(), ClientAddresses.next(), null);

		assertThat(response.status()).isEqualTo(200);
		JsonNode body = response.json();
		assertThat(body.propertyNames()).containsExactly("user", "accessToken", "expiresIn");
		assertThat(body.path("user").propertyNames()).containsExactly("id", "email", "emailVerified", "displayName",
				"handle", "bio", "genres", "location", "links", "avatarUrl", "roles", "createdAt");
		assertThat(body.path("user").path("id").asString()).isEqualTo(person.id().toString());
		assertThat(body.path("accessToken").asString()).isEqualTo(response.cookie("nal_at").orElseThrow().value());
		assertThat(body.path("expiresIn").asLong()).isBetween(86_000L, 86_400L);
		SetCookie refresh = response.cookie("nal_rt").orElseThrow();
		assertThat(refresh.value()).isNotEqualTo(person.refreshToken());
		assertThat(refresh.attribute("Path")).isEqualTo("/api/v1/auth");
		assertThat(refresh.attribute("SameSite")).isEqualTo("Strict");
		assertThat(refresh.has("HttpOnly") && refresh.has("Secure")).isTrue();
	}

	@Test
	void answersAnUnknownAddressExactlyLikeAWrongPassword() {
		Person person = this.api.people().register();

		Response wrongPassword = this.api.people()
			.login(person.email(), "not " + person.password(), ClientAddresses.next(), null);
		Response unknownAddress = this.api.people()
			.login(People.newEmail(), person.password(), ClientAddresses.next(), null);

		assertThat(wrongPassword.status()).isEqualTo(401);
		assertThat(unknownAddress.status()).isEqualTo(401);
		assertThat(withoutRequestId(wrongPassword)).isEqualTo(withoutRequestId(unknownAddress));
		assertThat(wrongPassword.code()).isEqualTo("auth.invalid_credentials");
		assertThat(wrongPassword.cookies()).isEmpty();
		assertThat(unknownAddress.cookies()).isEmpty();
	}

	/**
	 * Medians of interleaved samples, so that load from other processes falls on both
	 * sides alike; without the dummy hash, an unknown address answers several times
	 * faster.
	 */
	@Test
	void takesAsLongForAnUnknownAddressAsForAWrongPassword() {
		Person person = this.api.people().register();
		String unknown = People.newEmail();
		List<Long> wrongPassword = new ArrayList<>();
		List<Long> unknownAddress = new ArrayList<>();
		for (int sample = 0; sample < 24; sample++) {
			forgetSignInAttempts(person.email(), unknown);
			Response first = (sample % 2 == 0) ? wrong(person) : absent(unknown, person);
			Response second = (sample % 2 == 0) ? absent(unknown, person) : wrong(person);
			Response wrong = (sample % 2 == 0) ? first : second;
			Response absent = (sample % 2 == 0) ? second : first;
			assertThat(wrong.status()).isEqualTo(401);
			assertThat(absent.status()).isEqualTo(401);
			if (sample >= 4) {
				wrongPassword.add(wrong.elapsedNanos());
				unknownAddress.add(absent.elapsedNanos());
			}
		}

		double ratio = (double) median(unknownAddress) / median(wrongPassword);

		assertThat(ratio)
			.as("unknown address / wrong password, medians %d / %d µs", median(unknownAddress) / 1000,
					median(wrongPassword) / 1000)
			.isBetween(0.7, 1.4);
	}

	@Test
	void acceptsA128CharacterPasswordWhole() {
		String password = "ä".repeat(64) + "b".repeat(64);
		Person person = this.api.people().register(People.newEmail(), password);

		assertThat(this.api.people().login(person.email(), password, ClientAddresses.next(), null).status())
			.isEqualTo(200);
		assertThat(this.api.people()
			.login(person.email(), password.substring(0, 127), ClientAddresses.next(), null)
			.status()).isEqualTo(401);
		assertThat(this.api.people()
			.login(person.email(), Normalizer.normalize(password, Normalizer.Form.NFD), ClientAddresses.next(), null)
			.status()).as("the same password typed with decomposed accents").isEqualTo(200);
	}

	@Test
	void upgradesAHashMadeWithOtherParametersAtTheNextSignIn() {
		Person person = this.api.people().register();
		String weaker = new Argon2PasswordEncoder(16, 32, 1, 4096, 1).encode(person.password());
		this.api.jdbc()
			.sql("update users.account set password_hash = ? where id = ?")
			.params(weaker, person.id().value())
			.update();

		assertThat(this.api.people().login(person.email(), person.password(), ClientAddresses.next(), null).status())
			.isEqualTo(200);

		assertThat(passwordHash(person)).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").isNotEqualTo(weaker);
		assertThat(this.api.people().login(person.email(), person.password(), ClientAddresses.next(), null).status())
			.isEqualTo(200);
	}

	@Test
	void ignoresAStaleAccessCookieOnThePublicSignInPath() {
		Person person = this.api.people().register();

		Response response = this.api.http()
			.post("/api/v1/auth/login")
			.cookie("nal_at", "expired.or.forged")
			.json(Map.of("email", person.email(), "password", person.password()))
			.send();

		assertThat(response.status()).isEqualTo(200);
	}

	private Response wrong(Person person) {
		return this.api.people().login(person.email(), "not " + person.password(), ClientAddresses.next(), null);
	}

	private Response absent(String unknownEmail, Person person) {
		return this.api.people().login(unknownEmail, person.password(), ClientAddresses.next(), null);
	}

	private void forgetSignInAttempts(String... emails) {
		for (String email : emails) {
			this.api.jdbc()
				.sql("delete from users.throttle where key = ?")
				.param("sign-in:account:" + Emails.fingerprint(email))
				.update();
		}
	}

	private String passwordHash(Person person) {
		return this.api.jdbc()
			.sql("select password_hash from users.account where id = ?")
			.param(person.id().value())
			.query(String.class)
			.single();
	}

	private static long median(List<Long> samples) {
		List<Long> sorted = new ArrayList<>(samples);
		Collections.sort(sorted);
		return sorted.get(sorted.size() / 2);
	}

	private static JsonNode withoutRequestId(Response response) {
		tools.jackson.databind.node.ObjectNode body = (tools.jackson.databind.node.ObjectNode) response.json();
		body.remove("requestId");
		return body;
	}

}
