package com.notalabel.user.registration;

import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import com.notalabel.test.http.Response;
import com.notalabel.test.http.SetCookie;
import com.notalabel.types.events.user.EmailVerificationRequested;
import com.notalabel.types.events.user.UserProfileUpdated;
import com.notalabel.types.events.user.UserRegistered;
import com.notalabel.user.UserServiceIntegrationTest;
import com.notalabel.user.testing.ClientAddresses;
import com.notalabel.user.testing.People;
import com.notalabel.user.testing.Person;
import com.notalabel.user.testing.UserServiceApi;

import static org.assertj.core.api.Assertions.assertThat;

@UserServiceIntegrationTest
class RegistrationIntegrationTests {

	private final UserServiceApi api;

	RegistrationIntegrationTests(@Autowired UserServiceApi api) {
		this.api = api;
	}

	@Test
	void createsAnArtistAccountAndSignsThePersonIn() {
		String email = People.newEmail();
		Response response = register(email.toUpperCase(), People.newPassword(), " Nova Lane ");

		assertThat(response.status()).isEqualTo(201);
		assertThat(response.header("Location")).isEqualTo("/api/v1/users/me");
		assertThat(response.json().propertyNames()).containsExactly("user", "accessToken", "expiresIn");
		assertThat(response.json().path("user").path("email").asString()).isEqualTo(email);
		assertThat(response.json().path("user").path("displayName").asString()).isEqualTo("Nova Lane");
		assertThat(response.json().path("user").path("emailVerified").asBoolean()).isFalse();
		assertThat(response.json().path("user").path("roles").get(0).asString()).isEqualTo("ARTIST");
		assertThat(response.json().path("accessToken").asString())
			.isEqualTo(response.cookie("nal_at").orElseThrow().value());
		assertThat(response.json().path("expiresIn").asLong()).isBetween(86_000L, 86_400L);
		assertThat(response.header("Cache-Control")).contains("no-store");
	}

	@Test
	void setsTheTokenCookiesHttpOnlySecureAndStrict() {
		Response response = register(People.newEmail(), People.newPassword(), "Cookie Monster");

		SetCookie access = response.cookie("nal_at").orElseThrow();
		SetCookie refresh = response.cookie("nal_rt").orElseThrow();
		SetCookie device = response.cookie("nal_dev").orElseThrow();
		for (SetCookie cookie : new SetCookie[] { access, refresh, device }) {
			assertThat(cookie.has("HttpOnly")).as(cookie.name()).isTrue();
			assertThat(cookie.has("Secure")).as(cookie.name()).isTrue();
			assertThat(cookie.attribute("SameSite")).as(cookie.name()).isEqualTo("Strict");
			assertThat(cookie.has("Domain")).as(cookie.name()).isFalse();
		}
		assertThat(access.attribute("Path")).isEqualTo("/");
		assertThat(access.maxAge()).isBetween(86_000L, 86_400L);
		assertThat(refresh.attribute("Path")).isEqualTo("/api/v1/auth");
		assertThat(refresh.maxAge()).isBetween(30 * 86_400L - 100, 30 * 86_400L);
		assertThat(device.attribute("Path")).isEqualTo("/api/v1/auth");
		assertThat(device.maxAge()).isEqualTo(365 * 86_400L);
	}

	@Test
	void publishesTheRegistrationAndAVerificationMail() {
		Person person = this.api.people().register();

		UserRegistered registered = this.api.events()
			.await(UserRegistered.class, (event) -> event.userId().equals(person.id()));
		EmailVerificationRequested verification = this.api.events()
			.await(EmailVerificationRequested.class, (event) -> event.userId().equals(person.id()));

		assertThat(registered.email()).isEqualTo(person.email());
		assertThat(registered.displayName()).isEqualTo(person.displayName());
		assertThat(verification.email()).isEqualTo(person.email());
		UserProfileUpdated profile = this.api.events()
			.await(UserProfileUpdated.class, (event) -> event.userId().equals(person.id()));
		assertThat(profile.displayName()).isEqualTo(person.displayName());
		assertThat(profile.handle()).isNull();
		assertThat(verification.token()).matches("[A-Za-z0-9_-]{43}");
		assertThat(verification.expiresAt()).isBetween(registered.registeredAt().plusSeconds(24 * 3600 - 60),
				registered.registeredAt().plusSeconds(24 * 3600 + 60));
	}

	@Test
	void storesOnlyAnArgon2idHashAtOwaspParameters() {
		Person person = this.api.people().register();

		String hash = this.api.jdbc()
			.sql("select password_hash from users.account where id = ?")
			.param(person.id().value())
			.query(String.class)
			.single();

		assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain(person.password());
	}

	@Nested
	class Refuses {

