package com.notalabel.user.account;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.notalabel.test.http.Response;
import com.notalabel.user.UserServiceIntegrationTest;
import com.notalabel.user.testing.Jwts;
import com.notalabel.user.testing.Person;
import com.notalabel.user.testing.UserServiceApi;

import static org.assertj.core.api.Assertions.assertThat;

@UserServiceIntegrationTest
class UserAdministrationIntegrationTests {

	private final UserServiceApi api;

	private final RequestMappingHandlerMapping mappings;

	UserAdministrationIntegrationTests(@Autowired UserServiceApi api,
			@Autowired RequestMappingHandlerMapping requestMappingHandlerMapping) {
		this.api = api;
		this.mappings = requestMappingHandlerMapping;
	}

	/** Every endpoint of the admin controller, present and future. */
	@Test
	void refusesAnArtistEveryAdministrationEndpoint() {
		Person artist = this.api.people().register();
		int checked = 0;
		for (var mapping : this.mappings.getHandlerMethods().entrySet()) {
			HandlerMethod handler = mapping.getValue();
			if (handler.getBeanType() != UserAdministrationController.class) {
				continue;
			}
			RequestMappingInfo info = mapping.getKey();
			for (String pattern : info.getPatternValues()) {
				for (var method : info.getMethodsCondition().getMethods()) {
					String path = pattern.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
					Response response = send(method.name(), path, artist);
					assertThat(response.status()).as("%s %s", method, pattern).isEqualTo(403);
					assertThat(response.code()).isEqualTo("auth.forbidden");
					checked++;
				}
			}
		}
		assertThat(checked).isGreaterThanOrEqualTo(2);
	}

	@Test
	void letsAnAdminListAndReadAccounts() {
		Person admin = this.api.people().register();
		this.api.jdbc()
			.sql("update users.account set roles = '{ARTIST,ADMIN}' where id = ?")
			.param(admin.id().value())
			.update();
		Person signedIn = this.api.people().signIn(admin);
		assertThat(Jwts.claims(signedIn.accessToken()).path("roles").toString()).isEqualTo("[\"ARTIST\",\"ADMIN\"]");

		Response list = this.api.http().get("/api/v1/users?page=0&size=500").bearer(signedIn.accessToken()).send();
		Response one = this.api.http().get("/api/v1/users/" + admin.id()).bearer(signedIn.accessToken()).send();

		assertThat(list.status()).isEqualTo(200);
		assertThat(list.json().path("size").asInt()).isEqualTo(100);
		assertThat(list.json().path("totalItems").asLong()).isPositive();
		assertThat(one.status()).isEqualTo(200);
		assertThat(one.json().path("email").asString()).isEqualTo(admin.email());
	}

	@Test
	void refusesAnAnonymousCall() {
		assertThat(this.api.http().get("/api/v1/users").send().status()).isEqualTo(401);
	}

	private Response send(String method, String path, Person person) {
		return switch (method) {
			case "GET" -> this.api.http().get(path).bearer(person.accessToken()).send();
			case "DELETE" -> this.api.http().delete(path).bearer(person.accessToken()).send();
			case "PATCH" -> this.api.http().patch(path).bearer(person.accessToken()).json("{}").send();
			default -> this.api.http().post(path).bearer(person.accessToken()).json("{}").send();
		};
	}

}
