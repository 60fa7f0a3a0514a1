package com.notalabel.user.testing;

import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.notalabel.test.http.Response;
import com.notalabel.test.http.TestHttp;
import com.notalabel.types.id.SessionId;
import com.notalabel.types.id.UserId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Registers and signs people in through the API, each from an address of their own.
 */
public final class People {

	private final TestHttp http;

	public People(TestHttp http) {
		this.http = http;
	}

	public static String newEmail() {
		return "artist-" + UUID.randomUUID() + "@example.com";
	}

	public static String newPassword() {
		return "keys of " + UUID.randomUUID();
	}

	public Person register() {
		return register(newEmail(), newPassword());
	}

	public Person register(String email, String password) {
		String displayName = "Artist " + email.substring(7, 13);
		Response response = this.http.post("/api/v1/auth/register")
			.json(Map.of("email", email, "password", password, "displayName", displayName))
			.send();
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return person(email, password, displayName, response);
	}

	/**
	 * Signs in again from the same browser (with its device cookie): a second session.
	 */
	public Person signIn(Person person) {
		Response response = login(person.email(), person.password(), ClientAddresses.next(), person.deviceToken());
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return person(person.email(), person.password(), person.displayName(), response);
	}

	public Response login(String email, String password, String clientAddress, @Nullable String deviceToken) {
		TestHttp.Request request = this.http.post("/api/v1/auth/login")
			.header(ClientAddresses.HEADER, clientAddress)
			.json(Map.of("email", email, "password", password));
		if (deviceToken != null) {
			request.cookie("nal_dev", deviceToken);
		}
		return request.send();
	}

	private static Person person(String email, String password, String displayName, Response response) {
		String accessToken = response.cookie("nal_at").orElseThrow().value();
		return new Person(email, password, displayName,
				UserId.parse(response.json().path("user").path("id").asString()),
				SessionId.parse(Jwts.claims(accessToken).path("sid").asString()), accessToken,
				response.cookie("nal_rt").orElseThrow().value(), response.cookie("nal_dev").orElseThrow().value());
	}

}
