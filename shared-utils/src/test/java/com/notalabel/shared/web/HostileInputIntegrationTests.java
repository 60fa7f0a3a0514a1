package com.notalabel.shared.web;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.notalabel.shared.testapp.RawHttp;
import com.notalabel.shared.testapp.SharedUtilsIntegrationTest;
import com.notalabel.test.http.Response;
import com.notalabel.test.http.TestHttp;
import com.notalabel.test.security.TestKeySet;

import static com.notalabel.test.http.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an attacker sends (issue 13, "Hostile input") is answered by every service with a
 * 4xx problem+json naming what is wrong, whichever layer refuses it: Jackson, Spring
 * MVC's binding, Tomcat's parameter and multipart parsing, Tomcat itself before any
 * application code, or PostgreSQL. {@link JettyHostileInputIntegrationTests} runs every
 * case again on Jetty.
 */
@SharedUtilsIntegrationTest
class HostileInputIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestKeySet jwks;

	TestHttp http;

	RawHttp raw;

	String token;

	@BeforeEach
	void setUp() {
		this.http = TestHttp.on(this.port);
		this.raw = new RawHttp(this.port);
		this.token = this.jwks.accessToken(UUID.randomUUID(), UUID.randomUUID(), "artist");
	}

	Response postJson(String path, String json) {
		return this.http.post(path).body("application/json", json).bearer(this.token).send();
	}

	String authorization() {
		return "Authorization: Bearer " + this.token + "\r\n";
	}

	/**
	 * Tomcat refuses a request head over {@code max-http-request-header-size} with 400,
	 * whether the headers or the request line made it so.
	 */
	void assertHeadOverTheLimitRefused(Response headers, Response uri) {
		assertProblem(headers, 400, "request.malformed");
		assertProblem(uri, 400, "request.malformed");
	}

	/** Tomcat's multipart parser refuses the name, however it is encoded. */
	void assertNulInAFileNameRefused(Response plain, Response encoded) {
		assertProblem(plain, 400, "request.invalid");
		assertProblem(encoded, 400, "request.invalid");
	}

	static void assertFieldError(Response response, String field, String message) {
		assertProblem(response, 400, "request.invalid");
		JsonNode errors = response.json().path("errors");
		assertThat(errors.size()).isEqualTo(1);
		assertThat(errors.get(0).path("field").asString()).isEqualTo(field);
		assertThat(errors.get(0).path("message").asString()).isEqualTo(message);
	}

	@Nested
	class JsonStrings {

		@Test
		void refusesAnUnpairedSurrogateNamingTheFieldAndNotRepeatingIt() {
			Response response = postJson("/probe/echo",
					"{\"name\":\"secret\\ud800x\",\"count\":1,\"email\":\"a@example.com\"}");

			assertFieldError(response, "name", StorableText.MESSAGE);
			assertThat(response.body()).doesNotContain("secret");
		}

		@Test
		void refusesANulCharacterDeepInsideTheBodyNamingItsPath() {
			Response response = postJson("/probe/profile", """
					{"displayName":"Ada","tags":{},
					 "links":[{"label":"a","url":"https://a.example"},{"label":"b","url":"https://b\\u0000.example"}]}
					""");

			assertFieldError(response, "links[1].url", StorableText.MESSAGE);
		}

		@Test
		void refusesANulCharacterInAMapsKeyOrValue() {
			Response key = postJson("/probe/profile",
					"{\"displayName\":\"Ada\",\"links\":[],\"tags\":{\"genre\\u0000\":\"jazz\"}}");
			Response value = postJson("/probe/profile",
					"{\"displayName\":\"Ada\",\"links\":[],\"tags\":{\"genre\":\"jazz\\u0000\"}}");

			assertFieldError(key, "tags", StorableText.MESSAGE);
			assertFieldError(value, "tags.genre", StorableText.MESSAGE);
		}

		@Test
		void refusesANulCharacterInAListOfStrings() {
			Response response = postJson("/probe/profile",
					"{\"displayName\":\"Ada\",\"links\":[],\"tags\":{},\"genres\":[\"jazz\",\"folk\\u0000\"]}");

			assertFieldError(response, "genres[1]", StorableText.MESSAGE);
		}

		@Test
		void refusesUnstorableTextInAMergePatch() {
			Response response = postJson("/probe/patch", "{\"displayName\":\"Ada\\u0000\"}");

			assertFieldError(response, "displayName", StorableText.MESSAGE);
		}

		@Test
		void acceptsEmojiControlCharactersAndEscapesThatCanBeStored() {
			Response response = postJson("/probe/echo",
					"{\"name\":\"\\ud83c\\udfb5 Ada\\tLovelace\\n\",\"count\":1,\"email\":\"a@example.com\"}");

			assertThat(response.status()).isEqualTo(200);
			assertThat(response.json().path("name").asString()).isEqualTo("\uD83C\uDFB5 Ada\tLovelace\n");
		}

	}

	@Nested
	class DuplicateMembers {

		@Test
		void refusesAMemberGivenTwiceInsteadOfLettingTheLastWin() {
			Response response = postJson("/probe/echo",
					"{\"name\":\"Ada\",\"count\":1,\"name\":\"admin\",\"email\":\"a@example.com\"}");

			assertFieldError(response, "name", "appears more than once");
		}

		@Test
		void namesADuplicateInANestedObjectByItsPath() {
			Response response = postJson("/probe/profile", """
					{"displayName":"Ada","tags":{},"links":[{"label":"a","label":"b","url":"https://a.example"}]}
					""");

			assertFieldError(response, "links[0].label", "appears more than once");
		}

		@Test
		void refusesADuplicateInAMergePatch() {
			Response response = postJson("/probe/patch", "{\"displayName\":\"Ada\",\"displayName\":\"Eve\"}");

			assertFieldError(response, "displayName", "appears more than once");
		}

	}

	@Nested
	class Parameters {

		@Test
		void refusesANulInAQueryParameterNamingIt() {
			Response response = HostileInputIntegrationTests.this.http.get("/probe/search?q=a%00b")
				.bearer(HostileInputIntegrationTests.this.token)
				.send();

			assertFieldError(response, "q", StorableText.MESSAGE);
		}

		@Test
		void refusesANulInAPathVariable() {
			Response response = HostileInputIntegrationTests.this.raw.send("GET /probe/names/a%00b HTTP/1.1",
					authorization());

			assertProblem(response, 400, "request.malformed");
		}

		@Test
		void refusesAQueryThatIsNotPercentEncodedUtf8() {
			Response response = HostileInputIntegrationTests.this.http.get("/probe/search?q=%ff")
				.bearer(HostileInputIntegrationTests.this.token)
				.send();

			assertProblem(response, 400, "request.malformed");
		}

		@Test
		void refusesSuchAQueryAlsoWhenAFilterReadsItBeforeAnyController() {
			Response response = HostileInputIntegrationTests.this.http.get("/public/filter-parameter?x=%ff").send();

			assertProblem(response, 400, "request.malformed");
			assertThat(response.json().path("instance").asString()).isEqualTo("/public/filter-parameter");
		}

		@Test
		void refusesAFormBodyThatIsNotPercentEncodedUtf8() {
			Response response = HostileInputIntegrationTests.this.http.post("/probe/registrations")
				.body("application/x-www-form-urlencoded", "email=%ff")
				.bearer(HostileInputIntegrationTests.this.token)
				.send();

			assertProblem(response, 400, "request.malformed");
		}

	}

	@Nested
	class Multipart {

		Response upload(String disposition, String rest) {
			String body = "--nal\r\nContent-Disposition: form-data; name=\"file\"; " + disposition
					+ "\r\nContent-Type: application/octet-stream\r\n\r\n" + rest;
			return HostileInputIntegrationTests.this.raw.send("POST /probe/upload HTTP/1.1",
					authorization() + "Content-Type: multipart/form-data; boundary=nal\r\n", body);
		}

		@Test
		void refusesAFileNameContainingNul() {
			Response plain = upload("filename=\"a\u0000b.wav\"", "xyz\r\n--nal--\r\n");
			Response encoded = upload("filename*=UTF-8''a%00b.wav", "xyz\r\n--nal--\r\n");

			assertNulInAFileNameRefused(plain, encoded);
		}

		@Test
		void refusesABodyThatEndsBeforeItsLastBoundary() {
			Response response = upload("filename=\"a.wav\"", "xyz");

			assertProblem(response, 400, "request.malformed");
		}

	}

	@Nested
	class BeforeAnyApplicationCode {

		@Test
		void answersUndecodablePercentEncodingInThePathWithAProblemNotTomcatsPage() {
			Response response = HostileInputIntegrationTests.this.raw.send("GET /probe/items/%ff HTTP/1.1",
					authorization());

			assertProblem(response, 400, "request.malformed");
			assertThat(response.json().path("instance").asString()).isEqualTo("/probe/items/%ff");
			assertThat(response.body()).doesNotContain("<html", "Tomcat", "Apache");
		}

		@Test
		void answersAMalformedRequestLine() {
			Response response = HostileInputIntegrationTests.this.raw.send("GET /pro be HTTP/1.1", "");

			assertProblem(response, 400, "request.malformed");
		}

		@Test
		void answersBytesThatAreNoRequestAtAll() {
			Response response = HostileInputIntegrationTests.this.raw
				.sendBytes("\u0001\u0002hello\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

			assertProblem(response, 400, "request.malformed");
		}

		@Test
		void answersAnHttpVersionItDoesNotSpeak() {
			Response response = HostileInputIntegrationTests.this.raw.send("GET /public/hello HTTP/3.0", "");

			assertProblem(response, 505, "request.http_version_not_supported");
		}

		@Test
		void answersHeadersOverTheLimit() {
			Response headers = HostileInputIntegrationTests.this.raw.send("GET /public/hello HTTP/1.1",
					"X-Padding: " + "a".repeat(30_000) + "\r\n");
			Response uri = HostileInputIntegrationTests.this.raw
				.send("GET /public/hello?" + "a".repeat(30_000) + " HTTP/1.1", "");

			assertHeadOverTheLimitRefused(headers, uri);
		}

		@Test
		void answersAHeaderThatIsNotAHeader() {
			Response response = HostileInputIntegrationTests.this.raw.send("GET /public/hello HTTP/1.1",
					"Bad Header: x\r\n");

			assertProblem(response, 400, "request.malformed");
		}

		@Test
		void keepsTheCallersRequestIdOnTomcatsOwnRefusals() {
			Response response = HostileInputIntegrationTests.this.raw.send("GET /probe/items/%ff HTTP/1.1",
					"X-Request-Id: raw-test-00000001\r\n");

			assertProblem(response, 400, "request.malformed");
			assertThat(response.json().path("requestId").asString()).isEqualTo("raw-test-00000001");
		}

		@Test
		void answersWhatSpringSecuritysFirewallRejects() {
			Response response = HostileInputIntegrationTests.this.raw.send("GET /probe/me;x=y HTTP/1.1",
					authorization());

			assertProblem(response, 400, "request.malformed");
		}

	}

	@Nested
	class StoredValues {

		@Test
		void answersTextPostgresRefusesAsAnInvalidValueNotAConflict() {
			Response response = HostileInputIntegrationTests.this.http.post("/probe/store-nul")
				.body("application/json", "")
				.bearer(HostileInputIntegrationTests.this.token)
				.send();

			assertProblem(response, 400, "request.invalid");
		}

		@Test
		void answersADatePostgresCannotStoreAsAnInvalidValueNotAConflict() {
			Response response = HostileInputIntegrationTests.this.http.post("/probe/store-date")
				.body("application/json", "")
				.bearer(HostileInputIntegrationTests.this.token)
				.send();

			assertProblem(response, 400, "request.invalid");
			assertThat(response.body()).doesNotContain("dated_thing", "date/time", "SQLSTATE", "22008");
		}

	}

}
