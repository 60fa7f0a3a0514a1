package com.notalabel.user.privacy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import com.notalabel.test.http.Response;
import com.notalabel.types.events.user.SessionRevoked.RevocationReason;
import com.notalabel.types.events.user.SessionRevoked;
import com.notalabel.types.events.user.UserDeleted;
import com.notalabel.user.UserServiceIntegrationTest;
import com.notalabel.user.testing.ClientAddresses;
import com.notalabel.user.testing.People;
import com.notalabel.user.testing.Person;
import com.notalabel.user.testing.UserServiceApi;

import static org.assertj.core.api.Assertions.assertThat;

@UserServiceIntegrationTest
class PersonalDataIntegrationTests {

	private final UserServiceApi api;

	PersonalDataIntegrationTests(@Autowired UserServiceApi api) {
		this.api = api;
	}

	@Test
	void exportsEverythingHeldAboutThePersonAsAnAttachment() {
		Person laptop = this.api.people().register();
		Person phone = this.api.people().signIn(laptop);

		Response response = this.api.http().get("/api/v1/users/me/export").bearer(phone.accessToken()).send();

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("Content-Disposition"))
			.isEqualTo("attachment; filename=\"not-a-label-account.json\"");
		JsonNode export = response.json();
		assertThat(export.propertyNames()).containsExactly("exportedAt", "account", "emailVerifiedAt",
				"passwordChangedAt", "sessions", "knownDevices");
		assertThat(export.path("account").path("email").asString()).isEqualTo(laptop.email());
		assertThat(export.path("sessions").findValuesAsString("id")).containsExactly(laptop.session().toString(),
				phone.session().toString());
		assertThat(export.path("knownDevices")).hasSize(1);
		assertThat(response.body()).doesNotContain("argon2").doesNotContain(laptop.refreshToken());
	}

	@Test
	void erasesTheAccountEndsEverySessionAndTellsTheOtherServices() {
		Person laptop = this.api.people().register();
		Person phone = this.api.people().signIn(laptop);

		Response response = erase(phone, laptop.password());

		assertThat(response.status()).isEqualTo(202);
		assertThat(response.cookie("nal_at").orElseThrow().maxAge()).isZero();
		assertThat(response.cookie("nal_dev").orElseThrow().maxAge()).isZero();
		assertThat(this.api.events().await(UserDeleted.class, (event) -> event.userId().equals(laptop.id())))
			.isNotNull();
		for (Person session : List.of(laptop, phone)) {
			assertThat(this.api.events()
				.await(SessionRevoked.class, (event) -> event.sessionId().equals(session.session()))
				.reason()).isEqualTo(RevocationReason.ACCOUNT_DELETED);
			assertThat(this.api.http().get("/api/v1/users/me").bearer(session.accessToken()).send().status())
				.isEqualTo(401);
			assertThat(this.api.http()
				.post("/api/v1/auth/refresh")
				.cookie("nal_rt", session.refreshToken())
				.send()
				.status()).isEqualTo(401);
		}
		assertThat(this.api.people().login(laptop.email(), laptop.password(), ClientAddresses.next(), null).status())
			.isEqualTo(401);
		assertThat(rowsAbout(laptop)).isZero();
		assertThat(this.api.people().register(laptop.email(), People.newPassword()).id()).isNotEqualTo(laptop.id());
	}

	@Nested
	class RefusesToErase {

		@Test
		void withAWrongPassword() {
			Person person = PersonalDataIntegrationTests.this.api.people().register();

			Response response = erase(person, "not " + person.password());

			assertThat(response.status()).isEqualTo(400);
			assertThat(response.code()).isEqualTo("auth.wrong_password");
			assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("password");
			assertThat(rowsAbout(person)).isPositive();
		}

		@Test
		void withoutAPassword() {
			Person person = PersonalDataIntegrationTests.this.api.people().register();

			Response response = PersonalDataIntegrationTests.this.api.http()
				.delete("/api/v1/users/me")
				.bearer(person.accessToken())
				.send();

			assertThat(response.status()).isEqualTo(400);
			assertThat(rowsAbout(person)).isPositive();
		}

	}

	private Response erase(Person person, String password) {
		return this.api.http()
			.delete("/api/v1/users/me")
			.bearer(person.accessToken())
			.json(Map.of("password", password))
			.send();
	}

	private long rowsAbout(Person person) {
		return this.api.jdbc()
			.sql("select (select count(*) from users.account where id = :id)"
					+ " + (select count(*) from users.session where account_id = :id)"
					+ " + (select count(*) from users.account_token where account_id = :id)"
					+ " + (select count(*) from users.known_device where account_id = :id)")
			.param("id", person.id().value())
			.query(Long.class)
			.single();
	}

}
