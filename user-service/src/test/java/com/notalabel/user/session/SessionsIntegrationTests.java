package com.notalabel.user.session;

import java.util.UUID;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import com.notalabel.test.http.Response;
import com.notalabel.types.events.user.SessionRevoked.RevocationReason;
import com.notalabel.types.events.user.SessionRevoked;
import com.notalabel.user.UserServiceIntegrationTest;
import com.notalabel.user.testing.Person;
import com.notalabel.user.testing.UserServiceApi;

import static org.assertj.core.api.Assertions.assertThat;

@UserServiceIntegrationTest
class SessionsIntegrationTests {

	private final UserServiceApi api;

	SessionsIntegrationTests(@Autowired UserServiceApi api) {
		this.api = api;
	}

	@Test
	void listsThePersonsActiveSessionsAndMarksTheCurrentOne() {
		Person laptop = this.api.people().register();
		Person phone = this.api.people().signIn(laptop);
		this.api.http()
			.post("/api/v1/auth/logout")
			.cookie("nal_rt", this.api.people().signIn(laptop).refreshToken())
			.send();

		Response response = this.api.http().get("/api/v1/auth/sessions").bearer(phone.accessToken()).send();

		assertThat(response.status()).isEqualTo(200);
		JsonNode body = response.json();
		assertThat(body.path("totalItems").asLong()).isEqualTo(2);
		assertThat(body.path("page").asInt()).isZero();
		assertThat(body.path("size").asInt()).isEqualTo(20);
		JsonNode current = body.path("items").get(0);
		assertThat(current.propertyNames()).containsExactly("id", "device", "createdAt", "lastUsedAt", "expiresAt",
				"current");
		assertThat(current.path("id").asString()).isEqualTo(phone.session().toString());
		assertThat(current.path("current").asBoolean()).isTrue();
		assertThat(current.path("device").asString()).isEqualTo("UserServiceTests/1.0");
		JsonNode other = body.path("items").get(1);
		assertThat(other.path("id").asString()).isEqualTo(laptop.session().toString());
		assertThat(other.path("current").asBoolean()).isFalse();
	}

	@Test
	void endsAnotherSessionOfThePerson() {
		Person laptop = this.api.people().register();
		Person phone = this.api.people().signIn(laptop);

		Response response = this.api.http()
			.delete("/api/v1/auth/sessions/" + laptop.session())
			.bearer(phone.accessToken())
			.send();

		assertThat(response.status()).isEqualTo(204);
		assertThat(response.cookies()).as("the current session's cookies stay").isEmpty();
		assertThat(this.api.http().get("/api/v1/users/me").bearer(laptop.accessToken()).send().status()).isEqualTo(401);
		assertThat(this.api.http().post("/api/v1/auth/refresh").cookie("nal_rt", laptop.refreshToken()).send().status())
			.isEqualTo(401);
		assertThat(this.api.http().get("/api/v1/users/me").bearer(phone.accessToken()).send().status()).isEqualTo(200);
		assertThat(this.api.events()
			.await(SessionRevoked.class, (event) -> event.sessionId().equals(laptop.session()))
			.reason()).isEqualTo(RevocationReason.SESSION_DELETED);
	}

	@Test
	void endsTheCurrentSessionAndClearsItsCookies() {
		Person person = this.api.people().register();

		Response response = this.api.http()
			.delete("/api/v1/auth/sessions/" + person.session())
			.bearer(person.accessToken())
			.send();

		assertThat(response.status()).isEqualTo(204);
		assertThat(response.cookie("nal_at").orElseThrow().maxAge()).isZero();
	}

	@Nested
	class AnswersNotFound {

		@Test
		void forAnotherPersonsSessionAndLeavesItAlone() {
			Person owner = SessionsIntegrationTests.this.api.people().register();
			Person stranger = SessionsIntegrationTests.this.api.people().register();

			Response response = SessionsIntegrationTests.this.api.http()
				.delete("/api/v1/auth/sessions/" + owner.session())
				.bearer(stranger.accessToken())
				.send();

			assertThat(response.status()).isEqualTo(404);
			assertThat(response.code()).isEqualTo("session.not_found");
			assertThat(SessionsIntegrationTests.this.api.http()
				.get("/api/v1/users/me")
				.bearer(owner.accessToken())
				.send()
				.status()).isEqualTo(200);
		}

		@Test
		void forAnUnknownOrEndedSession() {
			Person person = SessionsIntegrationTests.this.api.people().register();
			Person other = SessionsIntegrationTests.this.api.people().signIn(person);
			SessionsIntegrationTests.this.api.http()
				.delete("/api/v1/auth/sessions/" + other.session())
				.bearer(person.accessToken())
				.send();

			assertThat(SessionsIntegrationTests.this.api.http()
				.delete("/api/v1/auth/sessions/" + UUID.randomUUID())
				.bearer(person.accessToken())
				.send()
				.status()).isEqualTo(404);
			assertThat(SessionsIntegrationTests.this.api.http()
				.delete("/api/v1/auth/sessions/" + other.session())
				.bearer(person.accessToken())
				.send()
				.status()).isEqualTo(404);
		}

	}

}
