package com.notalabel.user.account;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import com.notalabel.test.http.Response;
import com.notalabel.test.http.TestHttp;
import com.notalabel.types.events.user.UserProfileUpdated.ProfileLink;
import com.notalabel.types.events.user.UserProfileUpdated;
import com.notalabel.user.UserServiceIntegrationTest;
import com.notalabel.user.testing.Person;
import com.notalabel.user.testing.UserServiceApi;

import static org.assertj.core.api.Assertions.assertThat;

@UserServiceIntegrationTest
class ProfileIntegrationTests {

	private final UserServiceApi api;

	ProfileIntegrationTests(@Autowired UserServiceApi api) {
		this.api = api;
	}

	@Test
	void answersTheSignedInPersonsAccount() {
		Person person = this.api.people().register();

		JsonNode me = me(person);

		assertThat(me.path("id").asString()).isEqualTo(person.id().toString());
		assertThat(me.path("email").asString()).isEqualTo(person.email());
		assertThat(me.path("displayName").asString()).isEqualTo(person.displayName());
		assertThat(me.path("roles").get(0).asString()).isEqualTo("ARTIST");
	}

	@Test
	void changesTheFieldsAPatchNamesAndPublishesTheWholeProfile() {
		Person person = this.api.people().register();
		String handle = handle();

		Response response = patch(person,
				Map.of("handle", handle.toUpperCase(), "bio", "Synth-pop from the basement.", "genres",
						List.of("synth-pop", "electronic"), "links",
						List.of(Map.of("label", "Bandcamp", "url", "https://example.bandcamp.com"))));

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.json().path("handle").asString()).isEqualTo(handle);
		assertThat(response.json().path("displayName").asString()).isEqualTo(person.displayName());
		assertThat(response.json().path("links").get(0).path("label").asString()).isEqualTo("Bandcamp");
		// The first UserProfileUpdated of the person is the one registration published.
		UserProfileUpdated updated = this.api.events()
			.await(UserProfileUpdated.class, (event) -> event.userId().equals(person.id()) && event.handle() != null);
		assertThat(updated.handle()).isEqualTo(handle);
		assertThat(updated.displayName()).isEqualTo(person.displayName());
		assertThat(updated.genres()).containsExactly("synth-pop", "electronic");
		assertThat(updated.links()).containsExactly(new ProfileLink("Bandcamp", "https://example.bandcamp.com"));
		assertThat(updated.avatarUrl()).isNull();
	}

	@Test
	void clearsAFieldSetToNullAndKeepsTheOthers() {
		Person person = this.api.people().register();
		patch(person, Map.of("bio", "Temporary", "location", "Lyon"));

		java.util.HashMap<String, Object> clearBio = new java.util.HashMap<>();
		clearBio.put("bio", null);
		Response response = patch(person, clearBio);

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().path("bio").isNull()).isTrue();
		assertThat(response.json().path("location").asString()).isEqualTo("Lyon");
	}

	@Test
	void showsThePublicProfileToAnyoneByHandle() {
		Person person = this.api.people().register();
		String handle = handle();
		patch(person, Map.of("handle", handle, "location", "Lisbon"));

		Response response = this.api.http().get("/api/v1/artists/" + handle.toUpperCase()).send();

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().propertyNames()).containsExactly("id", "handle", "displayName", "bio", "genres",
				"location", "links", "avatarUrl");
		assertThat(response.json().path("location").asString()).isEqualTo("Lisbon");
		assertThat(response.body()).doesNotContain(person.email());
	}

	@Test
	void answersNotFoundForAHandleNobodyHas() {
		Response response = this.api.http().get("/api/v1/artists/" + handle()).send();

		assertThat(response.status()).isEqualTo(404);
		assertThat(response.code()).isEqualTo("artist.not_found");
	}

	@Nested
	class Refuses {

		@Test
		void fieldsAProfileDoesNotHaveAndChangesNothing() {
			Person person = ProfileIntegrationTests.this.api.people().register();

			Response response = patch(person, Map.of("displayName", "Admin Now", "roles", List.of("ADMIN"),
					"emailVerified", true, "email", "other@example.com", "id", UUID.randomUUID().toString()));

			assertThat(response.status()).isEqualTo(400);
			assertThat(response.code()).isEqualTo("request.invalid");
			assertThat(response.json().path("errors").findValuesAsString("field")).containsExactly("email",
					"emailVerified", "id", "roles");
			JsonNode me = me(person);
			assertThat(me.path("displayName").asString()).isEqualTo(person.displayName());
			assertThat(me.path("roles")).hasSize(1);
			assertThat(me.path("emailVerified").asBoolean()).isFalse();
		}

		@Test
		void invalidValuesNamingEachField() {
			Person person = ProfileIntegrationTests.this.api.people().register();

			Response response = patch(person,
					Map.of("displayName", " ", "handle", "-no-", "bio", "x".repeat(2001), "genres",
							List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k"), "links",
							List.of(Map.of("label", "Evil", "url", "javascript:alert(1)"))));

			assertThat(response.status()).isEqualTo(400);
			assertThat(response.json().path("errors").findValuesAsString("field")).contains("bio", "displayName",
					"genres", "handle", "links[0].url");
		}

		@ParameterizedTest
		@ValueSource(strings = { "admin", "dashboard", "verify-email", "invitations", "unsubscribe" })
		void aReservedHandleOrOneOfTheWebAppsRoutes(String handle) {
			Person person = ProfileIntegrationTests.this.api.people().register();

			Response response = patch(person, Map.of("handle", handle));

			assertThat(response.status()).isEqualTo(400);
			assertThat(response.json().path("errors").get(0).path("message").asString()).isEqualTo("is reserved");
		}

		@Test
		void aValueOfTheWrongType() {
			Person person = ProfileIntegrationTests.this.api.people().register();

			Response response = patch(person, Map.of("genres", "rock"));

			assertThat(response.status()).isEqualTo(400);
			assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("genres");
		}

		@Test
		void aHandleAnotherArtistHas() {
			String handle = handle();
			patch(ProfileIntegrationTests.this.api.people().register(), Map.of("handle", handle));

			Response response = patch(ProfileIntegrationTests.this.api.people().register(), Map.of("handle", handle));

			assertThat(response.status()).isEqualTo(409);
			assertThat(response.code()).isEqualTo("profile.handle_taken");
		}

		@Test
		void anAnonymousCall() {
			assertThat(ProfileIntegrationTests.this.api.http()
				.patch("/api/v1/users/me")
				.json(Map.of("bio", "x"))
				.send()
				.status()).isEqualTo(401);
		}

	}

	private Response patch(Person person, Map<String, ?> fields) {
		return this.api.http()
			.patch("/api/v1/users/me")
			.bearer(person.accessToken())
			.body("application/merge-patch+json", TestHttp.json(fields))
			.send();
	}

	private JsonNode me(Person person) {
		return this.api.http().get("/api/v1/users/me").bearer(person.accessToken()).send().json();
	}

	private static String handle() {
		return "artist-" + UUID.randomUUID().toString().substring(0, 8);
	}

}