		@Test
		void anAddressThatHasAnAccountInAnyCase() {
			Person person = RegistrationIntegrationTests.this.api.people().register();

			Response response = register(person.email().toUpperCase(), People.newPassword(), "Impostor");

			assertThat(response.status()).isEqualTo(409);
			assertThat(response.code()).isEqualTo("auth.email_taken");
			assertThat(response.cookies()).isEmpty();
		}

		@Test
		void aPasswordShorterThanEightCharacters() {
			assertPasswordRefused("seven77", "must be at least 8 characters long");
		}

		@Test
		void aPasswordLongerThan128Characters() {
			assertPasswordRefused("x".repeat(129), "must be at most 128 characters long");
		}

		@Test
		void aCommonPasswordInAnyCase() {
			assertPasswordRefused("QwertyUiop",
					"is one of the most common passwords; choose one that is harder to guess");
		}

		@Test
		void aPasswordWithAnUnpairedSurrogateOrNulNamingTheFieldAndNotRepeatingIt() {
			for (String password : new String[] { "long enough\\ud800x", "long enough\\u0000x" }) {
				String email = People.newEmail();
				Response response = RegistrationIntegrationTests.this.api.http()
					.post("/api/v1/auth/register")
					.body("application/json",
							"{\"email\":\"" + email + "\",\"password\":\"" + password
									+ "\",\"displayName\":\"Broken Text\"}")
					.send();

				assertThat(response.status()).isEqualTo(400);
				assertThat(response.code()).isEqualTo("request.invalid");
				assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("password");
				assertThat(response.body()).doesNotContain("long enough");
				assertThat(accountsWith(email)).isZero();
			}
		}

		@Test
		void theAddressAsPassword() {
			String email = People.newEmail();
			Response response = register(email, email, "Self Referential");

			assertThat(response.status()).isEqualTo(400);
			assertThat(response.json().path("errors").get(0).path("message").asString())
				.isEqualTo("must not be your e-mail address or name");
		}

		@Test
		void fieldsARegistrationDoesNotHaveAndCreatesNothing() {
			String email = People.newEmail();
			Response response = RegistrationIntegrationTests.this.api.http()
				.post("/api/v1/auth/register")
				.json(Map.of("email", email, "password", People.newPassword(), "displayName", "Sneaky", "roles",
						new String[] { "ADMIN" }))
				.send();

			assertThat(response.status()).isEqualTo(400);
			assertThat(response.code()).isEqualTo("request.invalid");
			assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("roles");
			assertThat(accountsWith(email)).isZero();
		}

		@Test
		void anInvalidAddress() {
			Response response = register("not-an-address", People.newPassword(), "Nobody");

			assertThat(response.status()).isEqualTo(400);
			assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("email");
		}

		@Test
		void moreThanTenAttemptsAnHourFromOneAddress() {
			String address = ClientAddresses.next();
			String email = registerFrom(address);
			for (int attempt = 2; attempt <= 10; attempt++) {
				Response taken = RegistrationIntegrationTests.this.api.http()
					.post("/api/v1/auth/register")
					.header(ClientAddresses.HEADER, address)
					.json(Map.of("email", email, "password", People.newPassword(), "displayName", "Again"))
					.send();
				assertThat(taken.status()).as("attempt %d", attempt).isEqualTo(409);
			}

			Response throttled = RegistrationIntegrationTests.this.api.http()
				.post("/api/v1/auth/register")
				.header(ClientAddresses.HEADER, address)
				.json(Map.of("email", People.newEmail(), "password", People.newPassword(), "displayName", "Late"))
				.send();

			assertThat(throttled.status()).isEqualTo(429);
			assertThat(throttled.code()).isEqualTo("auth.too_many_attempts");
			assertThat(Long.parseLong(throttled.header("Retry-After"))).isBetween(55L, 60L);
		}

		private String registerFrom(String address) {
			String email = People.newEmail();
			Response response = RegistrationIntegrationTests.this.api.http()
				.post("/api/v1/auth/register")
				.header(ClientAddresses.HEADER, address)
				.json(Map.of("email", email, "password", People.newPassword(), "displayName", "First"))
				.send();
			assertThat(response.status()).isEqualTo(201);
			return email;
		}

		private void assertPasswordRefused(String password, String message) {
			String email = People.newEmail();
			Response response = register(email, password, "Weak Password");

			assertThat(response.status()).isEqualTo(400);
			assertThat(response.code()).isEqualTo("request.invalid");
			assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("password");
			assertThat(response.json().path("errors").get(0).path("message").asString()).isEqualTo(message);
			assertThat(accountsWith(email)).isZero();
		}

	}

	private Response register(String email, String password, String displayName) {
		return this.api.http()
			.post("/api/v1/auth/register")
			.json(Map.of("email", email, "password", password, "displayName", displayName))
			.send();
	}

	private long accountsWith(String email) {
		return this.api.jdbc()
			.sql("select count(*) from users.account where email = lower(?)")
			.param(email)
			.query(Long.class)
			.single();
	}

}
