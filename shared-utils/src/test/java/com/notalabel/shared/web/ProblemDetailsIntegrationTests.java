package com.notalabel.shared.web;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.notalabel.shared.testapp.SharedUtilsIntegrationTest;
import com.notalabel.test.http.Response;
import com.notalabel.test.http.TestHttp;
import com.notalabel.test.logging.LogLevels;
import com.notalabel.test.security.TestKeySet;

import static com.notalabel.test.http.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of failure leaves a service as problem+json (ARCHITECTURE.md §3) with a code
 * and the request id, and nothing internal.
 */
@SharedUtilsIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ProblemDetailsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestKeySet jwks;

	TestHttp http;

	String token;

	@BeforeEach
	void setUp() {
		this.http = TestHttp.on(this.port);
		this.token = this.jwks.accessToken(UUID.randomUUID(), UUID.randomUUID(), "artist");
	}

	@Nested
	class RequestBodies {

		@Test
		void listsEachInvalidFieldWithItsMessage() {
			Response response = ProblemDetailsIntegrationTests.this.http.post("/probe/echo")
				.body("application/json", "{\"name\":\"\",\"count\":42,\"email\":\"not-an-email\"}")
				.bearer(ProblemDetailsIntegrationTests.this.token)
				.send();

			assertProblem(response, 400, "request.invalid");
			assertThat(response.json().path("errors").valueStream().map((error) -> error.path("field").asString()))
				.containsExactlyInAnyOrder("name", "count", "email");
			assertThat(response.json().path("errors").valueStream().map((error) -> error.path("message").asString()))
				.allSatisfy((message) -> assertThat(message).isNotBlank());
			assertThat(response.json().path("instance").asString()).isEqualTo("/probe/echo");
		}

		@Test
		void saysSoWhenTheBodyIsNotJson() {
			Response response = ProblemDetailsIntegrationTests.this.http.post("/probe/echo")
				.body("application/json", "{\"name\": ")
				.bearer(ProblemDetailsIntegrationTests.this.token)
				.send();

			assertProblem(response, 400, "request.malformed");
		}

		@Test
		void namesTheFieldThatHasTheWrongType() {
			Response response = ProblemDetailsIntegrationTests.this.http.post("/probe/echo")
				.body("application/json", "{\"name\":\"x\",\"count\":\"many\",\"email\":\"a@example.com\"}")
				.bearer(ProblemDetailsIntegrationTests.this.token)
				.send();

			assertProblem(response, 400, "request.invalid");
			assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("count");
		}

		@Test
		void refusesAContentTypeTheEndpointDoesNotRead() {
			Response response = ProblemDetailsIntegrationTests.this.http.post("/probe/echo")
				.body("text/plain", "hello")
				.bearer(ProblemDetailsIntegrationTests.this.token)
				.send();

			assertProblem(response, 415, "request.unsupported_media_type");
		}

		@Test
		void refusesAnUploadOverTheLimit() {
			String boundary = "nal-boundary";
			String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.wav\"\r\n"
					+ "Content-Type: application/octet-stream\r\n\r\n" + "x".repeat(1500) + "\r\n--" + boundary
					+ "--\r\n";
			Response response = ProblemDetailsIntegrationTests.this.http.post("/probe/upload")
				.body("multipart/form-data; boundary=" + boundary, body)
				.bearer(ProblemDetailsIntegrationTests.this.token)
				.send();

			assertProblem(response, 413, "request.too_large");
		}

	}

	@Nested
	class Resources {

		@Test
		void rendersADomainExceptionWithItsOwnCodeAndMembers() {
			UUID id = UUID.randomUUID();
			Response response = ProblemDetailsIntegrationTests.this.http.get("/probe/items/" + id)
				.bearer(ProblemDetailsIntegrationTests.this.token)
				.send();

			assertProblem(response, 404, "item.not_found");
			assertThat(response.json().path("detail").asString()).isEqualTo("No item " + id + ".");
			assertThat(response.json().path("itemId").asString()).isEqualTo(id.toString());
			assertThat(response.header("Cache-Control")).isEqualTo("max-age=5");
		}

		@Test
		void answersAnUnknownAddressWithNotFound() {
			Response response = ProblemDetailsIntegrationTests.this.http.get("/probe/nothing-here")
				.bearer(ProblemDetailsIntegrationTests.this.token)
				.send();

			assertProblem(response, 404, "resource.not_found");
		}

		@Test
		void namesAParameterThatIsNotAnId() {
			Response response = ProblemDetailsIntegrationTests.this.http.get("/probe/items/not-a-uuid")
				.bearer(ProblemDetailsIntegrationTests.this.token)
				.send();

			assertProblem(response, 400, "request.invalid");
			assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("id");
		}

		@Test
		void answersAMethodTheAddressDoesNotAcceptWith405() {
			Response response = ProblemDetailsIntegrationTests.this.http.delete("/probe/me")
				.bearer(ProblemDetailsIntegrationTests.this.token)
				.send();

			assertProblem(response, 405, "request.method_not_allowed");
		}

		@Test
		void turnsAUniqueConstraintViolationIntoAConflictWithoutTheSql() {
			Response response = ProblemDetailsIntegrationTests.this.http.post("/probe/duplicate")
				.body("application/json", "")
				.bearer(ProblemDetailsIntegrationTests.this.token)
				.send();

			assertProblem(response, 409, "resource.conflict");
			assertThat(response.body()).doesNotContain("unique_thing", "duplicate key");
		}

		@Test
		void logsAConflictByConstraintNameWithoutTheConflictingValue(CapturedOutput output) {
			Response response;
			try (LogLevels raised = LogLevels.raise(ProblemDetailsExceptionHandler.class, LogLevel.INFO)) {
				response = ProblemDetailsIntegrationTests.this.http.post("/probe/duplicate")
					.body("application/json", "")
					.bearer(ProblemDetailsIntegrationTests.this.token)
					.send();
			}

			String requestId = response.header(RequestIds.HEADER);
			assertThat(output.getOut()).containsPattern(
					"\"message\":\"Request conflicted with stored data \\(constraint unique_thing_name_key\\)\"[^\\n]*\"requestId\":\""
							+ requestId + "\"")
				.doesNotContainPattern("Key \\(name\\)=");
		}

	}

	@Nested
	class Failures {

		@Test
		void hidesWhatWentWrongInAnUnexpectedFailure() {
			Response response = ProblemDetailsIntegrationTests.this.http.get("/probe/fail")
				.bearer(ProblemDetailsIntegrationTests.this.token)
				.send();

			assertProblem(response, 500, "server.error");
			assertThat(response.body()).doesNotContain("password_hash", "victim", "IllegalState");
		}

		@Test
		void rendersAFailureOutsideAnyControllerAsAProblemToo() {
			Response response = ProblemDetailsIntegrationTests.this.http.get("/public/filter-failure").send();

			assertProblem(response, 500, "server.error");
			assertThat(response.body()).doesNotContain("Secret", "filter blew up");
			assertThat(response.json().path("instance").asString()).isEqualTo("/public/filter-failure");
		}

		@Test
		void answersAClientThatAcceptsOnlyHtmlWithAProblemAnyway() {
			Response response = ProblemDetailsIntegrationTests.this.http.get("/probe/items/" + UUID.randomUUID())
				.header("Accept", "text/html")
				.header("Authorization", "Bearer " + ProblemDetailsIntegrationTests.this.token)
				.send();

			assertThat(response.status()).isIn(404, 406);
			assertThat(response.body()).doesNotContain("<html", "Whitelabel");
		}

	}

}
